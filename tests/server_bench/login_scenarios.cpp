// Latency while people sign in (issue 9, item 11): `login_clients` threads sign in over and
// over for `login_seconds` (Argon2id at the interactive cost, ~0.1 s of CPU each), while one
// more client asks GET /health and another pulls a page of 1,000 operations every 20 ms.
// The password hashes run on the server's worker pool, so the io thread should keep
// answering both within the 50 ms target.
#include <atomic>
#include <chrono>
#include <latch>
#include <thread>

#include <nlohmann/json.hpp>

#include "scenarios.hpp"

namespace hotline::server_bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

}  // namespace

void Scenarios::latency_during_logins(Results& r) {
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> logins{0};
    std::vector<std::string> failures(config_.login_clients);
    std::latch started(static_cast<std::ptrdiff_t>(config_.login_clients));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < config_.login_clients; ++i) {
        threads.emplace_back([&, i] {
            server::http::HttpClient http("127.0.0.1", server_.port(), std::chrono::seconds(60));
            const std::string body = nlohmann::json{{"login", sign_in_login(i)}, {"password", kSignInPassword}}.dump();
            started.count_down();
            while (!stop) {
                auto reply = http.request("POST", "/api/v1/login", body);
                if (!reply || reply->status != 200) {
                    failures[i] = reply ? "login answered " + std::to_string(reply->status) + ": " + reply->body
                                        : reply.error().message;
                    return;
                }
                ++logins;
            }
        });
    }
    started.wait();
    server::http::HttpClient health("127.0.0.1", server_.port(), std::chrono::seconds(60));
    std::vector<double> health_ms, pull_ms;
    const auto begin = Clock::now();
    const auto end = begin + std::chrono::milliseconds(static_cast<std::int64_t>(config_.login_seconds * 1000));
    while (Clock::now() < end) {
        auto t0 = Clock::now();
        auto reply = health.request("GET", "/api/v1/health");
        if (!reply || reply->status != 200) die("health check failed while logins ran");
        health_ms.push_back(ms_since(t0));
        t0 = Clock::now();
        if (auto page = writer_->pull(0, 1000); !page) die(page.error().message);
        pull_ms.push_back(ms_since(t0));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const double seconds = ms_since(begin) / 1000;
    stop = true;
    for (auto& t : threads) t.join();
    for (const auto& f : failures)
        if (!f.empty()) die(f);
    r.logins = logins;
    r.logins_seconds = seconds;
    r.health_during_logins = latency_of(std::move(health_ms));
    r.pull_during_logins = latency_of(std::move(pull_ms));
}

}  // namespace hotline::server_bench
