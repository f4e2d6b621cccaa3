// POSIX time zone rules (core/posix_zone.hpp). Expected instants worked out by hand in the
// comments: 2027-03-28 and 2027-10-31 are the last Sundays of March and October 2027.
#include <doctest/doctest.h>

#include "core/posix_zone.hpp"

using namespace hotline;

namespace {

constexpr const char* kParis = "CET-1CEST,M3.5.0,M10.5.0/3";

// Seconds since 1970 of a date and time read on the UTC line (or a wall clock's line).
std::int64_t at(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
    return std::int64_t{days_from_civil(y, m, d)} * 86400 + h * 3600 + mi * 60 + s;
}

PosixZone zone(const char* rule) {
    auto z = PosixZone::parse(rule);
    REQUIRE_MESSAGE(z, rule);
    return z.value();
}

}  // namespace

TEST_CASE("civil dates and days since 1970") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    const CivilDate leap = civil_from_days(days_from_civil(2028, 2, 29));
    CHECK((leap.year == 2028 && leap.month == 2u && leap.day == 29u));
    CHECK(day_of(-1) == -1);
    CHECK(day_of(86399) == 0);
}

TEST_CASE("Paris: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last of October") {
    const PosixZone paris = zone(kParis);
    CHECK(paris.offset_at(at(2027, 1, 15, 12)) == 3600);
    CHECK(paris.offset_at(at(2027, 7, 15, 12)) == 7200);
    CHECK(paris.offset_at(at(2027, 3, 28, 0, 59, 59)) == 3600);  // 01:59:59 CET
    CHECK(paris.offset_at(at(2027, 3, 28, 1)) == 7200);          // 03:00 CEST
    CHECK(paris.offset_at(at(2027, 10, 31, 0, 59, 59)) == 7200);  // 02:59:59 CEST
    CHECK(paris.offset_at(at(2027, 10, 31, 1)) == 3600);          // 02:00 CET
    CHECK(paris.to_local(at(2027, 7, 15, 12)) == at(2027, 7, 15, 14));
    // Outside the precomputed 1900-2199 the rules are evaluated directly, with the same answers.
    CHECK(paris.offset_at(at(2250, 7, 1)) == 7200);
    CHECK(paris.offset_at(at(2250, 12, 1)) == 3600);
    CHECK(paris.offset_at(at(1850, 7, 1)) == 7200);
    CHECK(paris.offset_at(at(2199, 12, 31, 23)) == 3600);
}

TEST_CASE("Paris: the skipped hour moves forward, the repeated hour is its first instant") {
    const PosixZone paris = zone(kParis);
    // 02:30 does not happen on 2027-03-28: read as 02:30 CET it is 01:30Z, i.e. 03:30 CEST.
    auto skipped = paris.to_utc(at(2027, 3, 28, 2, 30));
    CHECK(skipped.kind == PosixZone::LocalTime::skipped);
    CHECK(skipped.utc == at(2027, 3, 28, 1, 30));
    CHECK(paris.to_utc(at(2027, 3, 28, 1, 59)).utc == at(2027, 3, 28, 0, 59));  // CET
    CHECK(paris.to_utc(at(2027, 3, 28, 3, 0)).utc == at(2027, 3, 28, 1, 0));    // CEST
    // 02:30 happens twice on 2027-10-31: 00:30Z (CEST) and 01:30Z (CET); the first is taken.
    auto repeated = paris.to_utc(at(2027, 10, 31, 2, 30));
    CHECK(repeated.kind == PosixZone::LocalTime::repeated);
    CHECK(repeated.utc == at(2027, 10, 31, 0, 30));
    CHECK(paris.to_utc(at(2027, 10, 31, 3, 0)).utc == at(2027, 10, 31, 2, 0));
    CHECK(paris.to_utc(at(2027, 10, 31, 3, 0)).kind == PosixZone::LocalTime::unique);
}

TEST_CASE("Moscow, New York, Sydney and quoted names") {
    const PosixZone moscow = zone("MSK-3");
    CHECK(moscow.offset_at(at(2027, 7, 1)) == 10800);
    CHECK(moscow.to_utc(at(2027, 3, 28, 2, 30)).utc == at(2027, 3, 27, 23, 30));
    // New York: the second Sunday of March 2027 is the 14th; 02:00 EST is 07:00Z.
    const PosixZone new_york = zone("EST5EDT,M3.2.0,M11.1.0");
    CHECK(new_york.offset_at(at(2027, 3, 14, 6, 59, 59)) == -18000);
    CHECK(new_york.offset_at(at(2027, 3, 14, 7)) == -14400);
    // Sydney's summer spans the new year: from the first Sunday of October to the first of April.
    const PosixZone sydney = zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
    CHECK(sydney.offset_at(at(2027, 1, 15)) == 39600);
    CHECK(sydney.offset_at(at(2027, 7, 1)) == 36000);
    CHECK(sydney.offset_at(at(2027, 12, 25)) == 39600);
    CHECK(zone("<+03>-3").offset_at(0) == 10800);
    CHECK(zone("<-0330>3:30").offset_at(0) == -12600);
    CHECK(PosixZone::utc().offset_at(at(2027, 7, 1)) == 0);
}

TEST_CASE("Jn never counts February 29; n does") {
    // J60 is March 1 in a leap year too; 59 (zero-based) is February 29 in 2028.
    const PosixZone julian = zone("AAA0BBB,J60,J300");
    CHECK(julian.offset_at(at(2028, 3, 1, 1, 59, 59)) == 0);
    CHECK(julian.offset_at(at(2028, 3, 1, 2)) == 3600);
    const PosixZone zero_based = zone("AAA0BBB,59,300");
    CHECK(zero_based.offset_at(at(2028, 2, 29, 1, 59, 59)) == 0);
    CHECK(zero_based.offset_at(at(2028, 2, 29, 2)) == 3600);
}

TEST_CASE("a malformed rule is refused with the reason") {
    for (const char* bad : {"", "CET", "C-1", "CET-1CEST", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0",
                            "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,M3.5.0,M10.5.0/x",
                            "CET-25", "<+3>-3", "CET-1CEST-1,M3.5.0,M10.5.0", "CET-1 "}) {
        auto z = PosixZone::parse(bad);
        CHECK_MESSAGE(!z, bad);
        if (!z) CHECK(z.error().code == "bad_time_zone_rule");
    }
}
