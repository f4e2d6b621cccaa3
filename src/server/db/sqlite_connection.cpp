#include "server/db/sqlite_connection.hpp"

#include <sqlite3.h>

#include "server/db/database_time.hpp"

namespace hotline::server {

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqlite_error(db, rc, "open " + path);
        sqlite3_close_v2(db);  // a handle is returned even on failure
        error.code = "storage_unavailable";
        return error;
    }
    std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
    sqlite3_extended_result_codes(db, 1);  // tells UNIQUE from FOREIGN KEY violations
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    // WAL: readers never block the writer, one fsync per commit. synchronous=FULL: an op
    // the server answered "applied" for survives a power cut, not only a crash.
    // foreign_keys is per connection and off by default in SQLite.
    Outcome setup = connection->exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    if (!setup) {
        Error error = setup.error();
        error.message = "open " + path + ": " + error.message;
        return error;
    }
    return connection;
}

SqliteConnection::~SqliteConnection() {
    statements_.clear();  // finalize before close
    sqlite3_close_v2(db_);
}

Outcome SqliteConnection::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string script(sql);  // sqlite3_exec wants a terminated string
    const int rc = [&] {
        const DatabaseTimer timer;
        return sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message);
    }();
    if (rc != SQLITE_OK) {
        std::string what = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        Error error = sqlite_error(nullptr, rc, "exec");
        error.message = "exec: " + what;
        return error;
    }
    return Outcome::success();
}

Result<SqliteStatement*> SqliteConnection::statement(std::string_view sql) {
    auto found = statements_.find(std::string(sql));
    if (found != statements_.end()) {
        found->second->reset();
        return found->second.get();
    }
    auto prepared = SqliteStatement::prepare(db_, sql);
    if (!prepared) return prepared.error();
    SqliteStatement* raw = prepared->get();
    statements_.emplace(std::string(sql), std::move(*prepared));
    return raw;
}

std::int64_t SqliteConnection::changes() const { return sqlite3_changes64(db_); }

std::int64_t SqliteConnection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

}  // namespace hotline::server
