// The SLA clock (core/sla_clock.hpp) on Paris office hours, Monday to Friday 09:00-17:00.
// CET (UTC+1) until 2027-03-28 01:00Z, CEST (UTC+2) after; 2027-03-22 is a Monday. Each
// expected instant is worked out by hand in its comment.
#include <doctest/doctest.h>

#include "core/sla_clock.hpp"
#include "draws.hpp"

using namespace hotline;

namespace {

constexpr std::int64_t kHour = 3600;

std::int64_t at(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
    return std::int64_t{days_from_civil(y, m, d)} * 86400 + h * 3600 + mi * 60;
}

BusinessCalendar office(std::set<std::int32_t> holidays = {}) {
    BusinessCalendar::Week week;
    for (std::size_t d = 0; d < 5; ++d) week[d] = {{9 * 3600, 17 * 3600}};
    return BusinessCalendar::make(PosixZone::parse("CET-1CEST,M3.5.0,M10.5.0/3").value(), week, std::move(holidays))
        .value();
}

using hotline::testing::Draws;

SlaClock clock_from(std::int64_t start, std::int64_t target, std::vector<UtcSpan> pauses = {}) {
    SlaClock c;
    c.start = start;
    c.target = target;
    c.pauses = std::move(pauses);
    return c;
}

}  // namespace

TEST_CASE("follow-up at half the target, warning at 80 %, late when it is used up") {
    // Monday 09:00 CET (08:00Z), 16 working hours: half is Monday 17:00 CET (16:00Z); 80 %
    // is 12 h 48 min, Tuesday 13:48 CET (12:48Z); all of it Tuesday 17:00 CET (16:00Z).
    const SlaClock clock = clock_from(at(2027, 3, 22, 8), 16 * kHour);
    const SlaMoments m = sla_moments(office(), clock);
    CHECK(m.follow_up == at(2027, 3, 22, 16));
    CHECK(m.warning == at(2027, 3, 23, 12, 48));
    CHECK(m.late == at(2027, 3, 23, 16));
    CHECK(read_sla(office(), clock, at(2027, 3, 22, 12)).state == SlaState::on_track);
    CHECK(read_sla(office(), clock, at(2027, 3, 22, 16)).state == SlaState::follow_up);
    CHECK(read_sla(office(), clock, at(2027, 3, 23, 12, 48)).state == SlaState::warning);
    // One second short of the target is not late; the last second is.
    const SlaReading almost = read_sla(office(), clock, at(2027, 3, 23, 16) - 1);
    CHECK(almost.state == SlaState::warning);
    CHECK(almost.remaining == 1);
    const SlaReading late = read_sla(office(), clock, at(2027, 3, 23, 16));
    CHECK(late.state == SlaState::late);
    CHECK(late.remaining == 0);
    // Wednesday 10:00 CET (09:00Z): one working hour overdue.
    CHECK(read_sla(office(), clock, at(2027, 3, 24, 9)).remaining == -kHour);
}

TEST_CASE("a warning set as a lead time before the deadline") {
    SlaClock clock = clock_from(at(2027, 3, 22, 8), 8 * kHour);
    clock.warning = {0, kHour};  // an hour before Monday 17:00 CET: 16:00 CET (15:00Z)
    CHECK(sla_moments(office(), clock).warning == at(2027, 3, 22, 15));
}

TEST_CASE("a pause across a weekend and the change to summer time") {
    // Friday 2027-03-26 15:00 CET (14:00Z), 4 working hours, waiting for the customer from
    // 16:00 CET (15:00Z) to Tuesday 10:00 CEST (08:00Z): 1 h on Friday, then Tuesday
    // 10:00-13:00 CEST: late at 13:00 CEST (11:00Z).
    const std::vector<UtcSpan> waiting = {{at(2027, 3, 26, 15), at(2027, 3, 30, 8)}};
    const SlaClock clock = clock_from(at(2027, 3, 26, 14), 4 * kHour, waiting);
    CHECK(sla_moments(office(), clock).late == at(2027, 3, 30, 11));
    // Without the pause: Friday 15:00-17:00, Monday 09:00-11:00 CEST (09:00Z).
    CHECK(sla_moments(office(), clock_from(at(2027, 3, 26, 14), 4 * kHour)).late == at(2027, 3, 29, 9));
    const SlaReading monday = read_sla(office(), clock, at(2027, 3, 29, 10));
    CHECK(monday.state == SlaState::paused);
    CHECK(monday.used == kHour);
}

TEST_CASE("a pause that has not ended stops the clock") {
    // Monday 09:00 CET, 8 h, waiting from 11:00 CET (10:00Z) on: no deadline, 2 h used.
    const SlaClock clock = clock_from(at(2027, 3, 22, 8), 8 * kHour, {{at(2027, 3, 22, 10), kOpenEnded}});
    const SlaMoments m = sla_moments(office(), clock);
    CHECK(m.follow_up == std::nullopt);  // 4 h would be reached only after the pause
    CHECK(m.late == std::nullopt);
    const SlaReading r = read_sla(office(), clock, at(2027, 3, 24, 12));
    CHECK(r.state == SlaState::paused);
    CHECK(r.used == 2 * kHour);
}

