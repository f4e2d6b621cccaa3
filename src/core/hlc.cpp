#include "core/hlc.hpp"

#include <algorithm>

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

HlcClock::HlcClock(std::string replica, const Hlc& last_issued)
    : last_{last_issued.wall_ms, last_issued.counter, std::move(replica)} {}

Hlc HlcClock::now(std::int64_t physical_ms) {
    if (physical_ms > last_.wall_ms) {
        last_.wall_ms = physical_ms;
        last_.counter = 0;
    } else {
        ++last_.counter;
    }
    return last_;
}

void HlcClock::observe(const Hlc& remote, std::int64_t physical_ms) {
    std::int64_t wall = std::max({last_.wall_ms, remote.wall_ms, physical_ms});
    std::uint32_t counter = 0;
    if (wall == last_.wall_ms && wall == remote.wall_ms)
        counter = std::max(last_.counter, remote.counter) + 1;
    else if (wall == last_.wall_ms)
        counter = last_.counter + 1;
    else if (wall == remote.wall_ms)
        counter = remote.counter + 1;
    last_.wall_ms = wall;
    last_.counter = counter;
}

}  // namespace hotline
