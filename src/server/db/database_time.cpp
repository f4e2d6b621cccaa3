#include "server/db/database_time.hpp"

#include <atomic>
#include <cstdint>

namespace hotline::server {
namespace {

std::atomic<std::uint64_t> nanoseconds{0};

}  // namespace

DatabaseTimer::~DatabaseTimer() {
    const auto spent = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started_);
    nanoseconds.fetch_add(static_cast<std::uint64_t>(spent.count()), std::memory_order_relaxed);
}

double database_seconds() { return static_cast<double>(nanoseconds.load(std::memory_order_relaxed)) / 1e9; }

}  // namespace hotline::server
