// Realistic operations for the server benchmark: incidents registered with ten fields
// (title, description, customer, unit, reason, priority, department) and then edited
// three times (title, description, priority), as an agent's desk produces them.
// Deterministic for a seed. Creates take final numbers from the factory's leased blocks,
// so the caller leases enough numbers first (BenchClient::lease).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/op_factory.hpp"
#include "core/operation.hpp"

namespace hotline::server_bench {

// create + set title + set description + set priority
inline constexpr std::size_t kOpsPerIncident = 4;

class IncidentWriter {
public:
    IncidentWriter(std::string replica, std::string login, std::uint64_t seed);

    OpFactory& factory() { return factory_; }
    const std::string& actor() const { return actor_; }

    // Appends the kOpsPerIncident operations of each of `count` new incidents.
    void new_incidents(std::size_t count, std::int64_t now_ms, std::vector<Operation>& out);
    // One set (title, description or priority, in turn) on a random incident made earlier.
    Operation edit(std::int64_t now_ms);

    std::size_t created() const { return ids_.size(); }

private:
    std::string words(std::size_t count);

    OpFactory factory_;
    std::string actor_;
    std::mt19937_64 rng_;
    std::vector<std::string> ids_;
    std::uint64_t edits_ = 0;
};

}  // namespace hotline::server_bench