TEST_CASE("a new priority during a pause keeps the pause; a holiday added changes what remains") {
    // Monday 09:00 CET, waiting from 11:00 CET to Tuesday 09:00 CET (08:00Z); 2 h used before.
    const std::vector<UtcSpan> waiting = {{at(2027, 3, 22, 10), at(2027, 3, 23, 8)}};
    // 4 h: Tuesday 09:00-11:00 CET, late at 10:00Z; made 8 h: Tuesday 15:00 CET (14:00Z).
    CHECK(sla_moments(office(), clock_from(at(2027, 3, 22, 8), 4 * kHour, waiting)).late == at(2027, 3, 23, 10));
    CHECK(sla_moments(office(), clock_from(at(2027, 3, 22, 8), 8 * kHour, waiting)).late == at(2027, 3, 23, 14));
    // 16 h from Monday 09:00: Tuesday 17:00; with Tuesday a holiday, Wednesday 17:00 CET
    // (16:00Z), and Monday's 8 h stay used.
    const SlaClock clock = clock_from(at(2027, 3, 22, 8), 16 * kHour);
    const BusinessCalendar holiday = office({days_from_civil(2027, 3, 23)});
    CHECK(sla_moments(holiday, clock).late == at(2027, 3, 24, 16));
    CHECK(read_sla(holiday, clock, at(2027, 3, 23, 12)).used == 8 * kHour);
    CHECK(read_sla(office(), clock, at(2027, 3, 22, 16)).used == 8 * kHour);
}

// The browser and the server must give the same answers: this test runs in both builds
// (native and wasm) and checks one fingerprint of 10,000 random clocks on three zones,
// pauses included. A change that alters any answer changes the fingerprint in both builds;
// one that makes them disagree fails in one of them.
TEST_CASE("10,000 random clocks give the same answers natively and in the browser") {
    Draws next(20271207);
    BusinessCalendar::Week week;
    for (std::size_t d = 0; d < 6; ++d) week[d] = {{8 * 3600, 12 * 3600}, {13 * 3600, 18 * 3600}};
    const std::vector<BusinessCalendar> calendars = {
        office(),
        BusinessCalendar::make(PosixZone::parse("AEST-10AEDT,M10.1.0,M4.1.0/3").value(), week).value(),
        BusinessCalendar::always_open(PosixZone::parse("EST5EDT,M3.2.0,M11.1.0").value()),
    };
    std::uint64_t fingerprint = 14695981039346656037ULL;
    auto mix = [&](std::int64_t v) {
        for (int b = 0; b < 8; ++b) fingerprint = (fingerprint ^ static_cast<std::uint8_t>(v >> (8 * b))) * 1099511628211ULL;
    };
    for (int i = 0; i < 10000; ++i) {
        const BusinessCalendar& calendar = calendars[static_cast<std::size_t>(i % 3)];
        // One draw per statement: the order of a call's arguments differs between compilers.
        const std::int64_t start = at(2027, 1, 1) + next(365 * 86400);
        SlaClock clock = clock_from(start, 1 + next(100 * kHour));
        std::int64_t t = clock.start;
        for (std::int64_t p = next(3); p > 0; --p) {
            const std::int64_t begin = t + next(3 * 86400), end = begin + 1 + next(4 * 86400);
            clock.pauses.push_back({begin, end});
            t = end;
        }
        const SlaMoments m = sla_moments(calendar, clock);
        for (const auto& instant : {m.follow_up, m.warning, m.late}) mix(instant.value_or(-1));
        const SlaReading r = read_sla(calendar, clock, clock.start + next(10 * 86400));
        mix(r.used);
        mix(static_cast<std::int64_t>(r.state));
    }
    CHECK(fingerprint == 24886296369497425ULL);
}

// The precomputed working time (working_time_index.hpp) must answer exactly as the walk
// through the days, pauses (open ones too) and the range's edges included.
TEST_CASE("an indexed calendar answers as the walking one") {
    Draws next(7);
    const BusinessCalendar walking = office({days_from_civil(2027, 5, 1)});
    // 2027 only: clocks near its end run past the index and fall back to the walk.
    const BusinessCalendar indexed = walking.indexed(days_from_civil(2027, 1, 1), days_from_civil(2027, 12, 31));
    for (int i = 0; i < 5000; ++i) {
        const std::int64_t start = at(2026, 12, 20) + next(380 * 86400);
        SlaClock clock = clock_from(start, 1 + next(60 * kHour));
        std::int64_t t = clock.start - next(86400);  // a pause may have begun before the start
        for (std::int64_t p = next(3); p > 0; --p) {
            const std::int64_t begin = t + next(2 * 86400);
            const std::int64_t end = next(8) == 0 ? kOpenEnded : begin + 1 + next(3 * 86400);
            clock.pauses.push_back({begin, end});
            if (end == kOpenEnded) break;
            t = end;
        }
        const SlaMoments a = sla_moments(walking, clock), b = sla_moments(indexed, clock);
        REQUIRE(a.follow_up == b.follow_up);
        REQUIRE(a.warning == b.warning);
        REQUIRE(a.late == b.late);
        const std::int64_t now = clock.start + next(20 * 86400);
        REQUIRE(read_sla(walking, clock, now).used == read_sla(indexed, clock, now).used);
    }
}
