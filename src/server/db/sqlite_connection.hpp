// One SQLite connection (sqlite3*) set up for the server: WAL, a busy timeout, foreign
// keys, full sync at commit, and a cache of prepared statements keyed by their SQL so a
// statement is compiled once per connection (appending 5,000 ops reuses one INSERT).
// Used from one thread (opened with SQLITE_OPEN_NOMUTEX).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "server/db/sqlite_statement.hpp"

namespace hotline::server {

class SqliteConnection {
public:
    // How long a writer waits for another connection's write lock before "storage_busy".
    static constexpr int kBusyTimeoutMs = 10'000;

    static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // Runs a script (several statements, no parameters): BEGIN, COMMIT, migrations.
    Outcome exec(std::string_view sql);
    // The cached statement for `sql`, reset; prepared on first use.
    Result<SqliteStatement*> statement(std::string_view sql);

    std::int64_t changes() const;           // rows changed by the last statement
    std::int64_t last_insert_rowid() const;

private:
    explicit SqliteConnection(sqlite3* db) : db_(db) {}

    sqlite3* db_;
    std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
};

}  // namespace hotline::server
