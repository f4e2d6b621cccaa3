// Times the registration lookups (R2, R5) as an agent uses them: one query per
// keystroke, and serial numbers typed whole or in part. For the benchmarks only
// (tests/bench natively and under node, and the browser benchmark through
// platform/web/bench_exports.cpp), so the same measure runs in every engine.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "app/customer_lookup.hpp"
#include "app/unit_lookup.hpp"

namespace hotline::app {

struct KeystrokeTimes {
    double mean_ms = 0, worst_ms = 0;
    std::string worst_query;
    std::size_t keys = 0;
};

// Types each of `words` one character (code point) at a time into `lookup`.
KeystrokeTimes time_customer_typing(CustomerLookup& lookup, std::span<const std::string> words);

struct SerialTimes {
    double mean_ms = 0;
    std::size_t lookups = 0, found = 0;  // found: matches over all lookups (0 means a broken run)
};

// `rounds` lookups of serial numbers of the desk's units, spread over them:
// alternately the whole number and its first six characters.
SerialTimes time_serial_lookups(UnitLookup& lookup, const Desk& desk, std::size_t rounds);

}  // namespace hotline::app
