#include "core/civil_date.hpp"

#include <chrono>

namespace hotline {

std::int32_t days_from_civil(int year, unsigned month, unsigned day) {
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    return static_cast<std::int32_t>(std::chrono::sys_days(date).time_since_epoch().count());
}

CivilDate civil_from_days(std::int32_t days) {
    const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(days))};
    return {static_cast<int>(date.year()), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day())};
}

}  // namespace hotline
