// Keyboard shortcuts. The list a person sees (? or F1) is shortcut_help.cpp's
// table, and README's "Keyboard" section: change the three together.
//
// Anywhere (bare keys and characters only while no text field has the keyboard):
//   ? or F1                 the shortcut list
//   N or Ctrl+N             new incident (a draft left earlier comes back)
//   / or Ctrl+F             go to the search box
//   G or Ctrl+G             go to an incident by its number
//   Ctrl+S or Ctrl+Enter    save what the open pane edits (on the Timeline: add the event)
//   Escape                  close the innermost thing only: a dropdown or dialog, a
//                           lookup's list, the search box's text, then the pane
//                           (asking first when it holds unsaved changes)
// In an incident (the Alt ones also while typing):
//   Alt+S                   next status (core/next_status.hpp)
//   Alt+E                   add an event: the Timeline, keyboard in the event box
//   Alt+M                   assign to me (W2; refused, with the reason, where the role may not)
//   1 2 3, Alt+Left/Right   Summary, Timeline, Transaction log; the tab before, after
// On the new-incident form: Alt+F full or quick form (the field typed in keeps the keyboard)
// and, when the list or the search box had the keyboard in the last frame:
//   Up/Down, PageUp/PageDown, Home/End   move the selection;  Enter  open it
// Keys are read before anything is drawn, against last frame's focus: a key
// that makes a widget let go of the keyboard (Enter in the search box) still
// counts for the part that had it. While a popup is open nothing here runs.
#include <imgui.h>
#include <imgui_internal.h>  // SetKeyOwner: see handle_shortcuts

#include "app/i18n.hpp"
#include "core/next_status.hpp"
#include "ui/screens.hpp"

namespace hotline::ui {
namespace {

using app::DetailTab;

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

// A character typed while no text field has the keyboard, taken out of the
// input: the field the shortcut gives the keyboard to (in this very frame)
// must not receive it too ("/" would land in the search box).
bool take_char(ImWchar c) {
    ImVector<ImWchar>& typed = ImGui::GetIO().InputQueueCharacters;
    for (int i = 0; i < typed.Size; ++i)
        if (typed[i] == c) {
            typed.erase(typed.Data + i);
            return true;
        }
    return false;
}

// Escape closes the innermost thing that is open, and only that.
void escape(Context& ctx) {
    app::RegistrationView& lookups = ctx.app.registration().view();
    if (ctx.app.screen() == app::Screen::create && (lookups.callers_open || lookups.serials_open)) {
        lookups.callers_open = lookups.serials_open = false;
    } else if (ctx.ui.search_active) {
        ctx.ui.clear_search = true;
    } else {
        ctx.app.cancel();
    }
}

void show_tab(Context& ctx, int tab) {
    ctx.app.set_tab(static_cast<DetailTab>((tab + 3) % 3));  // summary, timeline, log
}

// Alt+S, Alt+E, Alt+M, the tab keys: the open incident's.
void handle_incident_keys(Context& ctx, bool typing) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool alt = io.KeyAlt && !io.KeyCtrl && !io.KeySuper;
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, false); };
    const int tab = static_cast<int>(ctx.app.tab());
    if (alt && pressed(ImGuiKey_S)) {
        const Incident* inc = ctx.app.editor().incident();
        if (auto next = next_status(inc->status)) change_status(ctx, *next);
        else ctx.app.say(std::string(app::tr("This incident has no next status")), true, "no_next_status");
    }
    if (alt && pressed(ImGuiKey_E) && ctx.app.editor().editable()) {
        ctx.app.set_tab(DetailTab::timeline);
        ctx.ui.focus_event = true;
    }
    if (alt && pressed(ImGuiKey_M) && ctx.app.editor().editable()) ctx.app.assign_to_me(ctx.now_ms);
    if (alt && pressed(ImGuiKey_RightArrow)) show_tab(ctx, tab + 1);
    if (alt && pressed(ImGuiKey_LeftArrow)) show_tab(ctx, tab - 1);
    if (typing) return;
    for (int i = 0; i < 3; ++i)
        if (take_char(static_cast<ImWchar>('1' + i))) show_tab(ctx, i);
}

}  // namespace

void give_back_keyboard(Context& ctx, const app::Draft& draft) {
    ctx.ui.focus_field = draft.first_error() ? draft.first_error() : ctx.ui.form_field;
}

void save_current(Context& ctx) {
    app::App& app = ctx.app;
    switch (app.screen()) {
        case app::Screen::create:
            if (!app.save_create(ctx.now_ms)) give_back_keyboard(ctx, app.create_draft());
            return;
        case app::Screen::detail:
            if (app.tab() == DetailTab::summary && !app.save_summary(ctx.now_ms))
                give_back_keyboard(ctx, app.editor().draft());
            if (app.tab() == DetailTab::timeline) {
                ctx.ui.event_sent = app.add_event(ctx.now_ms);
                ctx.ui.focus_event = true;  // the next event (or the refused one) is typed at once
            }
            return;
        case app::Screen::admin: app.save_admin_form(ctx.now_ms); return;
        case app::Screen::knowledge:
            if (app.knowledge().form_open()) app.save_article(ctx.now_ms);
            return;
        case app::Screen::list:
        case app::Screen::settings:
        case app::Screen::conflicts:
        case app::Screen::notifications:
        case app::Screen::queues: return;
    }
}

void handle_shortcuts(Context& ctx) {
    // ImGui moves the keyboard to a window's menu layer when Alt is pressed and released while
    // no field is active. The app has no menus, and after Alt+F (or Alt+S, Alt+E) a slow frame
    // can see the release before the field given the keyboard back is active again: the
    // keyboard then left the field. Owning Alt keeps ImGui from that toggle; the shortcuts
    // read io.KeyAlt, which ownership does not change.
    static const ImGuiID alt_owner = ImHashStr("hotline.alt_shortcuts");
    ImGui::SetKeyOwner(ImGuiMod_Alt, alt_owner);
    if (ctx.ui.popup_open) return;
    const ImGuiIO& io = ImGui::GetIO();
    const bool typing = io.WantTextInput;  // a text field has the keyboard
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    const bool bare = !ctrl && !io.KeyAlt && !io.KeyShift;
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, false); };

    if (pressed(ImGuiKey_F1) || (!typing && take_char('?'))) ctx.ui.show_help = true;
    if (pressed(ImGuiKey_N) && ((ctrl && !io.KeyAlt) || (bare && !typing))) ctx.app.start_create();
    if (ctrl && (pressed(ImGuiKey_S) || pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter))) save_current(ctx);
    if (pressed(ImGuiKey_Escape)) escape(ctx);
    if ((ctrl && pressed(ImGuiKey_F)) || (!typing && take_char('/'))) ctx.ui.focus_search = true;
    if ((ctrl && pressed(ImGuiKey_G)) || (!typing && take_char('g'))) ctx.ui.show_go_to = true;
    if (ctx.app.screen() == app::Screen::detail) handle_incident_keys(ctx, typing);
    if (ctx.app.screen() == app::Screen::create && io.KeyAlt && !ctrl && pressed(ImGuiKey_F)) {
        ctx.app.set_create_full_form(!ctx.app.create_full_form());
        ctx.ui.focus_field = ctx.ui.form_field;
    }
    if (ctx.ui.list_focused || ctx.ui.search_active) handle_list_keys(ctx, ctx.ui.search_active);
}

}  // namespace hotline::ui
