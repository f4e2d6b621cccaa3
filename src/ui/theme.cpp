#include "ui/theme.hpp"

namespace hotline::ui {
namespace {

constexpr ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.0f, static_cast<float>((hex >> 8) & 0xff) / 255.0f,
                  static_cast<float>(hex & 0xff) / 255.0f, alpha);
}

// Neutral greys and one blue accent.
constexpr Palette kLight = {rgb(0x2563eb), rgb(0xffffff), rgb(0x5f6b7a), rgb(0xc62828), rgb(0x1b7f3b),
                            rgb(0xb45309), rgb(0xfff4d6), rgb(0x7a4b00), rgb(0xffffff)};
constexpr Palette kDark = {rgb(0x4c8dff), rgb(0xffffff), rgb(0x9aa4b2), rgb(0xff6b6b), rgb(0x5fd38a),
                           rgb(0xf0b45a), rgb(0x4a3a12), rgb(0xffe2a8), rgb(0x23272e)};

struct Applied {
    bool dark = false;
    float scale = 1.0f;
};
Applied applied;

void colours_light(ImVec4* c, const Palette& p) {
    c[ImGuiCol_Text] = rgb(0x1f2328);
    c[ImGuiCol_TextDisabled] = rgb(0x9aa3ad);
    c[ImGuiCol_WindowBg] = rgb(0xf3f4f6);
    c[ImGuiCol_ChildBg] = rgb(0xffffff, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0xffffff);
    c[ImGuiCol_Border] = rgb(0xd6dae0);
    c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(0xffffff);
    c[ImGuiCol_FrameBgHovered] = rgb(0xf5f8ff);
    c[ImGuiCol_FrameBgActive] = rgb(0xeef3ff);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = rgb(0xe9ecf0);
    c[ImGuiCol_MenuBarBg] = rgb(0xe9ecf0);
    c[ImGuiCol_ScrollbarBg] = rgb(0xf3f4f6, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(0xc4cad2);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xaab2bc);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x8f98a3);
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = rgb(0xe8ebef);
    c[ImGuiCol_ButtonHovered] = rgb(0xdde2e8);
    c[ImGuiCol_ButtonActive] = rgb(0xcfd5dd);
    c[ImGuiCol_Header] = rgb(0x2563eb, 0.16f);  // the selected row
    c[ImGuiCol_HeaderHovered] = rgb(0x2563eb, 0.08f);
    c[ImGuiCol_HeaderActive] = rgb(0x2563eb, 0.22f);
    c[ImGuiCol_Separator] = c[ImGuiCol_Border];
    c[ImGuiCol_SeparatorHovered] = c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = rgb(0x000000, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = c[ImGuiCol_ResizeGripActive] = p.accent;
    c[ImGuiCol_Tab] = rgb(0xe8ebef);
    c[ImGuiCol_TabHovered] = rgb(0xffffff);
    c[ImGuiCol_TabActive] = rgb(0xffffff);
    c[ImGuiCol_TabUnfocused] = rgb(0xe8ebef);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0xffffff);
    c[ImGuiCol_TableHeaderBg] = rgb(0xeef0f3);
    c[ImGuiCol_TableBorderStrong] = rgb(0xd6dae0);
    c[ImGuiCol_TableBorderLight] = rgb(0xe6e9ed);
    c[ImGuiCol_TableRowBg] = rgb(0xffffff);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xf8f9fb);
    c[ImGuiCol_TextSelectedBg] = rgb(0x2563eb, 0.25f);
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.25f);
}

