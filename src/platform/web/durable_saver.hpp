// Makes the app's written changes durable in IndexedDB, and tells the app when
// they are: a local change counts as saved only once persist() has completed.
//
// Policy: after every frame in which App::changes_written() grew, persist the
// data folder; never two persists at once (a change written while one is in
// flight starts the next one as soon as it completes, without waiting for a
// frame: frames stop while the tab is hidden); App::mark_durable(n) with the
// count captured when that persist started. A failed persist is retried with a
// growing delay (1 s, 2 s, … 30 s); the app keeps showing unsaved changes.
#pragma once

#include <cstdint>
#include <string>

#include "platform/web/idbfs.hpp"

namespace hotline::app {
class App;
}

namespace hotline::web {

class DurableSaver {
public:
    struct Stats {
        std::uint64_t persists = 0;  // completed successfully
        std::uint64_t failures = 0;
        double last_ms = 0;          // duration of the last successful persist
        double max_ms = 0;
        double total_ms = 0;
        std::string last_error;
    };

    explicit DurableSaver(app::App& app) : app_(app) {}
    DurableSaver(const DurableSaver&) = delete;
    DurableSaver& operator=(const DurableSaver&) = delete;

    // Once per frame, after the interface has run its commands.
    void after_frame();
    // The page is being hidden or unloaded: start a persist now if anything
    // written is not durable yet (ignoring a pending retry delay).
    void flush();

    const Stats& stats() const { return stats_; }

private:
    void start(std::uint64_t written);
    void finished(bool ok, const std::string& error);

    app::App& app_;
    std::uint64_t durable_ = 0;    // changes_written() covered by the last persist
    bool busy_ = false;            // a persist is in flight
    std::uint64_t in_flight_ = 0;  // the changes_written() it covers
    double started_at_ = 0;
    double retry_at_ = 0;          // emscripten_get_now() before which no retry starts
    double retry_delay_ms_ = 0;
    Stats stats_;
};

}  // namespace hotline::web
