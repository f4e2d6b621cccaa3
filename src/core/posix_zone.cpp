#include "core/posix_zone.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>

#include "core/insertion_sort.hpp"

namespace hotline {

// --- Parsing -------------------------------------------------------------------------------

class PosixZoneParser {
public:
    explicit PosixZoneParser(std::string_view text) : in_(text) {}

    Result<PosixZone> parse() {
        PosixZone z;
        z.rule_ = std::string(in_);
        std::int32_t west = 0;
        if (!name() || !offset(west, 24)) return fail("a zone name and its offset (e.g. CET-1)");
        z.std_offset_ = -west;
        if (at_end()) return z;
        if (!name()) return fail("a summer time name after the offset");
        z.has_dst_ = true;
        z.dst_offset_ = z.std_offset_ + 3600;
        if (!at_end() && peek() != ',') {
            if (!offset(west, 24)) return fail("the summer time offset");
            z.dst_offset_ = -west;
        }
        if (at_end()) return fail("the dates summer time starts and ends (,start,end)");
        if (!take(',') || !date_rule(z.start_) || !take(',') || !date_rule(z.end_) || !at_end())
            return fail("start and end dates as Jn, n or Mm.w.d, each with an optional /time");
        if (z.dst_offset_ == z.std_offset_) return fail("a summer time offset other than standard time's");
        z.list_transitions();
        return z;
    }

private:
    bool at_end() const { return pos_ == in_.size(); }
    char peek() const { return at_end() ? '\0' : in_[pos_]; }
    bool take(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    Error fail(const char* expected) const {
        return make_error("bad_time_zone_rule", "Time zone rule \"" + std::string(in_) + "\": expected " + expected,
                          {std::string(in_)});
    }

    bool name() {
        std::size_t n = 0;
        if (take('<')) {
            while (!at_end() && peek() != '>' && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '+' || peek() == '-'))
                ++pos_, ++n;
            return take('>') && n >= 3;
        }
        while (std::isalpha(static_cast<unsigned char>(peek()))) ++pos_, ++n;
        return n >= 3;
    }

    bool number(int& out, int max) {
        if (!std::isdigit(static_cast<unsigned char>(peek()))) return false;
        out = 0;
        while (std::isdigit(static_cast<unsigned char>(peek()))) {
            out = out * 10 + (in_[pos_++] - '0');
            if (out > max) return false;
        }
        return true;
    }

    // [+|-]hh[:mm[:ss]] in seconds; `max_hours`: 24 for offsets, 167 for rule times.
    bool offset(std::int32_t& seconds, int max_hours) {
        const bool negative = take('-');
        if (!negative) take('+');
        int h = 0, m = 0, s = 0;
        if (!number(h, max_hours)) return false;
        if (take(':') && (!number(m, 59) || (take(':') && !number(s, 59)))) return false;
        seconds = (negative ? -1 : 1) * (h * 3600 + m * 60 + s);
        return true;
    }

    bool date_rule(PosixZone::DateRule& r) {
        using Form = PosixZone::DateRule::Form;
        if (take('J')) {
            r.form = Form::julian;
            if (!number(r.day, 365) || r.day < 1) return false;
        } else if (take('M')) {
            r.form = Form::month_week_day;
            if (!number(r.month, 12) || r.month < 1 || !take('.') || !number(r.week, 5) || r.week < 1 || !take('.') ||
                !number(r.day, 6))
                return false;
        } else {
            r.form = Form::zero_based;
            if (!number(r.day, 365)) return false;
        }
        return !take('/') || offset(r.time, 167);
    }

    std::string_view in_;
    std::size_t pos_ = 0;
};

Result<PosixZone> PosixZone::parse(std::string_view rule) { return PosixZoneParser(rule).parse(); }

PosixZone PosixZone::utc() {
    PosixZone z;
    z.rule_ = "UTC0";
    return z;
}

// --- Evaluation ------------------------------------------------------------------------------

std::int64_t PosixZone::transition(int year, const DateRule& r, std::int32_t offset_before) {
    using namespace std::chrono;
    std::int32_t day = 0;
    switch (r.form) {
        case DateRule::Form::julian: {
            // February 29 is never counted: J60 is March 1 in every year.
            const bool leap = std::chrono::year{year}.is_leap();
            day = days_from_civil(year, 1, 1) + r.day - 1 + (leap && r.day >= 60 ? 1 : 0);
            break;
        }
        case DateRule::Form::zero_based: day = days_from_civil(year, 1, 1) + r.day; break;
        case DateRule::Form::month_week_day: {
            const auto month = std::chrono::month{static_cast<unsigned>(r.month)};
            const weekday wd{static_cast<unsigned>(r.day)};
            const sys_days date = r.week == 5 ? sys_days(std::chrono::year{year} / month / wd[last])
                                              : sys_days(std::chrono::year{year} / month / wd[static_cast<unsigned>(r.week)]);
            day = static_cast<std::int32_t>(date.time_since_epoch().count());
            break;
        }
    }
    return std::int64_t{day} * 86400 + r.time - offset_before;
}

void PosixZone::list_transitions() {
    for (int year = 1900; year < 2200; ++year) {
        changes_.push_back({transition(year, start_, std_offset_), dst_offset_});
        changes_.push_back({transition(year, end_, dst_offset_), std_offset_});
    }
    insertion_sort(changes_.begin(), changes_.end(), [](const Change& a, const Change& b) { return a.utc < b.utc; });
}

std::int32_t PosixZone::offset_at(std::int64_t utc) const {
    if (!has_dst_) return std_offset_;
    if (changes_.empty() || utc < changes_.front().utc || utc >= changes_.back().utc) return offset_by_rule(utc);
    // The last change at or before `utc`.
    const auto after = std::upper_bound(changes_.begin(), changes_.end(), utc,
                                        [](std::int64_t t, const Change& c) { return t < c.utc; });
    return std::prev(after)->offset_after;
}

std::int32_t PosixZone::offset_by_rule(std::int64_t utc) const {
    const int year = civil_from_days(day_of(utc + std_offset_)).year;
    const std::int64_t starts = transition(year, start_, std_offset_);
    const std::int64_t ends = transition(year, end_, dst_offset_);
    // Southern zones start summer time late in the year and end it early in the next.
    const bool summer = starts < ends ? (starts <= utc && utc < ends) : (utc < ends || starts <= utc);
    return summer ? dst_offset_ : std_offset_;
}

PosixZone::Resolved PosixZone::to_utc(std::int64_t local) const {
    if (!has_dst_) return {local - std_offset_, LocalTime::unique};
    // Read with the larger offset the instant is earlier; with the smaller, later.
    const std::int32_t larger = std::max(std_offset_, dst_offset_), smaller = std::min(std_offset_, dst_offset_);
    const std::int64_t early = local - larger, late = local - smaller;
    const bool early_holds = offset_at(early) == larger, late_holds = offset_at(late) == smaller;
    if (early_holds && late_holds) return {early, LocalTime::repeated};
    if (early_holds) return {early, LocalTime::unique};
    if (late_holds) return {late, LocalTime::unique};
    // Skipped: the clock jumped from the smaller offset to the larger one over this time,
    // so read with the offset before the jump it lands as far past the jump as it was meant to.
    return {late, LocalTime::skipped};
}

}  // namespace hotline
