// The printed table: one backend per run, with the targets of issue 4 beside the numbers.
#include <cstdio>
#include <cstdlib>

#include "scenarios.hpp"

namespace hotline::server_bench {

void die(const std::string& what) {
    std::fprintf(stderr, "server bench failed: %s\n", what.c_str());
    std::exit(1);
}

void print_results(const BenchConfig& config, const Results& r) {
    const char* backend = config.backend == Backend::sqlite ? "SQLite" : "PostgreSQL";
    const char* push_target = config.backend == Backend::sqlite ? ">= 50,000 ops/s" : "> SQLite's";
    auto rate = [](std::size_t ops, double s) { return s > 0 ? static_cast<double>(ops) / s : 0.0; };
    std::printf("\n== Server and sync benchmark: %s ==\n", backend);
    std::printf("  %-58s %22s   %s\n", "measure", "result", "target (issue 4)");
    char buf[128];
    auto line = [&](const char* what, const char* target) { std::printf("  %-58s %22s   %s\n", what, buf, target); };

    std::snprintf(buf, sizeof buf, "%.0f ops/s", rate(r.single_ops, r.single_seconds));
    std::string what = "push, 1 client, " + std::to_string(r.single_ops) + " ops in batches of " + std::to_string(config.batch);
    line(what.c_str(), push_target);
    std::snprintf(buf, sizeof buf, "%.0f ops/s", rate(r.concurrent_ops, r.concurrent_seconds));
    what = "push, " + std::to_string(config.clients) + " clients at once, " + std::to_string(r.concurrent_ops) + " ops";
    line(what.c_str(), push_target);
    if (r.fill_ops) {
        std::snprintf(buf, sizeof buf, "%.0f ops/s", rate(r.fill_ops, r.fill_seconds));
        what = "push, 1 client, filling to " + std::to_string(config.incidents) + " incidents (" +
               std::to_string(r.fill_ops) + " ops)";
        line(what.c_str(), "");
    }
    auto latency = [&](const char* what, const Latency& l) {
        std::snprintf(buf, sizeof buf, "%.1f / %.1f / %.1f ms", l.p50_ms, l.p95_ms, l.max_ms);
        std::string w = std::string(what) + " (" + std::to_string(l.samples) + " pulls)";
        line(w.c_str(), "");
    };
    latency("pull 1,000 ops, 1 client: p50 / p95 / max", r.pull_single);
    what = "pull 1,000 ops, " + std::to_string(config.clients) + " clients: p50 / p95 / max";
    latency(what.c_str(), r.pull_concurrent);

    std::snprintf(buf, sizeof buf, "%.2f s", r.sync_total_s);
    what = "first sync: " + std::to_string(r.sync_incidents) + " incidents, " + std::to_string(r.sync_ops) + " ops, " +
           std::to_string(r.sync_pages) + " pages";
    line(what.c_str(), "< 5 s");
    std::snprintf(buf, sizeof buf, "%.2f s", r.sync_transfer_s);
    line("  of which transfer (pull requests)", "");
    std::snprintf(buf, sizeof buf, "%.2f s", r.sync_fold_s);
    line("  of which client fold (parse, decode, apply)", "");
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(r.sync_bytes) / 1e6);
    line("  bytes received (JSON bodies)", "");
    std::snprintf(buf, sizeof buf, "%.2f s", r.snap_total_s);
    what = "first sync by snapshot: " + std::to_string(r.snap_incidents) + " incidents, " +
           std::to_string(r.snap_chunks) + " chunks";
    line(what.c_str(), "< 5 s");
    std::snprintf(buf, sizeof buf, "%.2f s", r.snap_manifest_s);
    line("  of which GET /snapshot (the server builds it)", "");
    std::snprintf(buf, sizeof buf, "%.2f s", r.snap_transfer_s);
    line("  of which transfer (chunk requests)", "");
    std::snprintf(buf, sizeof buf, "%.2f s", r.snap_read_s);
    line("  of which client read (checksums, decode, desk)", "");
    std::snprintf(buf, sizeof buf, "%.1f MB (gzip: %.1f MB)", static_cast<double>(r.snap_bytes) / 1e6,
                  static_cast<double>(r.snap_gzip_bytes) / 1e6);
    line("  bytes received (chunks)", "");
    std::snprintf(buf, sizeof buf, "%.1f ms", r.incr_push_ms);
    what = "incremental: push 100 sets (median of " + std::to_string(config.reps) + ")";
    line(what.c_str(), "< 30 ms");
    std::snprintf(buf, sizeof buf, "%.1f ms", r.incr_pull_ms);
    line("incremental: pull those 100 (request)", "< 30 ms");
    std::snprintf(buf, sizeof buf, "%.1f ms", r.incr_fold_ms);
    line("incremental: client fold of the 100", "");
    std::snprintf(buf, sizeof buf, "%.1f logins/s", r.logins_seconds > 0 ? static_cast<double>(r.logins) / r.logins_seconds : 0.0);
    what = "sign-ins, " + std::to_string(config.login_clients) + " clients at once (Argon2id, interactive)";
    line(what.c_str(), "");
    auto tail = [&](const char* what, const Latency& l) {
        std::snprintf(buf, sizeof buf, "%.1f / %.1f / %.1f ms", l.p50_ms, l.p99_ms, l.max_ms);
        std::string w = std::string(what) + " (" + std::to_string(l.samples) + ")";
        line(w.c_str(), "< 50 ms (issue 9)");
    };
    tail("  meanwhile GET /health: p50 / p99 / max", r.health_during_logins);
    tail("  meanwhile pull 1,000 ops: p50 / p99 / max", r.pull_during_logins);
    std::snprintf(buf, sizeof buf, "%.2f s, RSS %.0f MB", r.live_start_s, r.live_rss_start_mb);
    what = "server program start with " + std::to_string(r.live_start_incidents) + " incidents";
    line(what.c_str(), "(1 M incidents: < 10 s, issue 13)");
    std::snprintf(buf, sizeof buf, "%.0f / %.0f / %.0f ms", r.live_wake.p50_ms, r.live_wake.p99_ms, r.live_wake.max_ms);
    what = std::to_string(r.live_clients) + " waiting clients, push " + (r.live_across ? "on another process" : "on the same process") +
           " -> answered: p50 / p99 / max";
    line(what.c_str(), "p99 < 1 s (issue 13)");
    std::snprintf(buf, sizeof buf, "%.0f MB", r.live_rss_parked_mb);
    line("  server RSS while they wait", "< 1 GB (issue 13)");
    std::printf("  For scale (issue 4): PouchDB -> pouchdb-server 10.6 s push / 11.2 s pull per 10,000 docs,\n"
                "  128 / 211 ms for 100 changes; Request Tracker 5: 167 ms to create one ticket.\n");
    std::fflush(stdout);
}

}  // namespace hotline::server_bench
