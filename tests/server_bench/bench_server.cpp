#include "bench_server.hpp"

#include <chrono>
#include <filesystem>
#include <pqxx/connection>
#include <pqxx/nontransaction>

#include "server/credentials.hpp"
#include "server/users_api.hpp"

namespace hotline::server_bench {
namespace {

void remove_sqlite_files(const std::string& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ignored);
}

Outcome reset_postgres_schema(const std::string& connection) {
    try {
        pqxx::connection conn(connection);
        pqxx::nontransaction tx(conn);
        tx.exec("SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
    } catch (const std::exception& e) {
        return make_error("storage_unavailable", std::string("cannot reset the PostgreSQL schema: ") + e.what());
    }
    return Outcome::success();
}

}  // namespace

std::string sign_in_login(std::size_t client) { return "signin" + std::to_string(client); }

Result<std::unique_ptr<BenchServer>> BenchServer::start(Backend backend, const std::string& location,
                                                        const std::vector<std::string>& logins,
                                                        std::size_t sign_in_users) {
    if (auto ready = server::init_credentials(); !ready) return ready.error();
    std::unique_ptr<BenchServer> s(new BenchServer);
    if (backend == Backend::sqlite) {
        remove_sqlite_files(location);
        auto db = server::open_sqlite(location);
        if (!db) return db.error();
        s->db_ = std::move(*db);
    } else {
        if (auto reset = reset_postgres_schema(location); !reset) return reset.error();
        auto db = server::open_postgres(location);
        if (!db) return db.error();
        s->db_ = std::move(*db);
    }
    if (auto migrated = s->db_->migrate(); !migrated) return migrated.error();

    const auto expires = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch() + std::chrono::hours(24))
                             .count();
    for (const auto& login : logins) {
        auto user = server::new_user(login, "Bench " + login, "manager", "bench password", server::HashCost::minimal);
        if (!user) return user.error();
        if (auto created = s->db_->create_user(*user); !created) return created.error();
        std::string token = server::new_token();
        if (auto session = s->db_->create_session({server::token_hash(token), login, expires}); !session)
            return session.error();
        s->tokens_[login] = std::move(token);
    }

    for (std::size_t i = 0; i < sign_in_users; ++i) {
        auto user = server::new_user(sign_in_login(i), "Bench sign-in", "agent", kSignInPassword,
                                     server::HashCost::interactive);
        if (!user) return user.error();
        if (auto created = s->db_->create_user(*user); !created) return created.error();
    }

    server::ServiceOptions options;
    options.hash_cost = server::HashCost::minimal;
    auto service = server::SyncService::open(*s->db_, options);
    if (!service) return service.error();
    s->service_ = std::move(*service);

    server::http::HttpServerSettings settings;
    settings.listen_address = "127.0.0.1";
    settings.port = 0;
    settings.log = [](std::string_view) {};  // one line per request would cost more than some requests
    s->http_ = std::make_unique<server::http::HttpServer>(settings, *s->service_);
    s->service_->set_on_change([http = s->http_.get()] { http->notify_changed(); });
    if (auto started = s->http_->start(); !started) return started.error();
    return s;
}

BenchServer::~BenchServer() {
    if (http_) http_->stop();  // joins the io thread before the service and the database go
}

}  // namespace hotline::server_bench
