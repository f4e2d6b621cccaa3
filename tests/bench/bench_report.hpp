// What the parts of the benchmark share: their clock and one aligned line per number.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

namespace hotline::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

inline constexpr int kRounds = 15;  // a step timed with best_ms runs this many times (a shared machine)

// The best of kRounds runs of `step`, `reset` (untimed) before each.
template <typename Reset, typename Step>
double best_ms(Reset reset, Step step) {
    double best = 1e9;
    for (int i = 0; i < kRounds; ++i) {
        reset();
        const auto t0 = Clock::now();
        step();
        best = std::min(best, ms_since(t0));
    }
    return best;
}

inline void row(const std::string& what, double value, const char* unit) {
    std::printf("  %-52s %12.3f %s\n", what.c_str(), value, unit);
}

}  // namespace hotline::bench
