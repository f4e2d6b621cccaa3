// Storage conformance, run on SQLite and PostgreSQL: migrations, reopening, and two
// connections (two server processes) sharing one database.
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include <sqlite3.h>
#include <doctest/doctest.h>

#include "server/db/db_errors.hpp"
#include "server/db/schema_migrations.hpp"
#include "server_test_support.hpp"

namespace hotline::server_test {
namespace {

using namespace std::chrono_literals;

void commit_ops(server::Database& db, const std::vector<server::NewOp>& ops) {
    auto tx = db.begin_write();
    HOTLINE_REQUIRE_OK(tx);
    HOTLINE_REQUIRE_OK((*tx)->append_ops(ops));
    HOTLINE_REQUIRE_OK((*tx)->commit());
}

void migrate_twice(Backend backend) {
    auto t = fresh_database(backend, "migrate twice");  // migrated once already
    commit_ops(*t.db, {test_op("r1:1", "i1")});
    auto again = t.db->migrate();
    HOTLINE_REQUIRE_OK(again);
    CHECK(*again == server::latest_schema_version());
    auto other = t.open_again();
    auto third = other->migrate();
    HOTLINE_REQUIRE_OK(third);
    CHECK(*third == server::latest_schema_version());
    auto kept = other->find_op("r1:1");
    HOTLINE_REQUIRE_OK(kept);
    CHECK(kept->has_value());
}

void reopened_keeps_everything(Backend backend) {
    auto t = fresh_database(backend, "reopen");
    HOTLINE_REQUIRE_OK(t.db->create_user(test_user("ann")));
    HOTLINE_REQUIRE_OK(t.db->create_session({"token", "ann", 42}));
    {
        auto tx = t.db->begin_write();
        HOTLINE_REQUIRE_OK(tx);
        HOTLINE_REQUIRE_OK((*tx)->append_ops({test_op("r1:1", "i1"), test_op("r1:2", "i2")}));
        HOTLINE_REQUIRE_OK((*tx)->add_rejections({{"r1:3", "bad", "why"}}));
        HOTLINE_REQUIRE_OK((*tx)->lease_numbers("r1", 10));
        HOTLINE_REQUIRE_OK((*tx)->bind_replica("r1", "ann"));
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    auto before = t.db->ops_after(0, 10);
    HOTLINE_REQUIRE_OK(before);
    t.db.reset();  // closed, as by a restart

    auto db = t.open_again();
    auto version = db->migrate();
    HOTLINE_REQUIRE_OK(version);
    auto after = db->ops_after(0, 10);
    HOTLINE_REQUIRE_OK(after);
    CHECK(*after == *before);
    auto rejection = db->find_rejection("r1:3");
    HOTLINE_REQUIRE_OK(rejection);
    CHECK(rejection->has_value());
    auto user = db->find_user("ann");
    HOTLINE_REQUIRE_OK(user);
    CHECK(user->has_value());
    auto session = db->find_session("token");
    HOTLINE_REQUIRE_OK(session);
    CHECK(session->has_value());
    auto blocks = db->number_blocks("r1");
    HOTLINE_REQUIRE_OK(blocks);
    CHECK(*blocks == std::vector<NumberBlock>{{1, 10}});
    auto tx = db->begin_write();
    HOTLINE_REQUIRE_OK(tx);
    auto owner = (*tx)->bind_replica("r1", "nobody-else");
    HOTLINE_REQUIRE_OK(owner);
    CHECK(*owner == "ann");
    auto next = (*tx)->next_number();
    HOTLINE_REQUIRE_OK(next);
    CHECK(*next == 11);
    auto seqs = (*tx)->append_ops({test_op("r1:4", "i1")});
    HOTLINE_REQUIRE_OK(seqs);
    CHECK((*seqs)[0] > before->back().seq);
}

// Two connections: while one holds a write transaction the other's begin_write waits,
// then sees everything the first committed and continues the sequence after it.
void writers_serialize(Backend backend) {
    auto t = fresh_database(backend, "two writers");
    auto other = t.open_again();

    auto first = t.db->begin_write();
    HOTLINE_REQUIRE_OK(first);
    HOTLINE_REQUIRE_OK((*first)->append_ops({test_op("a:1", "i1")}));
    auto outside = other->head_seq();  // readers are not blocked, and see only commits
    HOTLINE_REQUIRE_OK(outside);
    CHECK(*outside == 0);

    std::atomic<bool> started{false};
    std::atomic<bool> has_lock{false};
    std::optional<Error> failure;
    std::vector<server::StoredOp> seen;
    std::vector<std::int64_t> second_seqs;
    std::thread second([&] {
        started = true;
        auto tx = other->begin_write();
        has_lock = true;
        if (!tx) {
            failure = tx.error();
            return;
        }
        auto caught_up = (*tx)->ops_after(0, 100);
        auto seqs = caught_up ? (*tx)->append_ops({test_op("b:1", "i1")}) : caught_up.error();
        Outcome committed = seqs ? (*tx)->commit() : Outcome(seqs.error());
        if (!committed) {
            failure = committed.error();
            return;
        }
        seen = *caught_up;
        second_seqs = *seqs;
    });
    while (!started) std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(400ms);
    CHECK_MESSAGE(!has_lock, "the second writer got in while the first was open");
    HOTLINE_REQUIRE_OK((*first)->append_ops({test_op("a:2", "i1")}));
    HOTLINE_REQUIRE_OK((*first)->commit());
    second.join();

    REQUIRE_MESSAGE(!failure.has_value(), failure->code << ": " << failure->message);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].op_id == "a:1");
    CHECK(seen[1].op_id == "a:2");
    REQUIRE(second_seqs.size() == 1);
    CHECK(second_seqs[0] > seen[1].seq);
    auto all = t.db->ops_after(0, 10);
    HOTLINE_REQUIRE_OK(all);
    CHECK(all->size() == 3);
}

}  // namespace

HOTLINE_DB_TEST("lifecycle: migrate is idempotent", migrate_twice)
HOTLINE_DB_TEST("lifecycle: a reopened database keeps everything", reopened_keeps_everything)
HOTLINE_DB_TEST("lifecycle: a write transaction on one connection holds off another's", writers_serialize)

TEST_CASE("sqlite: lifecycle: a schema newer than the program is refused") {
    auto t = fresh_database(Backend::sqlite, "schema too new");
    t.db.reset();
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(t.location.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "INSERT INTO schema_version VALUES (999, 'from the future')", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    auto db = t.open_again();
    auto version = db->migrate();
    REQUIRE(!version.ok());
    CHECK(version.error().code == server::db_errors::kSchemaTooNew);
}

TEST_CASE("sqlite: lifecycle: a folder that does not exist is storage_unavailable") {
    auto db = server::open_sqlite("no-such-folder/x/db.sqlite");
    REQUIRE(!db.ok());
    CHECK(db.error().code == server::db_errors::kUnavailable);
}

TEST_CASE("postgres: lifecycle: an unreachable server is storage_unavailable") {
    auto db = server::open_postgres("host=127.0.0.1 port=1 dbname=x connect_timeout=2");
    REQUIRE(!db.ok());
    CHECK(db.error().code == server::db_errors::kUnavailable);
}

}  // namespace hotline::server_test
