// Core and store benchmark: prints numbers, asserts nothing about speed.
//   fold       apply N operations to an empty desk (ops/s)
//   json       decode N operations from their JSON text (ops/s)
//   save/load  compact a desk of K incidents into a snapshot, load it back
//   log        replay a log of operations (the state after a crash before compaction)
//   memory     peak resident memory natively, peak wasm heap under node
//   lookup     customer lookup per keystroke and serial lookup (lookup_bench.hpp)
//   list       the incident list: search per keystroke, sort per column (list_bench.hpp)
//   sla        SLA clocks of 100,000 open incidents (sla_bench.hpp)
// Usage: hotline_bench [--incidents K] [--dir PATH] [--only lookup|list|sla]
//        (defaults: 100000, ./bench-data; --only runs that part alone)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/operation_json.hpp"
#include "store/replica_store.hpp"
#include "list_bench.hpp"
#include "lookup_bench.hpp"
#include "sla_bench.hpp"
#include "workload.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#endif

using namespace hotline;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double peak_memory_mb() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(emscripten_get_heap_size()) / (1024.0 * 1024.0);  // wasm memory only grows
#else
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    double kb = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::atof(line + 6);
    std::fclose(f);
    return kb / 1024.0;
#endif
}

std::uintmax_t directory_bytes(const std::string& dir) {
    std::uintmax_t total = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) total += e.file_size();
    return total;
}

void row(const char* what, double value, const char* unit) { std::printf("  %-44s %14.3f %s\n", what, value, unit); }

}  // namespace

int main(int argc, char** argv) {
    std::size_t incidents = 100000;
    std::string dir = "bench-data", only;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--incidents") == 0) incidents = std::strtoul(argv[i + 1], nullptr, 10);
        else if (std::strcmp(argv[i], "--dir") == 0) dir = argv[i + 1];
        else if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
    }
#ifdef __EMSCRIPTEN__
    const char* where = "wasm (node)";
#else
    const char* where = "native";
#endif
    std::printf("hotline_bench [%s]: %zu incidents\n", where, incidents);
    if (only == "lookup") bench::run_lookup_bench();
    if (only == "list") bench::run_list_bench(HOTLINE_DEMO_DATA_PATH, incidents);
    if (only == "sla") bench::run_sla_bench();
    if (!only.empty()) return 0;

    // Fold, timed per batch so the operations need not all be in memory at once.
    bench::WorkloadGenerator generator(42);
    std::vector<Operation> sample;  // the first batch, kept for the JSON and log figures
    Desk desk;
    double fold_s = 0;
    std::size_t n_ops = 0, rejected = 0;
    for (std::size_t done = 0; done < incidents;) {
        std::size_t batch = std::min<std::size_t>(10000, incidents - done);
        std::vector<Operation> ops = generator.next(batch);
        auto t0 = Clock::now();
        for (const auto& op : ops) rejected += desk.apply(op).kind == ApplyKind::rejected;
        fold_s += seconds_since(t0);
        n_ops += ops.size();
        done += batch;
        if (sample.empty()) sample = std::move(ops);
    }
    if (rejected) std::printf("  WARNING: %zu operations rejected\n", rejected);
    row("fold: operations applied", static_cast<double>(n_ops), "ops");
    row("fold: time", fold_s, "s");
    row("fold: throughput", static_cast<double>(n_ops) / fold_s / 1e6, "M ops/s");
    row("memory after fold (desk + one batch)", peak_memory_mb(), "MB");

    // JSON decoding (the slow path: sync and log replay).
    std::vector<std::string> texts;
    texts.reserve(sample.size());
    for (const auto& op : sample) texts.push_back(encode_operation(op));
    const std::size_t n_json = texts.size();
    auto t0 = Clock::now();
    std::size_t bad = 0;
    for (const auto& t : texts) bad += !decode_operation(t).ok();
    double json_s = seconds_since(t0);
    if (bad) std::printf("  WARNING: %zu operations failed to decode\n", bad);
    row("json decode: throughput", static_cast<double>(n_json) / json_s / 1e6, "M ops/s");

    // Save (compaction into a snapshot) and load.
    std::filesystem::remove_all(dir);
    auto opened = store::ReplicaStore::open(dir, "bench");
    if (!opened) {
        std::printf("cannot open %s: %s\n", dir.c_str(), opened.error().message.c_str());
        return 1;
    }
    t0 = Clock::now();
    if (auto c = opened->store.compact(desk, opened->factory); !c) {
        std::printf("compaction failed: %s\n", c.error().message.c_str());
        return 1;
    }
    row("save: snapshot write (compaction)", seconds_since(t0), "s");
    row("save: size on disk", static_cast<double>(directory_bytes(dir)) / 1e6, "MB");
    row("save: files", static_cast<double>(std::distance(std::filesystem::directory_iterator(dir), {})), "files");

    double best_load = 1e9;
    std::size_t loaded = 0;
    for (int round = 0; round < 3; ++round) {
        t0 = Clock::now();
        auto again = store::ReplicaStore::open(dir, "bench");
        best_load = std::min(best_load, seconds_since(t0));
        loaded = again ? again->desk.incidents().size() : 0;
    }
    row("load: incidents", static_cast<double>(loaded), "incidents");
    row("load: time (best of 3)", best_load, "s");

    // Log replay: the operations of the first batch, never compacted.
    std::string log_dir = dir + "-log";
    std::filesystem::remove_all(log_dir);
    auto log_store = store::ReplicaStore::open(log_dir, "bench");
    const std::size_t n_log = sample.size();
    if (auto a = log_store->store.append(std::span<const Operation>(sample)); !a) {
        std::printf("append failed: %s\n", a.error().message.c_str());
        return 1;
    }
    t0 = Clock::now();
    auto replayed = store::ReplicaStore::open(log_dir, "bench");
    double replay_s = seconds_since(t0);
    row("log replay: operations", static_cast<double>(replayed ? replayed->log.size() : 0), "ops");
    row("log replay: throughput", static_cast<double>(n_log) / replay_s / 1e6, "M ops/s");

    bench::run_lookup_bench();
    bench::run_list_bench(HOTLINE_DEMO_DATA_PATH, incidents);
    bench::run_sla_bench();
    row("peak memory (whole run)", peak_memory_mb(), "MB");
    std::filesystem::remove_all(dir);
    std::filesystem::remove_all(log_dir);
    return loaded == desk.incidents().size() ? 0 : 1;
}
