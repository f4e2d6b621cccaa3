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
    // first one when a form opens, the missing one when a status change is refused.
    std::optional<FieldId> focus_field;
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
void save_current(Context& ctx);  // Ctrl+S / Ctrl+Enter: save what the open pane edits

void draw_top_bar(Context& ctx);
void draw_demo_banner(Context& ctx);
void draw_list(Context& ctx);
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

}  // namespace hotline::ui
