// Random numbers below a bound, the same sequence natively and in wasm (one PCG step each,
// not a standard distribution, whose results the two standard libraries may not share):
// for tests and benchmarks whose inputs must match across the two builds.
#pragma once

#include <cstdint>

namespace hotline::testing {

class Draws {
public:
    explicit Draws(std::uint64_t seed) : state_(seed) {}
    std::int64_t operator()(std::uint64_t bound) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>((state_ >> 33) % bound);
    }

private:
    std::uint64_t state_;
};

}  // namespace hotline::testing
