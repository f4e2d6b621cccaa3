// Working time (core/business_calendar.hpp). Each expected instant is worked out by hand in
// its comment. Paris: CET (UTC+1) until 2027-03-28 01:00Z, CEST (UTC+2) until 2027-10-31
// 01:00Z; 2027-03-22 is a Monday.
#include <doctest/doctest.h>

#include <random>

#include "core/business_calendar.hpp"

using namespace hotline;

namespace {

constexpr std::int32_t kHour = 3600;

std::int64_t at(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
    return std::int64_t{days_from_civil(y, m, d)} * 86400 + h * 3600 + mi * 60;
}

PosixZone paris() { return PosixZone::parse("CET-1CEST,M3.5.0,M10.5.0/3").value(); }
PosixZone moscow() { return PosixZone::parse("MSK-3").value(); }

// Monday to Friday, 09:00-17:00.
BusinessCalendar office(PosixZone zone, std::set<std::int32_t> holidays = {},
                        std::map<std::int32_t, std::vector<WorkingInterval>> special = {}) {
    BusinessCalendar::Week week;
    for (int d = 0; d < 5; ++d) week[static_cast<std::size_t>(d)] = {{9 * kHour, 17 * kHour}};
    auto made = BusinessCalendar::make(std::move(zone), week, std::move(holidays), std::move(special));
    REQUIRE(made);
    return made.value();
}

}  // namespace

TEST_CASE("office hours: a working week is 40 hours; the deadline of a full day is its evening") {
    const BusinessCalendar c = office(paris());
    // Monday 09:00 CET (08:00Z) to Friday 17:00 CET (16:00Z).
    CHECK(c.working_seconds(at(2027, 3, 22, 8), at(2027, 3, 26, 16)) == 40 * kHour);
    // Eight hours from Monday 09:00 end at Monday 17:00 (16:00Z), not on Tuesday morning.
    CHECK(c.add_working_seconds(at(2027, 3, 22, 8), 8 * kHour) == at(2027, 3, 22, 16));
    // One second less than the target is not the target: 99.99 % is not late.
    const std::int64_t deadline = *c.add_working_seconds(at(2027, 3, 22, 8), 8 * kHour);
    CHECK(c.working_seconds(at(2027, 3, 22, 8), deadline - 1) == 8 * kHour - 1);
}

TEST_CASE("created outside working hours, the clock starts at the next opening") {
    const BusinessCalendar c = office(paris());
    // Monday 20:00 CET (19:00Z) + 2 h: Tuesday 09:00-11:00 CET, i.e. 10:00Z.
    CHECK(c.add_working_seconds(at(2027, 3, 22, 19), 2 * kHour) == at(2027, 3, 23, 10));
    CHECK(c.working_seconds(at(2027, 3, 22, 19), at(2027, 3, 23, 8)) == 0);  // until Tuesday 09:00 CET
}

TEST_CASE("a weekend across the change to summer time, and a holiday") {
    // Friday 2027-03-26 16:00 CET (15:00Z) + 2 h: Friday 16:00-17:00, then Monday 29th
    // 09:00-10:00 CEST, i.e. 08:00Z (the Sunday in between lost an hour, not worked anyway).
    CHECK(office(paris()).add_working_seconds(at(2027, 3, 26, 15), 2 * kHour) == at(2027, 3, 29, 8));
    // With Monday a holiday: Tuesday 10:00 CEST, 08:00Z.
    const BusinessCalendar easter = office(paris(), {days_from_civil(2027, 3, 29)});
    CHECK(easter.add_working_seconds(at(2027, 3, 26, 15), 2 * kHour) == at(2027, 3, 30, 8));
    CHECK(easter.open_on(days_from_civil(2027, 3, 29)).empty());
}

