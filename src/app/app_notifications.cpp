// App commands of the notification centre (notifications.hpp): opening it marks what it
// shows as read, for this user on this device.
#include "app/app.hpp"

namespace hotline::app {

void App::show_notifications(std::int64_t now_ms) {
    if (screen_ == Screen::detail && refuse_to_leave_edits()) return;
    screen_ = Screen::notifications;
    if (notifications_seen_ms_ >= now_ms) return;
    notifications_seen_ms_ = now_ms;
    replica_.extra()["notifications_seen"] = now_ms;
    if (auto saved = replica_.save_meta(); !saved) report(saved, {});
}

}  // namespace hotline::app
