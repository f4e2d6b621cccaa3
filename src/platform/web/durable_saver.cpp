#include "platform/web/durable_saver.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdio>

#include "app/app.hpp"

namespace hotline::web {

void DurableSaver::after_frame() {
    if (busy_ || emscripten_get_now() < retry_at_) return;
    const std::uint64_t written = app_.changes_written();
    if (written > durable_) start(written);
}

void DurableSaver::flush() {
    if (busy_) return;  // finished() starts the next persist itself
    const std::uint64_t written = app_.changes_written();
    if (written > durable_) start(written);
}

void DurableSaver::start(std::uint64_t written) {
    busy_ = true;
    in_flight_ = written;
    started_at_ = emscripten_get_now();
    idbfs::persist([this](bool ok, const std::string& error) { finished(ok, error); });
}

void DurableSaver::finished(bool ok, const std::string& error) {
    busy_ = false;
    const double now = emscripten_get_now();
    if (!ok) {
        ++stats_.failures;
        stats_.last_error = error;
        retry_delay_ms_ = std::clamp(retry_delay_ms_ * 2, 1000.0, 30000.0);
        retry_at_ = now + retry_delay_ms_;
        std::fprintf(stderr, "hotline: saving to IndexedDB failed (%s); retrying in %.0f s\n",
                     error.c_str(), retry_delay_ms_ / 1000);
        return;
    }
    const double took = now - started_at_;
    ++stats_.persists;
    stats_.last_ms = took;
    stats_.max_ms = std::max(stats_.max_ms, took);
    stats_.total_ms += took;
    retry_delay_ms_ = 0;
    retry_at_ = 0;
    durable_ = in_flight_;
    app_.mark_durable(durable_);
    // Changes written while this persist ran: persist them now, frames may be
    // paused (hidden tab) and the page may be going away.
    flush();
}

}  // namespace hotline::web