TEST_CASE("24/7: DST days are 23 and 25 hours, and no minute is lost at midnight") {
    const BusinessCalendar always = BusinessCalendar::always_open(paris());
    auto length = [&](int y, unsigned m, unsigned d) {
        std::int64_t total = 0;
        for (const UtcSpan& s : always.open_on(days_from_civil(y, m, d))) total += s.end - s.begin;
        return total;
    };
    CHECK(length(2027, 3, 28) == 23 * kHour);
    CHECK(length(2027, 10, 31) == 25 * kHour);
    CHECK(length(2027, 6, 1) == 24 * kHour);
    // 23:59 to 00:01 local (CEST): two minutes.
    CHECK(always.working_seconds(at(2027, 6, 1, 21, 59), at(2027, 6, 1, 22, 1)) == 120);
    // Saturday 00:00 CET (Friday 23:00Z) to Monday 00:00 CEST (Sunday 22:00Z): 24 + 23 hours.
    CHECK(always.working_seconds(at(2027, 3, 26, 23), at(2027, 3, 28, 22)) == 47 * kHour);
    CHECK(always.add_working_seconds(at(2027, 3, 27, 12), 30 * kHour) == at(2027, 3, 28, 18));
}

TEST_CASE("hours inside the skipped hour are not worked, and nothing is counted twice") {
    const std::int32_t sunday = days_from_civil(2027, 3, 28);
    // 02:00-03:00 does not happen on that day.
    const BusinessCalendar gap = office(paris(), {}, {{sunday, {{2 * kHour, 3 * kHour}}}});
    CHECK(gap.open_on(sunday).empty());
    // 01:00-02:30 and 03:00-05:00: from 01:00 CET (00:00Z) to "02:30", moved to 03:30 CEST
    // (01:30Z), then on to 05:00 CEST (03:00Z): three hours, as the wall clock shows.
    const BusinessCalendar split = office(paris(), {}, {{sunday, {{1 * kHour, 2 * kHour + 1800}, {3 * kHour, 5 * kHour}}}});
    CHECK(split.working_seconds(at(2027, 3, 27), at(2027, 3, 29)) == 3 * kHour);
    // The repeated hour of 2027-10-31 (02:00-03:00 happens twice) is worked twice: 2 hours.
    const std::int32_t autumn = days_from_civil(2027, 10, 31);
    const BusinessCalendar repeated = office(paris(), {}, {{autumn, {{2 * kHour, 3 * kHour}}}});
    CHECK(repeated.working_seconds(at(2027, 10, 30), at(2027, 11, 1)) == 2 * kHour);
}

TEST_CASE("an overnight shift is two intervals; Moscow keeps UTC+3") {
    BusinessCalendar::Week week;
    for (std::size_t d = 0; d < 7; ++d) week[d] = {{0, 6 * kHour}, {22 * kHour, 24 * kHour}};
    const BusinessCalendar nights = BusinessCalendar::make(moscow(), week).value();
    // Monday 2027-03-22 22:00 MSK (19:00Z) + 5 h: 22:00-24:00, then 00:00-03:00 MSK (00:00Z).
    CHECK(nights.add_working_seconds(at(2027, 3, 22, 19), 5 * kHour) == at(2027, 3, 23, 0));
    // Monday 21:00 to Tuesday 07:00 MSK: 2 + 6 hours.
    CHECK(nights.working_seconds(at(2027, 3, 22, 18), at(2027, 3, 23, 4)) == 8 * kHour);
    // Office hours in Moscow: Friday 16:00 MSK (13:00Z) + 2 h = Friday 16:00-17:00, then
    // Monday 09:00-10:00 MSK (07:00Z).
    CHECK(office(moscow()).add_working_seconds(at(2027, 3, 26, 13), 2 * kHour) == at(2027, 3, 29, 7));
}

