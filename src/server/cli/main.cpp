// hotline_server: serves the built web app and the sync API (docs/sync-protocol.md).
// Wiring only: configuration (server_config.hpp) -> database (SQLite or PostgreSQL,
// migrated) -> optional demo set-up -> sync service -> HTTP server; then it waits for
// SIGINT/SIGTERM and stops gracefully (in-flight requests finish, long polls answer).
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "server/db/database.hpp"
#include "server/db/postgres_listener.hpp"
#include "server/demo_setup.hpp"
#include "server/http/descriptor_limit.hpp"
#include "server/http/http_server.hpp"
#include "server/server_config.hpp"
#include "server/sync_service.hpp"

namespace {

using namespace hotline;
using namespace hotline::server;

// Start-up and shutdown lines in the same JSON-lines shape as the request log.
void log_event(const std::string& event, nlohmann::json fields = nlohmann::json::object()) {
    fields["event"] = event;
    std::cerr << fields.dump() << std::endl;
}

int fail(const std::string& what, const Error& e) {
    log_event("fatal", {{"what", what}, {"code", e.code}, {"message", e.message}});
    return 1;
}

// SIGINT/SIGTERM are blocked in every thread and taken here with sigwait, so no
// handler runs at an arbitrary point of the io thread.
sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

}  // namespace

int main(int argc, char** argv) {
    auto config = parse_server_config(argc, argv);
    if (!config) {
        std::cerr << config.error().message << "\n";
        return 2;
    }
    if (config->help) {
        std::cout << server_usage(argv[0]);
        return 0;
    }
    // Every connected client holds a socket.
    if (auto raised = http::raise_descriptor_limit()) log_event("descriptors", {{"limit", *raised}});
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts

    auto db = config->uses_postgres() ? open_postgres(config->postgres) : open_sqlite(config->sqlite_path);
    if (!db) return fail("open database", db.error());
    auto version = (*db)->migrate();
    if (!version) return fail("migrate database", version.error());
    log_event("database", {{"backend", config->uses_postgres() ? "postgresql" : "sqlite"},
                           {"schema_version", *version}});

    if (config->seed_demo) {
        const std::string path = config->demo_data.empty() ? HOTLINE_DEFAULT_DEMO_DATA : config->demo_data;
        if (auto ready = init_credentials(); !ready) return fail("crypto", ready.error());
        auto demo = set_up_demo(**db, path, HashCost::interactive, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                         std::chrono::system_clock::now().time_since_epoch())
                                                                         .count(),
                                config->demo_incidents);
        if (!demo) return fail("demo set-up", demo.error());
        log_event("demo", {{"users_created", demo->users_created}, {"operations_stored", demo->operations_stored}});
    }

    ServiceOptions options;
    options.auto_close = config->auto_close;
    options.archive = config->archive;
    auto service = SyncService::open(**db, std::move(options));
    if (!service) return fail("load desk", service.error());
    log_event("desk", {{"seq", (*service)->desk().seq()}, {"incidents", (*service)->desk().desk().incidents().size()}});

    http::HttpServerSettings settings;
    settings.listen_address = config->listen_address;
    settings.port = config->port;
    settings.site_dir = config->site_dir;
    settings.max_body_bytes = config->max_body_bytes;
    settings.trusted_proxies = config->trusted_proxies;
    settings.metrics_allow = config->metrics_allow;
    settings.tick_interval = std::chrono::seconds(config->sweep_seconds);  // automatic closing (W7), archiving (W10)
    http::HttpServer server(settings, **service);
    (*service)->set_on_change([&server] { server.notify_changed(); });
    // Several processes on one PostgreSQL: a push on another one wakes this one's long polls.
    std::optional<PostgresListener> listener;
    if (config->uses_postgres())
        listener.emplace(config->postgres, [&service](std::optional<std::int64_t> head) { (*service)->log_grew(head); });
    if (auto started = server.start(); !started) return fail("listen", started.error());
    if (!config->port_file.empty()) std::ofstream(config->port_file) << server.port() << "\n";
    log_event("listening", {{"address", config->listen_address}, {"port", server.port()}, {"site", config->site_dir}});

    int signal = 0;
    sigwait(&signals, &signal);
    log_event("stopping", {{"signal", signal == SIGINT ? "SIGINT" : "SIGTERM"}});
    listener.reset();  // it wakes the server: stopped first
    server.stop();
    log_event("stopped");
    return 0;
}
