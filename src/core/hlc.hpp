// Hybrid logical clock (Kulkarni et al.): wall time in ms + a counter + the
// replica id. Totally ordered by (wall, counter, replica); survives skewed
// laptop clocks because a replica never issues a stamp below one it has seen.
// Text form: "<wall_ms>-<counter>-<replica>", e.g. "1764000000123-0-r7f3".
// The core reads no clock: the caller passes the physical time in.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hotline {

struct Hlc {
    std::int64_t wall_ms = 0;
    std::uint32_t counter = 0;
    std::string replica;

    std::string to_string() const;
    static Result<Hlc> parse(std::string_view text);

    friend bool operator==(const Hlc&, const Hlc&) = default;
    friend std::strong_ordering operator<=>(const Hlc& a, const Hlc& b) {
        if (auto c = a.wall_ms <=> b.wall_ms; c != 0) return c;
        if (auto c = a.counter <=> b.counter; c != 0) return c;
        return a.replica.compare(b.replica) <=> 0;
    }
};

// Wall times outside this range are refused: before 2000 or after 2200.
inline constexpr std::int64_t kHlcWallMin = 946684800000;
inline constexpr std::int64_t kHlcWallMax = 7258118400000;

// How far ahead of the receiver's clock a stamp may be (docs/sync-protocol.md). Laptop
// clocks drift by seconds or minutes; a stamp from further ahead would win every later
// last-writer-wins comparison until real time caught up with it, so it is refused.
inline constexpr std::int64_t kHlcMaxAheadMs = 10 * 60 * 1000;

// kClockAhead when `stamp` is more than kHlcMaxAheadMs ahead of `now_ms`. Old stamps
// are fine: work done offline days ago arrives with the time it was done.
inline constexpr std::string_view kClockAhead = "clock_ahead";
Outcome check_not_ahead(const Hlc& stamp, std::int64_t now_ms);

class HlcClock {
public:
    explicit HlcClock(std::string replica) : last_{0, 0, std::move(replica)} {}
    HlcClock(std::string replica, const Hlc& last_issued);

    // A fresh stamp greater than every stamp issued or observed so far. When the counter
    // is full the wall time moves on by 1 ms instead: a stamp never wraps below another.
    Hlc now(std::int64_t physical_ms);
    // Merge a stamp received from elsewhere so later local stamps order after it.
    void observe(const Hlc& remote, std::int64_t physical_ms);
    // The server refused a stamp of this clock as too far ahead (kClockAhead): the clock
    // ran ahead with a physical clock that was wrong, and staying monotonic would have
    // every later stamp refused too, until real time caught up (years, maybe). It goes
    // back to `physical_ms` instead, if that is behind its last stamp. The stamps it drops
    // below were all refused; stamps the server accepted are at most kHlcMaxAheadMs ahead
    // of its clock, so against those the order is off by no more than the server allows
    // anyway. A physical clock that is still wrong changes nothing: the next stamps are
    // refused again, which is what the user must see.
    void fall_back(std::int64_t physical_ms);

    const Hlc& last() const { return last_; }

private:
    Hlc last_;
};

}  // namespace hotline
