// Live updates at scale (issue 13). The real server program (hotline_server) starts as a
// child process on the benchmark's database, which the earlier scenarios filled: its start
// time and memory (RSS) with that many incidents are the first figures. Then `waiting`
// clients park long polls on it (waiting_clients.hpp), one incident is pushed, and the time
// from the push to each poll's answer is measured, over three rounds; the child's RSS is read
// while they wait. On SQLite the push goes to the child itself (one process per database);
// on PostgreSQL to this process's server, so the change crosses processes (LISTEN/NOTIFY).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "scenarios.hpp"
#include "server/http/http_client.hpp"
#include "server_process.hpp"
#include "waiting_clients.hpp"

namespace hotline::server_bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kRounds = 3;

// Resident memory of a process, in MB (VmRSS of /proc/<pid>/status).
double rss_mb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kb = 0;
            status >> kb;
            return kb / 1024.0;
        }
        status.ignore(1 << 12, '\n');
    }
    return 0;
}

// Waits until `count` long polls are parked on the server: GET /metrics says so, or (a build
// without it) after a pause long enough for the server to have read them all.
void wait_parked(std::uint16_t port, std::size_t count) {
    server::http::HttpClient http("127.0.0.1", port, std::chrono::seconds(10));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        auto reply = http.request("GET", "/metrics", {});
        if (!reply || reply->status != 200) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1000 + count));
            return;
        }
        const auto at = reply->body.find("\nhotline_waiting_polls ");
        if (at != std::string::npos && std::stoull(reply->body.substr(at + 23)) >= count) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    die("the waiting clients were not all parked within a minute");
}

std::int64_t log_head(std::uint16_t port) {
    server::http::HttpClient http("127.0.0.1", port, std::chrono::seconds(10));
    auto reply = http.request("GET", "/api/v1/health", {});
    if (!reply || reply->status != 200) die("GET /health of the child server failed");
    return nlohmann::json::parse(reply->body).at("head").get<std::int64_t>();
}

}  // namespace

void Scenarios::live_updates(Results& r) {
    const std::string work = "live-server";
    std::filesystem::remove_all(work);
    std::filesystem::create_directories(work);
    if (config_.backend == Backend::postgres) ::setenv("HOTLINE_POSTGRES", config_.location.c_str(), 1);
    server_test::ServerProcess child(config_.server_program, config_.location, work);
    const auto t0 = Clock::now();
    if (auto started = child.start(0); !started) die("starting " + config_.server_program + ": " + started.error().message);
    r.live_start_s = std::chrono::duration<double>(Clock::now() - t0).count();
    r.live_start_incidents = incidents_made_;
    r.live_rss_start_mb = rss_mb(child.pid());
    r.live_across = config_.backend == Backend::postgres;

    auto clients = WaitingClients::connect(child.port(), config_.waiting);
    if (!clients) die(clients.error().message);
    const std::uint16_t push_port = r.live_across ? server_.port() : child.port();
    BenchClient pusher(push_port, "live", server_.token("live"), "live", 4);
    std::vector<double> samples;
    for (int round = 0; round < kRounds; ++round) {
        const std::int64_t cursor = log_head(child.port());
        if (auto parked = (*clients)->park(server_.token("live"), cursor); !parked) die(parked.error().message);
        wait_parked(child.port(), config_.waiting);  // written is not parked yet
        r.live_rss_parked_mb = std::max(r.live_rss_parked_mb, rss_mb(child.pid()));
        const auto pushed_at = Clock::now();
        push_incidents(pusher, 1);
        auto answers = (*clients)->answers(std::chrono::seconds(40));
        if (!answers) die(answers.error().message);
        for (const auto& a : *answers) {
            if (a.status != 200 || a.head <= cursor) die("a waiting client got no news: status " + std::to_string(a.status));
            samples.push_back(std::max(0.0, std::chrono::duration<double, std::milli>(a.at - pushed_at).count()));
        }
    }
    r.live_clients = config_.waiting;
    r.live_wake = latency_of(std::move(samples));
    child.stop();
    if (config_.backend == Backend::postgres) ::unsetenv("HOTLINE_POSTGRES");
}

}  // namespace hotline::server_bench
