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
// a / b rounded toward minus infinity (b > 0): a moment before 1970 belongs to the earlier
// second or day, where C++'s division would round it toward 1970.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
// Days since 1970-01-01 of the day holding `seconds`.
inline std::int32_t day_of(std::int64_t seconds) { return static_cast<std::int32_t>(floor_div(seconds, 86400)); }

}  // namespace hotline
