#include "server/db/sqlite_statement.hpp"

#include <sqlite3.h>

#include "server/db/database_time.hpp"
#include "server/db/db_errors.hpp"

namespace hotline::server {

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
    std::string message = std::string(what) + ": " +
                          (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    switch (rc) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return db_errors::make(db_errors::kUniqueViolation, std::move(message));
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return db_errors::make(db_errors::kForeignKeyViolation, std::move(message));
        default:
            break;
    }
    switch (rc & 0xff) {  // primary code
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return db_errors::make(db_errors::kBusy, std::move(message));
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_READONLY:
        case SQLITE_PERM:
            return db_errors::make(db_errors::kUnavailable, std::move(message));
        default:
            return db_errors::make(db_errors::kStorage, std::move(message));
    }
}

Result<std::unique_ptr<SqliteStatement>> SqliteStatement::prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    // PERSISTENT: these statements live as long as the connection (the cache).
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqlite_error(db, rc, "prepare [" + std::string(sql) + "]");
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(db, stmt));
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    // SQLITE_TRANSIENT copies the text: callers may pass temporaries.
    const int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
    if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
    return *this;
}

Result<bool> SqliteStatement::step() {
    if (bind_error_ != 0) {
        return sqlite_error(db_, bind_error_, std::string("bind [") + sqlite3_sql(stmt_) + "]");
    }
    const int rc = [this] {
        const DatabaseTimer timer;
        return sqlite3_step(stmt_);
    }();
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return sqlite_error(db_, rc, std::string("[") + sqlite3_sql(stmt_) + "]");
}

Outcome SqliteStatement::run() {
    for (;;) {
        auto row = step();
        if (!row) return row.error();
        if (!*row) return Outcome::success();
    }
}

std::int64_t SqliteStatement::column_int64(int index) const {
    return sqlite3_column_int64(stmt_, index);
}

std::string SqliteStatement::column_text(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
    const int size = sqlite3_column_bytes(stmt_, index);  // after column_text: its byte count
    return text != nullptr ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

void SqliteStatement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_error_ = 0;
}

}  // namespace hotline::server
