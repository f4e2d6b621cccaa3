// Helpers for the server tests: a fresh, migrated Database on either backend, and
// HOTLINE_DB_TEST, which registers one scenario twice ("sqlite: <title>" and
// "postgres: <title>") so conformance tests are written once and CTest's name filters
// split them between `server.sqlite` and `server.postgres`.
//   SQLite:     a new file in the current folder (the test's work folder), deleted first.
//   PostgreSQL: the server in HOTLINE_TEST_PG, its `public` schema dropped and re-created,
//               so every test starts empty. Tests using it must run one at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "server/db/database.hpp"

namespace hotline::server_test {

enum class Backend { sqlite, postgres };

const char* backend_name(Backend backend);

struct TestDatabase {
    Backend backend = Backend::sqlite;
    std::string location;  // the file path, or the connection string
    std::unique_ptr<server::Database> db;

    // Another connection to the same database (a second server process, or a restart).
    std::unique_ptr<server::Database> open_again() const;
};

// "code: message" of a failed Result or Outcome, "" for a success. For REQUIRE_MESSAGE:
// doctest builds the message of passing checks too when it reports successes (-s).
template <typename R>
std::string failure_text(const R& result) {
    return result.ok() ? std::string() : result.error().code + ": " + result.error().message;
}

// A fresh, migrated database; `name` (a few words) makes the SQLite file name readable.
// Fails the test (REQUIRE) if it cannot be had, e.g. HOTLINE_TEST_PG is not set.
TestDatabase fresh_database(Backend backend, std::string_view name);

// An operation with a small JSON body, for tests that only care about storage.
server::NewOp test_op(const std::string& op_id, const std::string& entity_id,
                      const std::string& actor = "u:ann");
server::UserRecord test_user(const std::string& login, const std::string& role = "agent");

// The data of a gzip member (a reply sent with Content-Encoding: gzip); fails the test if
// it is not one.
std::string gunzip(const std::string& data);

}  // namespace hotline::server_test

// Registers `function(Backend)` as "sqlite: <title>" and "postgres: <title>".
#define HOTLINE_DB_TEST(title, function)                                              \
    TEST_CASE("sqlite: " title) { function(::hotline::server_test::Backend::sqlite); } \
    TEST_CASE("postgres: " title) { function(::hotline::server_test::Backend::postgres); }

// REQUIRE that a Result / Outcome succeeded, printing its Error if not (evaluated once).
#define HOTLINE_REQUIRE_OK(expr)                                                      \
    do {                                                                              \
        const auto& hotline_result_ = (expr);                                         \
        REQUIRE_MESSAGE(hotline_result_.ok(), ::hotline::server_test::failure_text(hotline_result_)); \
    } while (false)
