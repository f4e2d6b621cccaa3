// The interface font: a subset of DejaVu Sans made at build time (Latin,
// Latin Extended-A, Cyrillic, general punctuation, €, №, ▲▼) and preloaded
// into the module's file system at kFontPath.
#pragma once

namespace hotline::web {

inline constexpr const char* kFontPath = "/fonts/ui.ttf";
inline constexpr float kFontSizeCss = 16.0f;  // CSS pixels

// (Re)builds ImGui's font atlas for `pixel_ratio` device pixels per CSS pixel,
// so text is rasterized at the screen's resolution. Returns false when the font
// file cannot be read. Call before ImGui::NewFrame; the renderer's font
// texture is recreated on its next NewFrame.
bool load_fonts(float pixel_ratio);

}  // namespace hotline::web
