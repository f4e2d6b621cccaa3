// The whole interface, laid out as fixed windows:
//
//   top bar      the app's name, search, "New incident", "Settings" (+ the demo banner)
//   list | pane  the incident list; with a pane open (an incident, the new-incident
//                form, the settings) the list on the left and the pane on the right,
//                or on a narrow screen (a phone) the pane alone, Back in the top bar
//   status bar   saving state, the last message, counts
//
// Each part is a window of its own, so the browser tests can name the window
// an item is in ("Save" of "New incident" vs "Save" of "Incident"). The pane is
// submitted before the list: a name shared by a pane's field and a list column
// ("Title", "Customer", "Priority") then finds the field first.
#include "ui/ui.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/screens.hpp"
#include "ui/theme.hpp"

namespace hotline::ui {
namespace {

// The panes, by the screen that shows them.
struct Pane {
    app::Screen screen;
    const char* window;
    void (*draw)(Context&);
};
constexpr Pane kPanes[] = {
    {app::Screen::detail, "Incident", draw_detail},
    {app::Screen::create, "New incident", draw_create},
    {app::Screen::settings, "Settings", draw_settings},
    {app::Screen::conflicts, "Conflicts", draw_conflicts},
    {app::Screen::admin, "Administration", draw_admin},
    {app::Screen::knowledge, "Knowledge base", draw_knowledge},
    {app::Screen::notifications, "Notifications", draw_notifications},
    {app::Screen::queues, "Queues", draw_queues},
};

constexpr ImGuiWindowFlags kFixedWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
constexpr float kListShare = 0.45f;    // of the width, when a pane is open
constexpr float kSideBySideMinEm = 48.0f;  // narrower: the pane covers the list

UiState& state() {
    static UiState s;
    return s;
}

// Keyboard focus follows the screen: a form's first field when it opens, the
// list when the list or an incident is shown (arrows then move through it),
// except a new incident just saved: the pane, so Tab goes on into it.
void follow_screen(UiState& ui, app::Screen screen) {
    if (screen == ui.last_screen) return;
    const bool saved_new = ui.last_screen == app::Screen::create && screen == app::Screen::detail;
    ui.last_screen = screen;
    ui.form_field.reset();
    if (screen == app::Screen::create) ui.focus_field = IncidentField::title;
    if (saved_new) ui.focus_pane = true;
    else if (screen == app::Screen::list || screen == app::Screen::detail) ui.focus_list = true;
}

void fixed_window(const char* name, ImVec2 pos, ImVec2 size, bool card, ImGuiWindowFlags extra, void (*draw)(Context&),
                  Context& ctx) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    if (card) {
        ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().panel);
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_Border));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ImGui::GetStyle().ChildRounding);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    }
    if (ImGui::Begin(name, nullptr, kFixedWindow | extra)) draw(ctx);
    ImGui::End();
    if (card) {
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(2);
    }
}

void draw_top(Context& ctx) {
    draw_top_bar(ctx);
    if (ctx.app.is_demo()) draw_demo_banner(ctx);
}

}  // namespace

void apply_style(bool dark, float scale) { apply_theme(dark, scale); }

bool pane_covers_list() { return state().narrow && state().last_screen != app::Screen::list; }

void draw(app::App& app, std::int64_t now_ms) {
    UiState& ui = state();
    if (app.dark_theme() != theme_is_dark()) apply_theme(app.dark_theme(), theme_scale());
    Context ctx{app, now_ms, ui};
    app.list().refresh_sla(now_ms / 1000);
    handle_shortcuts(ctx);
    follow_screen(ui, app.screen());

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float gap = em * 0.6f;
    const ImVec2 origin = viewport->WorkPos;
    const ImVec2 size = viewport->WorkSize;

    ui.narrow = size.x < em * kSideBySideMinEm;
    float top_height = top_bar_frame_height(ui) + style.WindowPadding.y * 2;
    if (app.is_demo()) top_height += ImGui::GetTextLineHeight() + em * 0.8f + style.ItemSpacing.y * 1.5f;
    const float status_height = ImGui::GetTextLineHeight() + style.WindowPadding.y * 2;
    const float body_top = origin.y + top_height;
    const float body_height = std::max(em * 4, size.y - top_height - status_height - gap);

    // The bars take the keyboard only when clicked, never by appearing.
    fixed_window("Top bar", origin, ImVec2(size.x, top_height), false, ImGuiWindowFlags_NoFocusOnAppearing, draw_top,
                 ctx);

    const Pane* pane = nullptr;
    for (const Pane& p : kPanes)
        if (p.screen == app.screen()) pane = &p;
    const float list_width = !pane ? size.x - gap * 2 : !ui.narrow ? size.x * kListShare : 0.0f;
    if (pane) {
        if (ui.focus_pane) ImGui::SetNextWindowFocus();
        const float left = origin.x + (list_width > 0 ? list_width + gap * 2 : gap);
        fixed_window(pane->window, ImVec2(left, body_top), ImVec2(origin.x + size.x - gap - left, body_height), true, 0,
                     pane->draw, ctx);
    }
    if (list_width > 0) {
        if (ui.focus_list) ImGui::SetNextWindowFocus();
        // The list moves its own selection with the arrow keys: no ImGui keyboard navigation in it.
        // It takes the keyboard when asked (focus_list), never by appearing: in the first frame
        // after a reload it would take it from the pane a kept draft opened.
        fixed_window("Incidents", ImVec2(origin.x + gap, body_top), ImVec2(list_width, body_height), true,
                     ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_NoFocusOnAppearing, draw_list, ctx);
    } else {
        ui.list_focused = false;
    }
    ui.focus_list = ui.focus_pane = false;

    fixed_window("Status bar", ImVec2(origin.x, origin.y + size.y - status_height), ImVec2(size.x, status_height),
                 false, ImGuiWindowFlags_NoFocusOnAppearing, draw_status_bar, ctx);

    draw_confirm_leave(ctx);
    draw_shortcut_help(ctx);
    draw_go_to(ctx);
    ui.popup_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}

}  // namespace hotline::ui
