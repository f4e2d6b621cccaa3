#include "server/db/schema_migrations.hpp"

#include <array>
#include <string>
#include <utility>

#include "server/db/db_errors.hpp"

namespace hotline::server {
namespace {

// Version 1: the tables of database.hpp.
// - ops.seq: SQLite's INTEGER PRIMARY KEY is the rowid (max + 1 under the write lock);
//   PostgreSQL gets explicit values computed under the advisory lock (no SEQUENCE, whose
//   values are taken in call order, not commit order).
// - number_blocks' columns avoid FIRST/LAST, keywords in both dialects.
// - counters holds the next number to lease; the first number handed out is 1.
// - users.active is an integer 0/1 on both sides, so the same code reads it.
//
// One script for both dialects: {seq} and {int64} are filled in per backend.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE ops (
    seq       {seq} PRIMARY KEY,
    op_id     TEXT NOT NULL UNIQUE,
    entity_id TEXT NOT NULL,
    actor     TEXT NOT NULL,
    body      TEXT NOT NULL);
CREATE INDEX ops_entity_seq ON ops (entity_id, seq);
CREATE TABLE rejected_ops (
    op_id   TEXT PRIMARY KEY,
    code    TEXT NOT NULL,
    message TEXT NOT NULL);
CREATE TABLE users (
    login         TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    login      TEXT NOT NULL REFERENCES users (login) ON DELETE CASCADE,
    expires_ms {int64} NOT NULL);
CREATE INDEX sessions_expires ON sessions (expires_ms);
CREATE TABLE replicas (
    replica TEXT PRIMARY KEY,
    login   TEXT NOT NULL REFERENCES users (login));
CREATE TABLE number_blocks (
    replica      TEXT NOT NULL,
    first_number {int64} NOT NULL,
    last_number  {int64} NOT NULL,
    PRIMARY KEY (replica, first_number));
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value {int64} NOT NULL);
INSERT INTO counters (name, value) VALUES ('next_number', 1);
)sql";

// The script with its placeholders filled in.
std::string in_dialect(std::string_view script, std::string_view seq, std::string_view int64) {
    std::string out(script);
    for (const auto& [name, value] : {std::pair{std::string_view("{seq}"), seq}, std::pair{std::string_view("{int64}"), int64}})
        for (auto at = out.find(name); at != std::string::npos; at = out.find(name, at + value.size()))
            out.replace(at, name.size(), value);
    return out;
}

// SQLite: INTEGER PRIMARY KEY makes seq the rowid; its INTEGER is 64 bits anyway.
const std::string kV1Sqlite = in_dialect(kV1, "INTEGER", "INTEGER");
const std::string kV1Postgres = in_dialect(kV1, "BIGINT", "BIGINT");

const std::array kMigrations{
    Migration{1, "ops, rejections, users, sessions, replicas, number blocks", kV1Sqlite, kV1Postgres},
};

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations.back().version; }

Outcome check_not_newer(std::int64_t current_version) {
    if (current_version <= latest_schema_version()) return {};
    return db_errors::make(db_errors::kSchemaTooNew, "the database has schema version " +
                                                         std::to_string(current_version) +
                                                         ", this program knows up to " +
                                                         std::to_string(latest_schema_version()));
}

}  // namespace hotline::server
