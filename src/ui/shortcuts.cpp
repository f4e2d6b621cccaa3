// Keyboard shortcuts that work wherever the keyboard is:
//   N (no text field has the keyboard) or Ctrl+N   new incident
//   Ctrl+S or Ctrl+Enter                           save what the open pane edits
//   Escape                                         close a registration lookup's dropdown;
//                                                  empty the search box when typing in it;
//                                                  else discard edits / close the pane
//   Ctrl+F, or / (no text field has the keyboard)  go to the search box
// and, when the list or the search box had the keyboard in the last frame:
//   Up/Down, PageUp/PageDown, Home/End              move the selection
//   Enter                                           open the selected incident
// Keys are read before anything is drawn, against last frame's focus: a key
// that makes a widget let go of the keyboard (Enter in the search box) still
// counts for the part that had it.
#include <imgui.h>

#include "ui/screens.hpp"

namespace hotline::ui {
namespace {

// Keys that move through the list, when the list (or the search box) has the keyboard.
void handle_list_keys(Context& ctx, bool typing_in_search) {
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, true); };
    int delta = 0;
    if (pressed(ImGuiKey_DownArrow)) delta = 1;
    if (pressed(ImGuiKey_UpArrow)) delta = -1;
    if (pressed(ImGuiKey_PageDown)) delta = ctx.ui.page_rows;
    if (pressed(ImGuiKey_PageUp)) delta = -ctx.ui.page_rows;
    if (!typing_in_search && pressed(ImGuiKey_Home)) delta = -(1 << 30);
    if (!typing_in_search && pressed(ImGuiKey_End)) delta = 1 << 30;
    if (delta != 0 && ctx.app.move_selection(delta)) ctx.ui.scroll_to_selection = true;
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
    if (enter && !ImGui::GetIO().KeyCtrl) {
        if (!ctx.app.list().selected() && !ctx.app.list().rows().empty()) ctx.app.select(ctx.app.list().rows().front());
        ctx.app.open_selected();
    }
}

}  // namespace

void save_current(Context& ctx) {
    app::App& app = ctx.app;
    switch (app.screen()) {
        case app::Screen::create: app.save_create(ctx.now_ms); return;
        case app::Screen::detail:
            if (app.tab() == app::DetailTab::summary) app.save_summary(ctx.now_ms);
            else if (app.tab() == app::DetailTab::timeline) app.add_event(ctx.now_ms);
            return;
        case app::Screen::admin: app.save_admin_form(ctx.now_ms); return;
        case app::Screen::list:
        case app::Screen::settings:
        case app::Screen::conflicts: return;
    }
}

void handle_shortcuts(Context& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool typing = io.WantTextInput;  // a text field has the keyboard
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    const bool bare = !ctrl && !io.KeyAlt && !io.KeyShift;
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, false); };

    if (pressed(ImGuiKey_N) && ((ctrl && !io.KeyAlt) || (bare && !typing))) ctx.app.start_create();
    if (ctrl && (pressed(ImGuiKey_S) || pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter))) save_current(ctx);
    if (pressed(ImGuiKey_Escape)) {
        app::RegistrationView& lookups = ctx.app.registration().view();
        if (ctx.app.screen() == app::Screen::create && (lookups.callers_open || lookups.serials_open)) {
            lookups.callers_open = lookups.serials_open = false;
        } else if (ctx.ui.search_active) ctx.ui.clear_search = true;
        else ctx.app.cancel();
    }
    if ((ctrl && pressed(ImGuiKey_F)) || (!typing && pressed(ImGuiKey_Slash))) ctx.ui.focus_search = true;
    if (ctx.ui.list_focused || ctx.ui.search_active) handle_list_keys(ctx, ctx.ui.search_active);
}

}  // namespace hotline::ui
