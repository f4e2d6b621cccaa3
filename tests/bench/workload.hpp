// A realistic incident workload for benchmarks: customers from four countries
// (English, French, Russian, Italian names and texts), units, reason codes and
// the life of each incident as ~10 operations: registration, assignment,
// calls and notes, diagnosis, solution, Solved. Deterministic for a seed.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include "core/op_factory.hpp"
#include "core/operation.hpp"

namespace hotline::bench {

// Produces the workload in batches, so a benchmark can apply 1,000,000
// operations without holding them all in memory at once.
class WorkloadGenerator {
public:
    explicit WorkloadGenerator(std::uint64_t seed);
    // The operations of the next `incidents` incidents, in a valid apply order.
    std::vector<Operation> next(std::size_t incidents);

private:
    std::mt19937_64 rng_;
    std::array<OpFactory, 4> replicas_;
    std::int64_t now_ = 1764000000000;  // 2025-11-24
    std::size_t made_ = 0;
};

}  // namespace hotline::bench
