#include "platform/web/fonts.hpp"

#include <imgui.h>

#include <cmath>

namespace hotline::web {
namespace {

// The same ranges as the build's font subset (src/platform/web/CMakeLists.txt):
// ImGui's own Cyrillic range lacks the dashes, quotes and ellipsis of General
// Punctuation. Zero-terminated; ImGui keeps the pointer.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x017F,  // Basic Latin, Latin-1 Supplement, Latin Extended-A
    0x0180, 0x024F,  // Latin Extended-B
    0x0370, 0x03FF,  // Greek and Coptic
    0x0400, 0x052F,  // Cyrillic, Cyrillic Supplement
    0x2000, 0x206F,  // General Punctuation (dashes, quotes, …)
    0x20AC, 0x20AC,  // €
    0x2116, 0x2116,  // №
    0x2192, 0x2192,  // → (hand-overs and transfers on the timeline)
    0x25B2, 0x25B2,  // ▲
    0x25BC, 0x25BC,  // ▼
    0,
};

}  // namespace

bool load_fonts(float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 2;  // subpixel positions stay smooth at ratio 1
    config.OversampleV = 1;
    const float size = std::round(kFontSizeCss * pixel_ratio);
    ImFont* font = io.Fonts->AddFontFromFileTTF(kFontPath, size, &config, kGlyphRanges);
    if (!font) return false;
    return io.Fonts->Build();
}

}  // namespace hotline::web