TEST_CASE("no working time: no deadline; bad hours are refused") {
    const BusinessCalendar closed = BusinessCalendar::make(paris(), {}).value();
    CHECK_FALSE(closed.add_working_seconds(at(2027, 1, 1), 1));
    CHECK(closed.working_seconds(at(2027, 1, 1), at(2028, 1, 1)) == 0);
    BusinessCalendar::Week overlapping;
    overlapping[0] = {{9 * kHour, 13 * kHour}, {12 * kHour, 17 * kHour}};
    auto refused = BusinessCalendar::make(paris(), overlapping);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "bad_working_hours");
    BusinessCalendar::Week too_long;
    too_long[2] = {{9 * kHour, 25 * kHour}};
    CHECK_FALSE(BusinessCalendar::make(paris(), too_long));
    CHECK_FALSE(BusinessCalendar::make(paris(), {}, {}, {{days_from_civil(2027, 5, 1), {{5 * kHour, 5 * kHour}}}}));
}

// The deadline of T working seconds holds exactly T of them, from any start, across the
// year's two changes: what the SLA clock counts and the deadline it sets agree.
TEST_CASE("working_seconds(from, add_working_seconds(from, T)) == T") {
    std::mt19937 random(20271031);
    const BusinessCalendar c = office(paris(), {days_from_civil(2027, 5, 1)});
    const BusinessCalendar always = BusinessCalendar::always_open(paris());
    const std::int64_t year = at(2027, 1, 1);
    for (int i = 0; i < 2000; ++i) {
        const std::int64_t from = year + static_cast<std::int64_t>(random() % (365u * 86400u));
        const std::int64_t t = 1 + static_cast<std::int64_t>(random() % (120u * 3600u));
        const auto deadline = c.add_working_seconds(from, t);
        REQUIRE(deadline);
        REQUIRE(c.working_seconds(from, *deadline) == t);
        REQUIRE(always.add_working_seconds(from, t) == from + t);
    }
}

// A calendar with earlier versions (edited twice) counts each span of time with the version
// in force then; the deadline and the count agree across the edits, indexed or not.
TEST_CASE("a calendar's earlier versions: each applies until its edit, and the count and the deadline agree") {
    BusinessCalendar::Week nights;
    for (std::size_t d = 0; d < 7; ++d) nights[d] = {{0, 6 * kHour}, {22 * kHour, 24 * kHour}};
    const BusinessCalendar night_shift = BusinessCalendar::make(paris(), nights).value();
    const BusinessCalendar always = BusinessCalendar::always_open(paris());
    const std::int64_t first_edit = at(2027, 3, 1, 10), second_edit = at(2027, 6, 1, 10);
    // Office hours until March, 24/7 until June, night shifts since.
    const BusinessCalendar c =
        night_shift.with_earlier_versions({{first_edit, office(paris())}, {second_edit, always}});
    // 2027-03-01 is a Monday: from 08:00Z (09:00 CET) office hours until the edit at 10:00Z
    // (2 h), then around the clock until midnight UTC (14 h). Three hours: 11:00Z.
    CHECK(c.working_seconds(at(2027, 3, 1, 8), at(2027, 3, 2)) == 16 * kHour);
    CHECK(c.add_working_seconds(at(2027, 3, 1, 8), 3 * kHour) == at(2027, 3, 1, 11));
    // 2027-06-01: 24/7 from 08:00Z until the edit at 10:00Z (2 h), then night shifts in CEST:
    // 22:00-24:00 local is 20-22Z (2 h), and June 2's 00:00-06:00 begins at 22:00Z (2 h).
    CHECK(c.working_seconds(at(2027, 6, 1, 8), at(2027, 6, 2)) == 6 * kHour);

    std::mt19937 random(20271207);
    const BusinessCalendar indexed = c.indexed(days_from_civil(2027, 1, 1), days_from_civil(2027, 12, 31));
    for (int i = 0; i < 2000; ++i) {
        const std::int64_t from = at(2027, 1, 1) + static_cast<std::int64_t>(random() % (300u * 86400u));
        const std::int64_t t = 1 + static_cast<std::int64_t>(random() % (200u * 3600u));
        const auto deadline = c.add_working_seconds(from, t);
        REQUIRE(deadline);
        REQUIRE(c.working_seconds(from, *deadline) == t);
        REQUIRE(indexed.add_working_seconds(from, t) == deadline);
        REQUIRE(indexed.working_seconds(from, *deadline) == t);
    }
}
