// Pull latency: one page of 1,000 operations at a random cursor, timed on the client from
// sending the request to the last byte of the reply (the reply is not parsed). With N
// clients every client pulls at once, so the single io thread serves them in turn.
#include <algorithm>
#include <chrono>
#include <latch>
#include <random>
#include <thread>

#include "scenarios.hpp"

namespace hotline::server_bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kPage = 1000;
constexpr std::size_t kPullsPerConcurrentClient = 5;

// Times `count` pulls at random cursors; appends the latencies (ms).
Outcome timed_pulls(BenchClient& c, std::int64_t head, std::size_t count, std::uint64_t seed,
                    std::vector<double>& out) {
    std::mt19937_64 rng(seed);
    const std::int64_t last_cursor = std::max<std::int64_t>(0, head - kPage);
    for (std::size_t i = 0; i < count; ++i) {
        const std::int64_t cursor = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(last_cursor + 1));
        const auto t0 = Clock::now();
        auto page = c.pull(cursor, kPage);
        if (!page) return page.error();
        out.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return Outcome::success();
}

}  // namespace

Latency latency_of(std::vector<double> samples_ms) {
    Latency l;
    if (samples_ms.empty()) return l;
    std::sort(samples_ms.begin(), samples_ms.end());
    auto at = [&](double q) { return samples_ms[static_cast<std::size_t>(q * static_cast<double>(samples_ms.size() - 1) + 0.5)]; };
    l.samples = samples_ms.size();
    l.p50_ms = at(0.50);
    l.p95_ms = at(0.95);
    l.p99_ms = at(0.99);
    l.max_ms = samples_ms.back();
    return l;
}

void Scenarios::pull_latency(Results& r) {
    std::vector<double> single;
    if (auto pulled = timed_pulls(*writer_, head_, 3, 7, single); !pulled) die(pulled.error().message);  // warm-up
    single.clear();
    if (auto pulled = timed_pulls(*writer_, head_, config_.pulls, 11, single); !pulled) die(pulled.error().message);
    r.pull_single = latency_of(single);

    std::latch go(1);
    std::vector<std::vector<double>> samples(concurrent_.size());
    std::vector<std::string> failures(concurrent_.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < concurrent_.size(); ++i) {
        threads.emplace_back([&, i] {
            go.wait();
            if (auto pulled = timed_pulls(*concurrent_[i], head_, kPullsPerConcurrentClient, 1000 + i, samples[i]);
                !pulled)
                failures[i] = pulled.error().message;
        });
    }
    go.count_down();
    for (auto& t : threads) t.join();
    for (const auto& f : failures)
        if (!f.empty()) die(f);
    std::vector<double> all;
    for (const auto& s : samples) all.insert(all.end(), s.begin(), s.end());
    r.pull_concurrent = latency_of(std::move(all));
}

}  // namespace hotline::server_bench
