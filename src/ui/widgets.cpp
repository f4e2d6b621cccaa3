#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <optional>
#include <string>
#include <vector>

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

// The frame of the last focus_next_item(Caret::end): the text field it gives
// the keyboard to within a few frames (ImGui resolves the request a frame or
// two later) gets its caret after the text rather than all of it selected.
int caret_end_frame = -1000;
constexpr int kFocusFrames = 3;

// What every text input does after ImGui drew it: caret placement after a
// focus request, and the typed text kept when Escape made it let go.
// `before`: the value before the widget, when Escape is down this frame.
bool after_text_input(std::string& value, const std::optional<std::string>& before, bool edited) {
    if (ImGui::IsItemActivated() && ImGui::GetFrameCount() - caret_end_frame <= kFocusFrames) {
        caret_end_frame = -1000;
        if (ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID())) {
            state->Stb.cursor = state->CurLenW;
            state->ClearSelection();
        }
    }
    if (before && ImGui::IsItemDeactivated() && value != *before) {
        value = *before;
        return false;
    }
    return edited;
}

std::optional<std::string> value_if_escape(const std::string& value) {
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) return value;
    return std::nullopt;
}

}  // namespace

std::string T(std::string_view key) { return std::string(app::tr(key)); }

bool input_text(const char* id, std::string& value, ImGuiInputTextFlags flags, const char* hint) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    const auto before = value_if_escape(value);
    const bool edited =
        hint ? ImGui::InputTextWithHint(id, hint, value.data(), value.capacity() + 1, flags, resize_string, &value)
             : ImGui::InputText(id, value.data(), value.capacity() + 1, flags, resize_string, &value);
    return after_text_input(value, before, edited);
}

bool input_multiline(const char* id, std::string& value, float height, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    const auto before = value_if_escape(value);
    const bool edited = ImGui::InputTextMultiline(id, value.data(), value.capacity() + 1, ImVec2(-FLT_MIN, height),
                                                  flags, resize_string, &value);
    return after_text_input(value, before, edited);
}

void release_field(const char* id) {
    if (ImGui::GetActiveID() == ImGui::GetID(id)) ImGui::ClearActiveID();
}

bool combo_item(const char* label, bool current, ImGuiSelectableFlags flags) {
    const bool chosen = ImGui::Selectable(label, current, flags);
    if (current) ImGui::SetItemDefaultFocus();
    return chosen;
}

void name_last_item(const char* name) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    ImGuiContext& g = *ImGui::GetCurrentContext();
    IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, name, g.LastItemData.StatusFlags);
#else
    (void)name;
#endif
}

void focus_next_item(Caret caret) {
    ImGui::SetWindowFocus();
    ImGui::SetKeyboardFocusHere();
    if (caret == Caret::end) caret_end_frame = ImGui::GetFrameCount();
}

void text(std::string_view s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

void text_coloured(const ImVec4& colour, std::string_view s) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    text(s);
    ImGui::PopStyleColor();
}

void text_muted(std::string_view s) { text_coloured(palette().muted, s); }

void text_fitted(const ImVec4& colour, std::string_view s) {
    const float room = ImGui::GetContentRegionAvail().x;
    const auto width = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
    if (width(s) <= room) return text_coloured(colour, s);
    static constexpr std::string_view kEllipsis = "\u2026";
    // The longest prefix, cut between characters (not inside a UTF-8 sequence), that fits
    // with the ellipsis: a binary search over the character boundaries.
    std::vector<std::size_t> cuts;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) cuts.push_back(i);
    std::size_t fits = 0, lo = 0, hi = cuts.size();
    std::string shown;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        shown.assign(s.substr(0, cuts[mid])).append(kEllipsis);
        if (width(shown) <= room) fits = mid, lo = mid + 1;
        else hi = mid;
    }
    shown.assign(s.substr(0, cuts.empty() ? 0 : cuts[fits])).append(kEllipsis);
    text_coloured(colour, shown);
}

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

void same_line_if_room(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
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

bool begin_dialog(const char* name, bool open) {
    if (open && !ImGui::IsPopupOpen(name)) ImGui::OpenPopup(name);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    return ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
}

bool dialog_escape() { return !ImGui::IsWindowAppearing() && ImGui::IsKeyPressed(ImGuiKey_Escape, false); }

}  // namespace hotline::ui
