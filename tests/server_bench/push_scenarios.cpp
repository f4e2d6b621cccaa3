// Push throughput: operations stored per second, measured on the client side around the
// push requests (request encoding and number leasing are done before the clock starts).
#include <algorithm>
#include <chrono>
#include <latch>
#include <thread>

#include "scenarios.hpp"

namespace hotline::server_bench {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

Scenarios::Scenarios(const BenchConfig& config, const BenchServer& server) : config_(config), server_(server) {}

std::vector<std::string> Scenarios::logins(const BenchConfig& config) {
    std::vector<std::string> out = {"w0", "fill", "reader", "live"};
    for (std::size_t i = 1; i <= config.clients; ++i) out.push_back("c" + std::to_string(i));
    return out;
}

std::unique_ptr<BenchClient> Scenarios::client(const std::string& login, std::uint64_t seed) const {
    return std::make_unique<BenchClient>(server_.port(), login, server_.token(login), login, seed);
}

double Scenarios::push_incidents(BenchClient& c, std::size_t incidents) {
    if (auto leased = c.lease(static_cast<std::int64_t>(incidents)); !leased) die(leased.error().message);
    const std::size_t per_batch = config_.batch / kOpsPerIncident;
    double seconds = 0;
    std::vector<Operation> ops;
    for (std::size_t done = 0; done < incidents;) {
        const std::size_t n = std::min(per_batch, incidents - done);
        ops.clear();
        c.writer().new_incidents(n, now_ms(), ops);
        const std::string body = c.encode_push(ops, 0);
        const auto t0 = Clock::now();
        auto pushed = c.push(body);
        seconds += seconds_since(t0);
        if (!pushed) die(pushed.error().message);
        head_ = pushed->head;
        done += n;
    }
    incidents_made_ += incidents;
    return seconds;
}

void Scenarios::push_single(Results& r) {
    writer_ = client("w0", 1);
    const std::size_t incidents = config_.single_ops / kOpsPerIncident;
    r.single_seconds = push_incidents(*writer_, incidents);
    r.single_ops = incidents * kOpsPerIncident;
}

void Scenarios::push_concurrent(Results& r) {
    const std::size_t per_batch = config_.batch / kOpsPerIncident;
    const std::size_t incidents = per_batch * config_.client_batches;
    std::vector<std::vector<std::string>> bodies(config_.clients);
    for (std::size_t i = 0; i < config_.clients; ++i) {
        concurrent_.push_back(client("c" + std::to_string(i + 1), 100 + i));
        BenchClient& c = *concurrent_.back();
        if (auto leased = c.lease(static_cast<std::int64_t>(incidents)); !leased) die(leased.error().message);
        for (std::size_t b = 0; b < config_.client_batches; ++b) {
            std::vector<Operation> ops;
            c.writer().new_incidents(per_batch, now_ms(), ops);
            bodies[i].push_back(c.encode_push(ops, 0));
        }
    }
    std::latch go(1);
    std::vector<std::string> failures(config_.clients);
    std::vector<std::int64_t> heads(config_.clients);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < config_.clients; ++i) {
        threads.emplace_back([&, i] {
            go.wait();
            for (const auto& body : bodies[i]) {
                auto pushed = concurrent_[i]->push(body);
                if (!pushed) {
                    failures[i] = pushed.error().message;
                    return;
                }
                heads[i] = std::max(heads[i], pushed->head);
            }
        });
    }
    const auto t0 = Clock::now();
    go.count_down();
    for (auto& t : threads) t.join();
    r.concurrent_seconds = seconds_since(t0);
    for (const auto& f : failures)
        if (!f.empty()) die(f);
    for (auto h : heads) head_ = std::max(head_, h);
    r.concurrent_ops = config_.clients * incidents * kOpsPerIncident;
    incidents_made_ += config_.clients * incidents;
}

void Scenarios::fill(Results& r) {
    if (incidents_made_ >= config_.incidents) return;
    auto c = client("fill", 2);
    const std::size_t incidents = config_.incidents - incidents_made_;
    r.fill_seconds = push_incidents(*c, incidents);
    r.fill_ops = incidents * kOpsPerIncident;
}

}  // namespace hotline::server_bench
