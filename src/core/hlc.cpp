#include "core/hlc.hpp"

#include <algorithm>
#include <cstdint>

#include "core/ids.hpp"

namespace hotline {

std::string Hlc::to_string() const {
    return std::to_string(wall_ms) + "-" + std::to_string(counter) + "-" + replica;
}

Result<Hlc> Hlc::parse(std::string_view text) {
    auto bad = [] { return make_error("bad_hlc", "hlc must look like <wall_ms>-<counter>-<replica>"); };
    auto d1 = text.find('-');
    if (d1 == std::string_view::npos) return bad();
    auto d2 = text.find('-', d1 + 1);
    if (d2 == std::string_view::npos) return bad();
    std::uint64_t wall = 0, counter = 0;
    if (!parse_decimal_u64(text.substr(0, d1), wall)) return bad();
    if (!parse_decimal_u64(text.substr(d1 + 1, d2 - d1 - 1), counter) || counter > 0xffffffffu)
        return bad();
    Hlc h{static_cast<std::int64_t>(wall), static_cast<std::uint32_t>(counter),
          std::string(text.substr(d2 + 1))};
    if (!is_valid_replica_id(h.replica)) return bad();
    if (h.wall_ms < kHlcWallMin || h.wall_ms > kHlcWallMax)
        return make_error("bad_hlc", "hlc wall time is outside 2000-2200");
    return h;
}

Outcome check_not_ahead(const Hlc& stamp, std::int64_t now_ms) {
    if (stamp.wall_ms - now_ms <= kHlcMaxAheadMs) return {};
    return make_error(std::string(kClockAhead),
                      "The operation's time (" + std::to_string(stamp.wall_ms) + " ms) is more than " +
                          std::to_string(kHlcMaxAheadMs / 60000) + " minutes ahead of the server's clock (" +
                          std::to_string(now_ms) + " ms): correct this computer's clock.");
}

namespace {

// The stamp right after `h`: the counter counts up, and a full counter carries into the
// wall time (the 32-bit counter would otherwise wrap to a stamp below ones already seen).
void step(Hlc& h) {
    if (h.counter == UINT32_MAX) {
        ++h.wall_ms;
        h.counter = 0;
    } else {
        ++h.counter;
    }
}

}  // namespace

HlcClock::HlcClock(std::string replica, const Hlc& last_issued)
    : last_{last_issued.wall_ms, last_issued.counter, std::move(replica)} {}

Hlc HlcClock::now(std::int64_t physical_ms) {
    if (physical_ms > last_.wall_ms) {
        last_.wall_ms = physical_ms;
        last_.counter = 0;
    } else {
        step(last_);
    }
    return last_;
}

void HlcClock::observe(const Hlc& remote, std::int64_t physical_ms) {
    const std::int64_t wall = std::max({last_.wall_ms, remote.wall_ms, physical_ms});
    // Physical time ahead of both starts a fresh counter; otherwise count on from the
    // greatest counter at that wall time.
    const bool from_last = wall == last_.wall_ms, from_remote = wall == remote.wall_ms;
    if (!from_last && !from_remote) {
        last_.wall_ms = wall;
        last_.counter = 0;
        return;
    }
    last_.counter = from_last && from_remote ? std::max(last_.counter, remote.counter)
                    : from_last              ? last_.counter
                                             : remote.counter;
    last_.wall_ms = wall;
    step(last_);
}

void HlcClock::fall_back(std::int64_t physical_ms) {
    if (physical_ms < last_.wall_ms) last_ = Hlc{physical_ms, 0, std::move(last_.replica)};
}

}  // namespace hotline
