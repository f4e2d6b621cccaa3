// What the parts of the benchmark share: their clock and one aligned line per number.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace hotline::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

inline void row(const std::string& what, double value, const char* unit) {
    std::printf("  %-52s %12.3f %s\n", what.c_str(), value, unit);
}

}  // namespace hotline::bench
