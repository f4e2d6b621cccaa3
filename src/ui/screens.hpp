// What every screen of the interface shares: the app it draws, the time of
// this frame, and the little state that belongs to the interface alone (focus
// requests, scrolling, the search box's text) rather than to the app. One draw
// function per screen part, each in its own file; ui.cpp lays them out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/app.hpp"

namespace hotline::ui {

struct UiState {
    std::string search_text;       // as typed; the list holds the query it means
    bool search_active = false;    // the search box had the keyboard last frame
    bool focus_search = false;     // give the search box the keyboard next frame
    bool clear_search = false;     // Escape in the search box: empty it
    bool focus_list = true;        // give the list the keyboard next frame
    bool list_focused = false;     // the list had the keyboard last frame
    // A field of the open form to give the keyboard to (and scroll to): the
    // first one when a form opens, the missing one when a status change or a
    // save is refused, the one that had it before a click elsewhere.
    std::optional<FieldId> focus_field;
    // The form field that last had the keyboard (the create form or the Summary),
    // to give it back after the form switch, a refused save or "Keep editing".
    std::optional<FieldId> form_field;
    bool focus_pane = false;       // give the pane the keyboard next frame (Tab then moves in it)
    bool focus_event = false;      // give the Timeline's event box the keyboard next frame
    bool event_sent = false;       // an event was just added: its box lets go of the added text
    // A popup (a dropdown, a dialog) was open last frame: the keys are its own
    // (ImGui closes a dropdown on Escape; the dialogs read theirs).
    bool popup_open = false;
    bool show_help = false;        // open the shortcut list (shortcut_help.cpp)
    // Too narrow for the list and a pane side by side (a phone): one at a time, and the
    // top bar has a Back button and a menu instead of its row of buttons (top_bar.cpp).
    bool narrow = false;
    bool show_go_to = false;       // open "Go to incident" (go_to_incident.cpp)
    std::string go_to_number;      // as typed there
    std::uint64_t go_to_said = 0;  // App::message().serial when it opened
    // The registration's lookups (registration_panel.cpp): give one the keyboard
    // next frame; which one had it last frame (its keys are read before it is drawn).
    bool focus_caller = false, focus_serial = false;
    bool caller_active = false, serial_active = false;
    bool scroll_to_selection = false;
    int page_rows = 10;            // list rows in view, for PageUp/PageDown
    app::DetailTab shown_tab = app::DetailTab::summary;  // the tab ImGui shows
    app::Screen last_screen = app::Screen::list;
};

struct Context {
    app::App& app;
    std::int64_t now_ms;
    UiState& ui;
};

// Keyboard shortcuts (shortcuts.cpp), read before anything is drawn.
void handle_shortcuts(Context& ctx);
// Ctrl+S / Ctrl+Enter: save what the open pane edits. A refused save gives
// the keyboard back to the form (the first wrong field, else the one typed in),
// so what is typed next is not lost.
void save_current(Context& ctx);
// After a refused save, or "Keep editing": the keyboard to the first wrong
// field of `draft`, else to the field that had it.
void give_back_keyboard(Context& ctx, const app::Draft& draft);
// A status change (a button or the next-status shortcut); refused, the keyboard
// goes to the field it needs (detail_screen.cpp).
void change_status(Context& ctx, IncidentStatus to);

// The dialogs over everything, drawn after the panes (one file each).
void draw_confirm_leave(Context& ctx);  // App::leave_asked(): keep editing, discard, save
void draw_shortcut_help(Context& ctx);  // ? or F1: every shortcut
void draw_go_to(Context& ctx);          // Ctrl+G or G: go to an incident by its number

void draw_top_bar(Context& ctx);
// The height of the top bar's row: a touch target on a narrow screen.
float top_bar_frame_height(const UiState& ui);
void draw_demo_banner(Context& ctx);
void draw_list(Context& ctx);
// An empty standalone desk (App::is_standalone) explains itself instead of an
// empty list, and offers the demo (standalone_welcome.cpp).
bool shows_standalone_welcome(const app::App& app);
void draw_standalone_welcome(Context& ctx);
void draw_create(Context& ctx);
// The top of the new-incident form: caller and serial lookups, what is chosen,
// blocking warnings, related incidents (R6) and new records.
void draw_registration(Context& ctx);
void draw_detail(Context& ctx);
void draw_settings(Context& ctx);
void draw_conflicts(Context& ctx);
// Administration (admin_screen.cpp) and its two parts.
void draw_admin(Context& ctx);
void draw_admin_users(Context& ctx);
void draw_admin_reference(Context& ctx);
void draw_status_bar(Context& ctx);
void draw_knowledge(Context& ctx);  // W13: search, articles, the article form (knowledge_screen.cpp)
void draw_notifications(Context& ctx);  // issue 14: SLA alerts and assignments (notifications_screen.cpp)
void draw_queues(Context& ctx);  // issue 14, S5: queues, what waits, Pick next (queues_screen.cpp)

}  // namespace hotline::ui
