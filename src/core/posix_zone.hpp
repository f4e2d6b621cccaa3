// A time zone's rules as a POSIX TZ string, evaluated the same natively and in the browser
// (issue 14, S3: SLA calendars have an IANA zone; Emscripten has no time zone database).
//
// The string is the footer of the zone's TZif file (what /usr/share/zoneinfo/<name> ends
// with): the rules in force now and for the coming years, e.g.
//   Europe/Paris     CET-1CEST,M3.5.0,M10.5.0/3
//   Europe/Moscow    MSK-3
//   America/New_York EST5EDT,M3.2.0,M11.1.0
//   Australia/Sydney AEST-10AEDT,M10.1.0,M4.1.0/3   (summer time across the new year)
// Grammar (POSIX.1-2017 8.3 and RFC 8536's extensions): std offset [dst [offset]
// ,start[/time],end[/time]]; names alphabetic (3+) or quoted in <>; offsets are west of
// UTC ("CET-1" is UTC+1); a missing DST offset is one hour ahead of standard time; dates
// are Jn (1-365, February 29 never counted), n (0-365) or Mm.w.d (month, week 1-5 with 5
// the last, day 0 = Sunday); times default to 02:00 and may be negative or past 24 h.
//
// Times here are seconds since 1970-01-01 00:00: `utc` on the UTC time line, `local` on the
// zone's wall clock read as if it were UTC. Past rule changes (before the current rules)
// are not known: SLA clocks run now and in the future.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/result.hpp"

namespace hotline {

class PosixZone {
public:
    static Result<PosixZone> parse(std::string_view rule);
    static PosixZone utc();

    // Seconds east of UTC in force at `utc` (Paris in summer: 7200).
    std::int32_t offset_at(std::int64_t utc) const;

    // A wall-clock time on the UTC time line. A local time that happens twice (the hour
    // repeated when summer time ends) is its first instant; one that does not happen (the
    // hour skipped when it starts) is moved forward by the length of the gap, as clocks are
    // (Paris 2027-03-28 02:30 is 03:30 CEST).
    enum class LocalTime { unique, repeated, skipped };
    struct Resolved {
        std::int64_t utc = 0;
        LocalTime kind = LocalTime::unique;
    };
    Resolved to_utc(std::int64_t local) const;
    std::int64_t to_local(std::int64_t utc) const { return utc + offset_at(utc); }

    const std::string& rule() const { return rule_; }

private:
    struct DateRule {
        enum class Form { julian, zero_based, month_week_day };
        Form form = Form::month_week_day;
        int day = 0;    // Jn: 1-365; n: 0-365; Mm.w.d: the weekday, 0 = Sunday
        int week = 0;   // Mm.w.d: 1-5, 5 = the last such weekday of the month
        int month = 0;  // Mm.w.d: 1-12
        std::int32_t time = 7200;  // local seconds after midnight of that date
    };
    friend class PosixZoneParser;
    // When the rule's date and time fall in `year`, on the UTC line (`offset_before`: the
    // offset in force until then, in which the rule's local time is written).
    static std::int64_t transition(int year, const DateRule& rule, std::int32_t offset_before);
    std::int32_t offset_by_rule(std::int64_t utc) const;  // from the rules, for any year
    void list_transitions();

    // Every change of offset from 1900 to 2199, computed once at parse: offset_at is a
    // binary search instead of two date computations (the SLA clock asks it for every
    // working interval it walks).
    struct Change {
        std::int64_t utc = 0;
        std::int32_t offset_after = 0;
    };
    std::vector<Change> changes_;

    std::string rule_;
    std::int32_t std_offset_ = 0;  // seconds east of UTC
    std::int32_t dst_offset_ = 0;
    bool has_dst_ = false;
    DateRule start_, end_;  // summer time starts at start_ (written in standard time), ends at end_
};

}  // namespace hotline
