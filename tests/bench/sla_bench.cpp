#include "sla_bench.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "core/sla_clock.hpp"
#include "bench_report.hpp"
#include "draws.hpp"

namespace hotline::bench {
namespace {

constexpr int kClocks = 100000;

// Paris office hours, Monday to Friday 08:00-12:00 and 13:00-18:00, with two holidays.
BusinessCalendar office() {
    BusinessCalendar::Week week;
    for (std::size_t d = 0; d < 5; ++d) week[d] = {{8 * 3600, 12 * 3600}, {13 * 3600, 18 * 3600}};
    return BusinessCalendar::make(PosixZone::parse("CET-1CEST,M3.5.0,M10.5.0/3").value(), week,
                                  {days_from_civil(2027, 5, 1), days_from_civil(2027, 12, 25)})
        .value();
}

// Open incidents registered over a year, targets from 4 to 40 working hours, a third of
// them with a pause (waiting for the customer) of up to two days.
std::vector<SlaClock> clocks() {
    std::vector<SlaClock> out(kClocks);
    testing::Draws next(42);
    const std::int64_t year = std::int64_t{days_from_civil(2027, 1, 1)} * 86400;
    for (SlaClock& c : out) {
        c.start = year + next(365 * 86400);
        c.target = (4 + next(37)) * 3600;
        if (next(3) == 0) {
            const std::int64_t begin = c.start + next(86400);
            c.pauses.push_back({begin, begin + 1 + next(2 * 86400)});
        }
    }
    return out;
}

// Every clock's moments, then every clock's state at one instant.
std::int64_t time_clocks(const BusinessCalendar& calendar, const std::vector<SlaClock>& all, const char* how) {
    std::int64_t checksum = 0;  // keeps the work from being optimised away
    auto t0 = Clock::now();
    for (const SlaClock& c : all) checksum += sla_moments(calendar, c).late.value_or(0);
    row(std::string("sla: moments of 100,000 clocks, ") + how, ms_since(t0), "ms");
    t0 = Clock::now();
    const std::int64_t now = std::int64_t{days_from_civil(2027, 7, 1)} * 86400;
    for (const SlaClock& c : all) checksum += read_sla(calendar, c, now).used;
    row(std::string("sla: state of 100,000 clocks at one instant, ") + how, ms_since(t0), "ms");
    return checksum;
}

}  // namespace

void run_sla_bench() {
    const BusinessCalendar calendar = office();
    const std::vector<SlaClock> all = clocks();
    const std::int64_t walked = time_clocks(calendar, all, "walking");
    const auto t0 = Clock::now();
    const BusinessCalendar indexed = calendar.indexed(days_from_civil(2026, 12, 1), days_from_civil(2028, 12, 31));
    row("sla: index of the calendar's working time, 2026-12 to 2028", ms_since(t0), "ms");
    if (time_clocks(indexed, all, "indexed") != walked) std::printf("  WARNING: the index answers differently\n");
}

}  // namespace hotline::bench
