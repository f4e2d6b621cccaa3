// Leaving a pane without losing what was typed: Escape, Cancel and Close leave
// at once when nothing would be lost, and otherwise ask (keep editing, discard,
// save); the UI shows the question while leave_asked() holds.
#include "app/app.hpp"
#include "app/i18n.hpp"

namespace hotline::app {

bool App::pane_has_changes() const {
    switch (screen_) {
        case Screen::create: return !create_draft_.is_blank();
        case Screen::detail: return editor_.has_unsaved_edits() || editor_.has_event_text();
        case Screen::knowledge: return knowledge_.has_unsaved_edits();
        case Screen::list:
        case Screen::settings:
        case Screen::conflicts:
        case Screen::admin:
        case Screen::notifications:
        case Screen::queues: return false;
    }
    return false;
}

void App::cancel() {
    if (pane_has_changes()) leave_asked_ = true;
    else close_pane();
}

void App::close_pane() {
    leave_asked_ = false;
    switch (screen_) {
        case Screen::list: return;
        case Screen::detail:
            editor_.close();
            screen_ = Screen::list;
            return;
        case Screen::create:
        case Screen::settings:
        case Screen::conflicts:
        case Screen::admin:
        case Screen::knowledge:
        case Screen::notifications:
        case Screen::queues: screen_ = editor_.row() ? Screen::detail : Screen::list; return;
    }
}

bool App::answer_leave(LeaveChoice choice, std::int64_t now_ms) {
    leave_asked_ = false;
    switch (choice) {
        case LeaveChoice::keep_editing: return false;
        case LeaveChoice::discard:
            if (screen_ == Screen::create) {
                create_draft_.clear();
                registration_.view() = {};
            } else if (screen_ == Screen::knowledge) {
                knowledge_.revert();
            } else {
                editor_.revert();
                editor_.event_text().clear();
            }
            say(std::string(tr("summary.discarded")), false);
            close_pane();
            return true;
        case LeaveChoice::save:
            // A new incident opens once saved: leaving the form is done.
            if (screen_ == Screen::create) return save_create(now_ms);
            if (screen_ == Screen::knowledge && !save_article(now_ms)) return false;
            if (editor_.has_unsaved_edits() && !save_summary(now_ms)) return false;
            if (editor_.has_event_text() && !add_event(now_ms)) return false;
            close_pane();
            return true;
    }
    return false;
}

void App::discard_summary() {
    editor_.revert();
    say(std::string(tr("summary.discarded")), false);
}

}  // namespace hotline::app
