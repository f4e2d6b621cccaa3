#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include "app/i18n.hpp"
#include "ui/theme.hpp"

namespace hotline::ui {
namespace {

// ImGui asks to grow the buffer while typing; the string is the buffer.
int resize_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

}  // namespace

std::string T(std::string_view key) { return std::string(app::tr(key)); }

bool input_text(const char* id, std::string& value, ImGuiInputTextFlags flags, const char* hint) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    if (hint)
        return ImGui::InputTextWithHint(id, hint, value.data(), value.capacity() + 1, flags, resize_string, &value);
    return ImGui::InputText(id, value.data(), value.capacity() + 1, flags, resize_string, &value);
}

bool input_multiline(const char* id, std::string& value, float height, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputTextMultiline(id, value.data(), value.capacity() + 1, ImVec2(-FLT_MIN, height), flags,
                                     resize_string, &value);
}

void name_last_item(const char* name) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    ImGuiContext& g = *ImGui::GetCurrentContext();
    IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, name, g.LastItemData.StatusFlags);
#else
    (void)name;
#endif
}

void focus_next_item() {
    ImGui::SetWindowFocus();
    ImGui::SetKeyboardFocusHere();
}

void text(std::string_view s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

void text_coloured(const ImVec4& colour, std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void text_muted(std::string_view s) { text_coloured(palette().muted, s); }

void text_wrapped(std::string_view s) {
    ImGui::PushTextWrapPos(0.0f);
    text(s);
    ImGui::PopTextWrapPos();
}

void badge(std::string_view s, ImU32 colour) {
    const ImVec2 pad(ImGui::GetFontSize() * 0.45f, 0.0f);
    const ImVec2 size = ImGui::CalcTextSize(s.data(), s.data() + s.size());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 box(size.x + pad.x * 2, size.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + box.x, at.y + box.y), colour, box.y * 0.5f);
    draw->AddText(ImVec2(at.x + pad.x, at.y), IM_COL32_WHITE, s.data(), s.data() + s.size());
    ImGui::Dummy(box);
}

bool accent_button(const char* label) {
    const Palette& p = palette();
    ImVec4 hovered = p.accent, active = p.accent;
    hovered.w = 0.88f;
    active.w = 0.75f;
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    ImGui::PushStyleColor(ImGuiCol_Border, p.accent);
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(5);
    return pressed;
}

}  // namespace hotline::ui
