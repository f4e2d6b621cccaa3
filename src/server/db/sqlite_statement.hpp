// RAII wrapper of one prepared SQLite statement (sqlite3_stmt), and ScopedStatement,
// which resets it when a use ends. A statement left un-reset after a SELECT keeps the
// connection's read transaction open (a stale snapshot for the next read, and it blocks
// WAL checkpoints), so every use goes through ScopedStatement.
// Parameters are 1-based (?1, ?2 ...), columns 0-based, as in the C API. Bind errors
// are kept and reported by the next step(), so callers check one Result per use.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace hotline::server {

// Maps an SQLite result code (extended codes on) to a storage error code (db_errors.hpp).
Error sqlite_error(sqlite3* db, int rc, std::string_view what);

class SqliteStatement {
public:
    static Result<std::unique_ptr<SqliteStatement>> prepare(sqlite3* db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, std::int64_t value);

    // true: a row is ready to read; false: done. Errors carry the SQL in the message.
    Result<bool> step();
    // Runs a statement that returns no rows (or ignores them).
    Outcome run();

    std::int64_t column_int64(int index) const;
    std::string column_text(int index) const;

    void reset();  // back to the start, bindings cleared

private:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

    sqlite3* db_;
    sqlite3_stmt* stmt_;
    int bind_error_ = 0;  // first failed bind since the last reset, 0 if none
};

class ScopedStatement {
public:
    explicit ScopedStatement(SqliteStatement& statement) : statement_(&statement) {}
    ~ScopedStatement() { statement_->reset(); }
    ScopedStatement(const ScopedStatement&) = delete;
    ScopedStatement& operator=(const ScopedStatement&) = delete;

    SqliteStatement* operator->() const { return statement_; }
    SqliteStatement& operator*() const { return *statement_; }

private:
    SqliteStatement* statement_;
};

}  // namespace hotline::server
