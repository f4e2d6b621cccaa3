// A calendar record (schema: EntityKind::calendar, S3) as the BusinessCalendar the SLA
// clocks count on. People type its texts in the admin screen; these are their grammars:
//
//   hours         entries separated by ";" or line breaks, each days then intervals:
//                   mon-fri 08:00-12:00 13:00-17:00; sat 09:00-12:00
//                 days: mon tue wed thu fri sat sun, a range (mon-fri) or a list (mon,wed);
//                 an interval is HH:MM-HH:MM, half-open, 24:00 allowed as an end; an
//                 overnight shift is two entries (fri 22:00-24:00; sat 00:00-06:00).
//                 Empty: open around the clock (24/7).
//   holidays      one per entry: a date, then any label (2026-12-25 Christmas)
//   special_days  one per entry: a date and its own intervals instead of the week's
//                 (2026-12-24 09:00-12:00)
//
// `zone_rule` is the POSIX rule of `time_zone` (posix_zone.hpp). The server writes it from
// its zone files; until then (a calendar made offline) the clock counts in UTC and
// zone_pending() says so, for the screens to show.
#pragma once

#include <string_view>

#include "core/business_calendar.hpp"
#include "core/entity.hpp"
#include "core/result.hpp"

namespace hotline {

// Each checks one text; the error names the field and the entry that is wrong.
Outcome check_calendar_hours(std::string_view text);
Outcome check_calendar_holidays(std::string_view text);
Outcome check_calendar_special_days(std::string_view text);
// An IANA zone name's shape: Area/Location of letters, digits, "_", "-", "+" ("UTC" too).
bool is_valid_zone_name(std::string_view name);

// The calendar a record describes, with its earlier versions from its transaction log: an
// edit of its hours, holidays or special days applies from the time it was made (the
// working time already counted stays counted). An Error only for a record the rules would
// refuse.
Result<BusinessCalendar> calendar_of(const Entity& calendar);
// True while the record's time zone is not UTC and its rule has not arrived.
bool zone_pending(const Entity& calendar);

}  // namespace hotline
