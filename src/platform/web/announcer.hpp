// A canvas is invisible to screen readers: this says what changed in words, through
// the page's live regions (page::announce). Each frame it compares what the app
// shows with what was last said: a new message (a refusal at once, a confirmation
// politely), and the sync state when it changes (offline, back online, signed out).
#pragma once

#include <cstdint>
#include <optional>

#include "sync/sync_status.hpp"

namespace hotline::app {
class App;
}

namespace hotline::web {

class Announcer {
public:
    void frame(const app::App& app);

private:
    std::uint64_t said_message_ = 0;  // Message::serial last said
    std::optional<sync::SyncState> said_state_;
};

}  // namespace hotline::web