void colours_dark(ImVec4* c, const Palette& p) {
    c[ImGuiCol_Text] = rgb(0xe6e8eb);
    c[ImGuiCol_TextDisabled] = rgb(0x6b7380);
    c[ImGuiCol_WindowBg] = rgb(0x1a1d22);
    c[ImGuiCol_ChildBg] = rgb(0x000000, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(0x2a2f37);
    c[ImGuiCol_Border] = rgb(0x3a404a);
    c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
    c[ImGuiCol_FrameBg] = rgb(0x2b3038);
    c[ImGuiCol_FrameBgHovered] = rgb(0x323844);
    c[ImGuiCol_FrameBgActive] = rgb(0x38404d);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = rgb(0x23272e);
    c[ImGuiCol_MenuBarBg] = rgb(0x23272e);
    c[ImGuiCol_ScrollbarBg] = rgb(0x000000, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = rgb(0x454c57);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x555d6a);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x656e7c);
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = rgb(0x323842);
    c[ImGuiCol_ButtonHovered] = rgb(0x3c4350);
    c[ImGuiCol_ButtonActive] = rgb(0x47505f);
    c[ImGuiCol_Header] = rgb(0x4c8dff, 0.30f);
    c[ImGuiCol_HeaderHovered] = rgb(0x4c8dff, 0.14f);
    c[ImGuiCol_HeaderActive] = rgb(0x4c8dff, 0.38f);
    c[ImGuiCol_Separator] = c[ImGuiCol_Border];
    c[ImGuiCol_SeparatorHovered] = c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = rgb(0x000000, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = c[ImGuiCol_ResizeGripActive] = p.accent;
    c[ImGuiCol_Tab] = rgb(0x2b3038);
    c[ImGuiCol_TabHovered] = rgb(0x3a414c);
    c[ImGuiCol_TabActive] = rgb(0x23272e);
    c[ImGuiCol_TabUnfocused] = rgb(0x2b3038);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0x23272e);
    c[ImGuiCol_TableHeaderBg] = rgb(0x2a2f37);
    c[ImGuiCol_TableBorderStrong] = rgb(0x3a404a);
    c[ImGuiCol_TableBorderLight] = rgb(0x30353e);
    c[ImGuiCol_TableRowBg] = rgb(0x23272e);
    c[ImGuiCol_TableRowBgAlt] = rgb(0x262b32);
    c[ImGuiCol_TextSelectedBg] = rgb(0x4c8dff, 0.35f);
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.45f);
}

}  // namespace

void apply_theme(bool dark, float scale) {
    applied = {dark, scale > 0 ? scale : 1.0f};
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();  // ScaleAllSizes multiplies: start from the unscaled defaults
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 5);
    style.CellPadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 8);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.ScrollbarSize = 12;
    style.GrabMinSize = 10;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;
    style.TabBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 5;
    style.PopupRounding = 6;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 4;
    style.TabRounding = 5;
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    if (dark) colours_dark(style.Colors, kDark);
    else colours_light(style.Colors, kLight);
    style.ScaleAllSizes(applied.scale);
}

bool theme_is_dark() { return applied.dark; }
float theme_scale() { return applied.scale; }

float touch_target() { return 44.0f * applied.scale; }

const Palette& palette() { return applied.dark ? kDark : kLight; }

ImU32 status_colour(IncidentStatus status) {
    // Open work in blues, done in greens, parked or finished in greys.
    static constexpr int kColours[kStatusCount] = {0x64748b, 0x6d5bd0, 0x2563eb, 0x16a34a,
                                                    0x0f8a7e, 0x9333ea, 0x6b7280, 0x4b5563};
    return ImGui::ColorConvertFloat4ToU32(rgb(kColours[static_cast<int>(status)]));
}

ImU32 priority_colour(int priority) {
    static constexpr int kColours[] = {0x6b7280, 0xdc2626, 0xea580c, 0x2f6fb0, 0x7c8795};  // ?, critical..low
    return ImGui::ColorConvertFloat4ToU32(rgb(kColours[priority >= 1 && priority <= 4 ? priority : 0]));
}

ImVec4 sla_colour(SlaStatus::State state) {
    switch (state) {
        case SlaStatus::State::follow_up: return rgb(0xb45309);
        case SlaStatus::State::warning: return rgb(0xea580c);
        case SlaStatus::State::late:
        case SlaStatus::State::breached: return palette().error;
        case SlaStatus::State::paused:
        case SlaStatus::State::met:
        case SlaStatus::State::none: return palette().muted;
        case SlaStatus::State::on_track: return ImGui::GetStyle().Colors[ImGuiCol_Text];
    }
    return palette().muted;
}

}  // namespace hotline::ui
