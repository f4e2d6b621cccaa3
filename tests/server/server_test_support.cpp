#include "server_test_support.hpp"

#include <zlib.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <pqxx/connection>
#include <pqxx/nontransaction>

#include <doctest/doctest.h>

namespace hotline::server_test {
namespace {

std::string file_name_for(std::string_view name) {
    // Unique within the process (a counter), stable across runs (no pid or time), so a
    // rerun overwrites the files of the last one instead of piling up new ones.
    static std::atomic<int> counter{0};
    std::string file = "db-" + std::to_string(++counter) + "-";
    for (char c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        file += plain ? c : '_';
    }
    return file + ".sqlite";
}

void remove_sqlite_files(const std::string& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(path + suffix, ignored);
    }
}

std::string postgres_connection() {
    const char* connection = std::getenv("HOTLINE_TEST_PG");
    REQUIRE_MESSAGE(connection != nullptr,
                    "HOTLINE_TEST_PG is not set: run through `ctest -R server.postgres` "
                    "(tests/server/postgres_fixture.sh starts a private cluster)");
    return connection;
}

void reset_postgres_schema(const std::string& connection) {
    try {
        pqxx::connection conn(connection);
        pqxx::nontransaction tx(conn);
        tx.exec("SET client_min_messages = warning; "
                "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
    } catch (const std::exception& e) {
        FAIL("cannot reset the PostgreSQL test schema: " << e.what());
    }
}

}  // namespace

const char* backend_name(Backend backend) {
    return backend == Backend::sqlite ? "sqlite" : "postgres";
}

std::unique_ptr<server::Database> TestDatabase::open_again() const {
    auto opened = backend == Backend::sqlite ? server::open_sqlite(location)
                                             : server::open_postgres(location);
    REQUIRE_MESSAGE(opened.ok(), failure_text(opened));
    return std::move(*opened);
}

TestDatabase fresh_database(Backend backend, std::string_view name) {
    TestDatabase test;
    test.backend = backend;
    if (backend == Backend::sqlite) {
        test.location = file_name_for(name);
        remove_sqlite_files(test.location);
    } else {
        test.location = postgres_connection();
        reset_postgres_schema(test.location);
    }
    test.db = test.open_again();
    auto version = test.db->migrate();
    REQUIRE_MESSAGE(version.ok(), failure_text(version));
    return test;
}

server::NewOp test_op(const std::string& op_id, const std::string& entity_id, const std::string& actor) {
    // Quotes, a backslash, a tab and non-ASCII text: the body must come back byte for byte.
    return server::NewOp{op_id, entity_id, actor,
                         R"({"id":")" + op_id + R"(","note":"a \"quoted\" \\ word,	Größe {x}"})"};
}

server::UserRecord test_user(const std::string& login, const std::string& role) {
    return server::UserRecord{login, "Name of " + login, role, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
                              true};
}

std::string gunzip(const std::string& data) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    std::string out;
    char buffer[1 << 16];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        result = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
    }
    inflateEnd(&z);
    REQUIRE(result == Z_STREAM_END);
    return out;
}

}  // namespace hotline::server_test
