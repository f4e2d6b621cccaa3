#include "core/calendar_record.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/history.hpp"
#include "core/insertion_sort.hpp"

namespace hotline {
namespace {

constexpr std::string_view kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Entries are separated by ";" or line breaks; blank ones are skipped.
template <typename Visit>
bool each_entry(std::string_view text, Visit&& visit) {
    while (!text.empty()) {
        const std::size_t end = text.find_first_of(";\n");
        const std::string_view entry = trim(text.substr(0, end));
        if (!entry.empty() && !visit(entry)) return false;
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return true;
}

std::vector<std::string_view> words(std::string_view entry) {
    std::vector<std::string_view> out;
    while (!entry.empty()) {
        while (!entry.empty() && is_space(entry.front())) entry.remove_prefix(1);
        std::size_t n = 0;
        while (n < entry.size() && !is_space(entry[n])) ++n;
        if (n > 0) out.push_back(entry.substr(0, n));
        entry.remove_prefix(n);
    }
    return out;
}

bool begins_before(const WorkingInterval& a, const WorkingInterval& b) { return a.begin < b.begin; }

std::optional<std::int32_t> parse_clock(std::string_view s) {
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    const int h = (s[0] - '0') * 10 + (s[1] - '0');
    const int m = (s[3] - '0') * 10 + (s[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return h * 3600 + m * 60;
}

// "08:00-12:00" (the end after the begin).
std::optional<WorkingInterval> parse_interval(std::string_view s) {
    if (s.size() != 11 || s[5] != '-') return std::nullopt;
    const auto begin = parse_clock(s.substr(0, 5)), end = parse_clock(s.substr(6));
    if (!begin || !end || *begin >= *end) return std::nullopt;
    return WorkingInterval{*begin, *end};
}

std::optional<int> parse_day_name(std::string_view s) {
    for (std::size_t d = 0; d < std::size(kDayNames); ++d)
        if (s == kDayNames[d]) return static_cast<int>(d);
    return std::nullopt;
}

// "mon-fri", "sat", "mon,wed,fri": the set of weekdays (Monday = bit 0).
std::optional<unsigned> parse_days(std::string_view s) {
    unsigned mask = 0;
    while (!s.empty()) {
        const std::size_t comma = s.find(',');
        const std::string_view part = s.substr(0, comma);
        const std::size_t dash = part.find('-');
        const auto first = parse_day_name(part.substr(0, dash));
        const auto last = dash == std::string_view::npos ? first : parse_day_name(part.substr(dash + 1));
        if (!first || !last || *last < *first) return std::nullopt;
        for (int d = *first; d <= *last; ++d) mask |= 1u << d;
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    return mask == 0 ? std::nullopt : std::optional<unsigned>(mask);
}

std::optional<std::int32_t> parse_date(std::string_view s) {
    if (!is_valid_date(s)) return std::nullopt;
    const auto digits = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    return days_from_civil(digits(0, 4), static_cast<unsigned>(digits(5, 2)), static_cast<unsigned>(digits(8, 2)));
}

Error bad_entry(std::string_view field, std::string_view entry, std::string_view example) {
    return make_error("bad_calendar_entry",
                      std::string(field) + ": cannot read \"" + std::string(entry) + "\" (for example: " +
                          std::string(example) + ")",
                      {std::string(field), std::string(entry)});
}

constexpr std::string_view kHoursExample = "mon-fri 08:00-12:00 13:00-17:00";
constexpr std::string_view kHolidayExample = "2026-12-25 Christmas";
constexpr std::string_view kSpecialDayExample = "2026-12-24 09:00-12:00";

// Intervals from words[from..]: at least one, all well formed.
std::optional<std::vector<WorkingInterval>> parse_intervals(const std::vector<std::string_view>& w, std::size_t from) {
    if (w.size() <= from) return std::nullopt;
    std::vector<WorkingInterval> out;
    for (std::size_t i = from; i < w.size(); ++i) {
        const auto interval = parse_interval(w[i]);
        if (!interval) return std::nullopt;
        out.push_back(*interval);
    }
    insertion_sort(out.begin(), out.end(), begins_before);
    return out;
}

// The week of `hours`; an empty text is 24/7.
Result<BusinessCalendar::Week> parse_week(std::string_view text) {
    BusinessCalendar::Week week;
    if (trim(text).find_first_not_of(";\n \t\r") == std::string_view::npos) {
        for (auto& day : week) day = {{0, 86400}};
        return week;
    }
    std::optional<Error> error;
    each_entry(text, [&](std::string_view entry) {
        const auto w = words(entry);
        const auto days = w.empty() ? std::nullopt : parse_days(w[0]);
        const auto intervals = days ? parse_intervals(w, 1) : std::nullopt;
        if (!intervals) {
            error = bad_entry("Working hours", entry, kHoursExample);
            return false;
        }
        for (std::size_t d = 0; d < week.size(); ++d)
            if (*days & (1u << d)) week[d].insert(week[d].end(), intervals->begin(), intervals->end());
        return true;
    });
    if (error) return *error;
    for (auto& day : week)
        insertion_sort(day.begin(), day.end(), begins_before);
    return week;
}

Result<std::set<std::int32_t>> parse_holidays(std::string_view text) {
    std::set<std::int32_t> out;
    std::optional<Error> error;
    each_entry(text, [&](std::string_view entry) {
        const auto w = words(entry);
        const auto day = parse_date(w.front());
        if (!day) {
            error = bad_entry("Holidays", entry, kHolidayExample);
            return false;
        }
        out.insert(*day);
        return true;
    });
    if (error) return *error;
    return out;
}

Result<std::map<std::int32_t, std::vector<WorkingInterval>>> parse_special_days(std::string_view text) {
    std::map<std::int32_t, std::vector<WorkingInterval>> out;
    std::optional<Error> error;
    each_entry(text, [&](std::string_view entry) {
        const auto w = words(entry);
        const auto day = parse_date(w.front());
        auto intervals = day ? parse_intervals(w, 1) : std::nullopt;
        if (!intervals || out.count(*day)) {
            error = bad_entry("Special days", entry, kSpecialDayExample);
            return false;
        }
        out.emplace(*day, std::move(*intervals));
        return true;
    });
    if (error) return *error;
    return out;
}

Outcome outcome_of(const auto& result) {
    if (!result) return result.error();
    return {};
}

}  // namespace

Outcome check_calendar_hours(std::string_view text) {
    auto week = parse_week(text);
    if (!week) return week.error();
    return outcome_of(BusinessCalendar::make(PosixZone::utc(), std::move(*week)));
}

Outcome check_calendar_holidays(std::string_view text) { return outcome_of(parse_holidays(text)); }

Outcome check_calendar_special_days(std::string_view text) {
    auto days = parse_special_days(text);
    if (!days) return days.error();
    return outcome_of(BusinessCalendar::make(PosixZone::utc(), {}, {}, std::move(*days)));
}

bool is_valid_zone_name(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/' ||
        name.find("//") != std::string_view::npos || name.find("..") != std::string_view::npos)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
               c == '-' || c == '+';
    });
}

bool zone_pending(const Entity& calendar) {
    return calendar.value(CalendarField::zone_rule).empty() && calendar.value(CalendarField::time_zone) != "UTC";
}

namespace {

// The texts a calendar's working time is made of, by field.
struct CalendarTexts {
    std::string_view hours, holidays, special_days;
    std::string_view* of(std::string_view field_name) {
        if (field_name == field_spec(EntityKind::calendar, CalendarField::hours).name) return &hours;
        if (field_name == field_spec(EntityKind::calendar, CalendarField::holidays).name) return &holidays;
        if (field_name == field_spec(EntityKind::calendar, CalendarField::special_days).name) return &special_days;
        return nullptr;
    }
};

Result<BusinessCalendar> calendar_from(const PosixZone& zone, const CalendarTexts& texts) {
    auto week = parse_week(texts.hours);
    if (!week) return week.error();
    auto holidays = parse_holidays(texts.holidays);
    if (!holidays) return holidays.error();
    auto special = parse_special_days(texts.special_days);
    if (!special) return special.error();
    return BusinessCalendar::make(zone, std::move(*week), std::move(*holidays), std::move(*special));
}

}  // namespace

Result<BusinessCalendar> calendar_of(const Entity& calendar) {
    const std::string_view rule = calendar.value(CalendarField::zone_rule);
    auto zone = rule.empty() ? Result<PosixZone>(PosixZone::utc()) : PosixZone::parse(rule);
    if (!zone) return zone.error();
    CalendarTexts texts{calendar.value(CalendarField::hours), calendar.value(CalendarField::holidays),
                        calendar.value(CalendarField::special_days)};
    auto current = calendar_from(*zone, texts);
    if (!current) return current.error();

    // Its earlier versions, from its transaction log, newest first: before each edit of its
    // hours, holidays or special days, the texts it had. (The zone's rule is the zone's
    // current one for every version: posix_zone.hpp.)
    const std::vector<TxEntry> log = decode_history(calendar.history, {}, EntityKind::calendar);
    std::vector<BusinessCalendar::Version> earlier;
    for (auto entry = log.rbegin(); entry != log.rend(); ++entry) {
        std::string_view* text = entry->kind == TxKind::field ? texts.of(entry->field) : nullptr;
        if (!text) continue;
        *text = entry->old_value;
        const std::int64_t until = entry->wall_ms >= 0 ? entry->wall_ms / 1000 : -((-entry->wall_ms + 999) / 1000);
        if (auto before = calendar_from(*zone, texts)) earlier.push_back({until, std::move(*before)});
    }
    std::reverse(earlier.begin(), earlier.end());
    // Several fields edited at once (one save) leave versions of no length: the earliest stays.
    std::vector<BusinessCalendar::Version> kept;
    for (auto& v : earlier)
        if (kept.empty() || v.until > kept.back().until) kept.push_back(std::move(v));
    return current->with_earlier_versions(std::move(kept));
}

}  // namespace hotline
