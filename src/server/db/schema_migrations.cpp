#include "server/db/schema_migrations.hpp"

#include <array>

namespace hotline::server {
namespace {

// Version 1: the tables of database.hpp.
// - ops.seq: SQLite's INTEGER PRIMARY KEY is the rowid (max + 1 under the write lock);
//   PostgreSQL gets explicit values computed under the advisory lock (no SEQUENCE, whose
//   values are taken in call order, not commit order).
// - number_blocks' columns avoid FIRST/LAST, keywords in both dialects.
// - counters holds the next number to lease; the first number handed out is 1.
// - users.active is an integer 0/1 on both sides, so the same code reads it.
constexpr std::string_view kV1Sqlite = R"sql(
CREATE TABLE ops (
    seq       INTEGER PRIMARY KEY,
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
    expires_ms INTEGER NOT NULL);
CREATE INDEX sessions_expires ON sessions (expires_ms);
CREATE TABLE replicas (
    replica TEXT PRIMARY KEY,
    login   TEXT NOT NULL REFERENCES users (login));
CREATE TABLE number_blocks (
    replica      TEXT NOT NULL,
    first_number INTEGER NOT NULL,
    last_number  INTEGER NOT NULL,
    PRIMARY KEY (replica, first_number));
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL);
INSERT INTO counters (name, value) VALUES ('next_number', 1);
)sql";

constexpr std::string_view kV1Postgres = R"sql(
CREATE TABLE ops (
    seq       BIGINT PRIMARY KEY,
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
    expires_ms BIGINT NOT NULL);
CREATE INDEX sessions_expires ON sessions (expires_ms);
CREATE TABLE replicas (
    replica TEXT PRIMARY KEY,
    login   TEXT NOT NULL REFERENCES users (login));
CREATE TABLE number_blocks (
    replica      TEXT NOT NULL,
    first_number BIGINT NOT NULL,
    last_number  BIGINT NOT NULL,
    PRIMARY KEY (replica, first_number));
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL);
INSERT INTO counters (name, value) VALUES ('next_number', 1);
)sql";

constexpr std::array kMigrations{
    Migration{1, "ops, rejections, users, sessions, replicas, number blocks", kV1Sqlite, kV1Postgres},
};

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations.back().version; }

}  // namespace hotline::server
