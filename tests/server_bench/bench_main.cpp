// Server and sync benchmark (issue 4): prints numbers, asserts nothing about speed.
// One process holds the real SyncService on a fresh database behind the real HttpServer
// on 127.0.0.1 (port 0) and the clients: one std::thread and one keep-alive HttpClient
// each, talking HTTP over loopback. Scenarios: scenarios.hpp.
//
// Usage: hotline_server_bench [--backend sqlite|postgres] [--db PATH] [--push-ops N]
//          [--clients N] [--client-batches N] [--batch N] [--incidents N]
//          [--login-clients N] [--login-seconds S] [--waiting N] [--server PROGRAM] [--quick]
//   --backend postgres uses the server in HOTLINE_TEST_PG (tests/server/postgres_fixture.sh
//   `run` sets it) and drops its public schema first. --quick: a tenth of the sizes.
// Defaults: 100,000 ops pushed alone, 50 clients x 3 batches, batches of 1,000 operations,
// 100,000 incidents for the first sync, 20 clients signing in for 10 s (3 s with --quick);
// SQLite file ./server-bench.sqlite; 10,000 waiting long polls (1,000 with --quick) on the
// hotline_server program built beside the benchmark (--server: another one, e.g. an older build).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "server/http/descriptor_limit.hpp"

#include "scenarios.hpp"

#ifndef HOTLINE_SERVER_PROGRAM
#define HOTLINE_SERVER_PROGRAM ""  // then --server is needed
#endif

using namespace hotline::server_bench;

namespace {

std::size_t number_arg(const char* text) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text, &end, 10);
    if (!end || *end || v == 0) die(std::string("not a positive number: ") + text);
    return static_cast<std::size_t>(v);
}

BenchConfig parse_args(int argc, char** argv) {
    BenchConfig c;
    c.server_program = HOTLINE_SERVER_PROGRAM;
    std::string db = "server-bench.sqlite";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick") {
            c.single_ops = 10'000;
            c.incidents = 10'000;
            c.login_seconds = 3;
            c.waiting = 1'000;
            continue;
        }
        if (i + 1 >= argc) die("missing value after " + a);
        const char* v = argv[++i];
        if (a == "--backend") {
            if (std::strcmp(v, "sqlite") == 0) c.backend = Backend::sqlite;
            else if (std::strcmp(v, "postgres") == 0) c.backend = Backend::postgres;
            else die(std::string("unknown backend ") + v);
        } else if (a == "--db") db = v;
        else if (a == "--push-ops") c.single_ops = number_arg(v);
        else if (a == "--clients") c.clients = number_arg(v);
        else if (a == "--client-batches") c.client_batches = number_arg(v);
        else if (a == "--batch") c.batch = number_arg(v);
        else if (a == "--incidents") c.incidents = number_arg(v);
        else if (a == "--login-clients") c.login_clients = number_arg(v);
        else if (a == "--login-seconds") c.login_seconds = static_cast<double>(number_arg(v));
        else if (a == "--waiting") c.waiting = number_arg(v);
        else if (a == "--server") c.server_program = v;
        else die("unknown flag " + a);
    }
    if (c.server_program.empty()) die("no server program: pass --server PATH to hotline_server");
    if (c.batch % kOpsPerIncident || c.batch > 5000) die("--batch must be a multiple of 4, at most 5,000");
    if (c.backend == Backend::postgres) {
        const char* pg = std::getenv("HOTLINE_TEST_PG");
        if (!pg) die("--backend postgres needs HOTLINE_TEST_PG (run through tests/server/postgres_fixture.sh run)");
        c.location = pg;
    } else {
        c.location = db;
    }
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    // 10,000 waiting clients need as many sockets here and in the server it starts, which
    // inherits the limit.
    (void)hotline::server::http::raise_descriptor_limit();
    const BenchConfig config = parse_args(argc, argv);
    auto server = BenchServer::start(config.backend, config.location, Scenarios::logins(config), config.login_clients);
    if (!server) die(server.error().code + ": " + server.error().message);
    Scenarios run(config, **server);
    Results r;
    auto step = [](const char* what) { std::fprintf(stderr, "  ... %s\n", what); };
    step("push, 1 client");
    run.push_single(r);
    step("push, concurrent clients");
    run.push_concurrent(r);
    step("filling the log for the first sync");
    run.fill(r);
    step("pull latency");
    run.pull_latency(r);
    step("first sync and incremental sync");
    run.first_sync_and_incremental(r);
    step("first sync by snapshot");
    run.first_sync_snapshot(r);
    step("health and pull latency while clients sign in");
    run.latency_during_logins(r);
    step("live updates: the server program with many waiting clients");
    run.live_updates(r);
    print_results(config, r);
    return 0;
}
