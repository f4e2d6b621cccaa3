// Civil (calendar) dates as days since 1970-01-01, proleptic Gregorian: the same answers
// natively and in the browser, without the C library's time zone machinery.
#pragma once

#include <cstdint>

namespace hotline {

// A civil date as days since 1970-01-01, and back.
std::int32_t days_from_civil(int year, unsigned month, unsigned day);
struct CivilDate {
    int year = 1970;
    unsigned month = 1, day = 1;
};
CivilDate civil_from_days(std::int32_t days);
// Days since 1970-01-01 of the day holding `seconds` (negative seconds round down).
inline std::int32_t day_of(std::int64_t seconds) {
    return static_cast<std::int32_t>(seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400));
}

}  // namespace hotline
