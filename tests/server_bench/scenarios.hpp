// The four measurements of the server benchmark (issue 4), run in this order on one
// server so each finds the data the earlier ones left:
//   push        1 client, then N concurrent clients, batches of `batch` operations;
//               then one client fills the log up to `incidents` incidents (also timed)
//   pull        latency of one page of 1,000 operations at random cursors, 1 and N clients
//   first sync  a fresh client pulls everything in pages of 5,000 and folds it into a Desk;
//               then one takes the snapshot instead (GET /snapshot and its chunks)
//   incremental one client pushes 100 sets in one push, the synced client pulls them
//   logins      `login_clients` clients sign in again and again (Argon2id, interactive cost)
//               while GET /health and a pull of 1,000 operations are timed every 20 ms
//   live        the server program started on the filled database (start time, RSS), then
//               `waiting` long polls parked on it, woken by a push (live_scenarios.cpp)
// Every failure ends the run (die): a number measured on refused requests means nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <memory>

#include "bench_client.hpp"
#include "bench_server.hpp"

namespace hotline::server_bench {

struct BenchConfig {
    Backend backend = Backend::sqlite;
    std::string location;            // SQLite file or PostgreSQL connection string
    std::size_t single_ops = 100'000;  // operations pushed by the single client
    std::size_t clients = 50;
    std::size_t client_batches = 3;  // batches per concurrent client
    std::size_t batch = 1000;        // operations per push (a multiple of kOpsPerIncident)
    std::size_t incidents = 100'000; // on the server before the first sync
    std::size_t pulls = 50;          // single-client pull samples; concurrent: 5 per client
    std::size_t reps = 7;            // incremental sync repetitions
    std::size_t login_clients = 20;  // signing in at once, for latency_during_logins
    double login_seconds = 10;
    std::size_t waiting = 10'000;    // long polls parked at once, for live_updates
    std::string server_program;      // hotline_server, started by live_updates
};

struct Latency {
    std::size_t samples = 0;
    double p50_ms = 0, p95_ms = 0, p99_ms = 0, max_ms = 0;
};

struct Results {
    std::size_t single_ops = 0;
    double single_seconds = 0;
    std::size_t concurrent_ops = 0;
    double concurrent_seconds = 0;
    std::size_t fill_ops = 0;
    double fill_seconds = 0;

    Latency pull_single, pull_concurrent;

    std::size_t sync_incidents = 0, sync_ops = 0, sync_pages = 0, sync_bytes = 0;
    double sync_transfer_s = 0, sync_fold_s = 0, sync_total_s = 0;

    double incr_push_ms = 0, incr_pull_ms = 0, incr_fold_ms = 0;
    // First sync by snapshot (snapshot_scenarios.cpp).
    std::size_t snap_incidents = 0, snap_chunks = 0, snap_bytes = 0, snap_gzip_bytes = 0;
    double snap_manifest_s = 0, snap_transfer_s = 0, snap_read_s = 0, snap_total_s = 0;

    std::size_t logins = 0;
    double logins_seconds = 0;
    Latency health_during_logins, pull_during_logins;

    // Live updates (live_scenarios.cpp).
    std::size_t live_start_incidents = 0, live_clients = 0;
    double live_start_s = 0, live_rss_start_mb = 0, live_rss_parked_mb = 0;
    bool live_across = false;  // the push went to another process (PostgreSQL)
    Latency live_wake;
};

[[noreturn]] void die(const std::string& what);
Latency latency_of(std::vector<double> samples_ms);

// Users and replicas: "w0" pushes alone and writes the incremental changes, "c1".."cN"
// are the concurrent clients, "fill" fills the log, "reader" is the fresh client.
class Scenarios {
public:
    Scenarios(const BenchConfig& config, const BenchServer& server);

    void push_single(Results& r);
    void push_concurrent(Results& r);
    void fill(Results& r);
    void pull_latency(Results& r);
    void first_sync_and_incremental(Results& r);
    void first_sync_snapshot(Results& r);
    void latency_during_logins(Results& r);
    // Last: on SQLite the child server writes the database behind this process's desk.
    void live_updates(Results& r);

    static std::vector<std::string> logins(const BenchConfig& config);

private:
    std::unique_ptr<BenchClient> client(const std::string& login, std::uint64_t seed) const;
    // Pushes `incidents` new incidents from `c` in batches, leasing the numbers first
    // (not timed); returns the seconds spent in push requests.
    double push_incidents(BenchClient& c, std::size_t incidents);

    const BenchConfig& config_;
    const BenchServer& server_;
    std::int64_t head_ = 0;           // the server's last seq, from push replies
    std::size_t incidents_made_ = 0;  // incidents on the server
    std::unique_ptr<BenchClient> writer_;
    std::vector<std::unique_ptr<BenchClient>> concurrent_;
};

void print_results(const BenchConfig& config, const Results& r);

}  // namespace hotline::server_bench
