// Storage conformance, run on SQLite and PostgreSQL: ending a user's sessions (password
// change, deactivation, the per-user cap) and replica ownership (read, release).
#include <doctest/doctest.h>

#include "server_test_support.hpp"

namespace hotline::server_test {
namespace {

bool has_session(server::Database& db, const std::string& token_hash) {
    auto found = db.find_session(token_hash);
    REQUIRE(found.ok());
    return found->has_value();
}

void ending_sessions(Backend backend) {
    auto t = fresh_database(backend, "ending sessions");
    server::Database& db = *t.db;
    HOTLINE_REQUIRE_OK(db.create_user(test_user("ann")));
    HOTLINE_REQUIRE_OK(db.create_user(test_user("bob")));
    for (const char* hash : {"ann-1", "ann-2", "ann-3"}) HOTLINE_REQUIRE_OK(db.create_session({hash, "ann", 5'000}));
    HOTLINE_REQUIRE_OK(db.create_session({"bob-1", "bob", 5'000}));

    HOTLINE_REQUIRE_OK(db.delete_sessions_of("ann", "ann-2"));  // all but the one in use
    CHECK_FALSE(has_session(db, "ann-1"));
    CHECK(has_session(db, "ann-2"));
    CHECK_FALSE(has_session(db, "ann-3"));
    CHECK(has_session(db, "bob-1"));

    HOTLINE_REQUIRE_OK(db.delete_sessions_of("ann", ""));
    CHECK_FALSE(has_session(db, "ann-2"));
    CHECK(has_session(db, "bob-1"));
    HOTLINE_REQUIRE_OK(db.delete_sessions_of("nobody", ""));  // nothing to end is fine
}

void capping_sessions(Backend backend) {
    auto t = fresh_database(backend, "capping sessions");
    server::Database& db = *t.db;
    HOTLINE_REQUIRE_OK(db.create_user(test_user("ann")));
    HOTLINE_REQUIRE_OK(db.create_user(test_user("bob")));
    // Created in this order; a later session expires later.
    for (int i = 1; i <= 5; ++i) HOTLINE_REQUIRE_OK(db.create_session({"ann-" + std::to_string(i), "ann", 1'000 * i}));
    HOTLINE_REQUIRE_OK(db.create_session({"bob-1", "bob", 100}));
    HOTLINE_REQUIRE_OK(db.trim_sessions("ann", 3));
    CHECK_FALSE(has_session(db, "ann-1"));
    CHECK_FALSE(has_session(db, "ann-2"));
    for (const char* kept : {"ann-3", "ann-4", "ann-5", "bob-1"}) CHECK_MESSAGE(has_session(db, kept), kept);
    HOTLINE_REQUIRE_OK(db.trim_sessions("ann", 3));  // at the cap: nothing more goes
    CHECK(has_session(db, "ann-3"));
}

void releasing_replicas(Backend backend) {
    auto t = fresh_database(backend, "releasing replicas");
    server::Database& db = *t.db;
    HOTLINE_REQUIRE_OK(db.create_user(test_user("ann")));
    HOTLINE_REQUIRE_OK(db.create_user(test_user("bob")));
    {
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto none = (*tx)->replica_owner("ra");
        HOTLINE_REQUIRE_OK(none);
        CHECK_FALSE(none->has_value());  // reading binds nothing
        auto none_again = (*tx)->replica_owner("ra");
        HOTLINE_REQUIRE_OK(none_again);
        CHECK_FALSE(none_again->has_value());
        HOTLINE_REQUIRE_OK((*tx)->bind_replica("ra", "ann"));
        HOTLINE_REQUIRE_OK((*tx)->bind_replica("rb", "ann"));
        HOTLINE_REQUIRE_OK((*tx)->append_ops({test_op("rb:1", "rb:1", "u:ann")}));
        auto owner = (*tx)->replica_owner("ra");
        HOTLINE_REQUIRE_OK(owner);
        CHECK(*owner == std::optional<std::string>("ann"));
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    auto tx = db.begin_write();
    HOTLINE_REQUIRE_OK(tx);
    using server::ReplicaRelease;
    auto released = (*tx)->release_replica("ra");
    HOTLINE_REQUIRE_OK(released);
    CHECK(*released == ReplicaRelease::released);
    auto again = (*tx)->release_replica("ra");
    HOTLINE_REQUIRE_OK(again);
    CHECK(*again == ReplicaRelease::unbound);
    // A replica with stored operations keeps its owner: its operation ids are taken.
    auto in_use = (*tx)->release_replica("rb");
    HOTLINE_REQUIRE_OK(in_use);
    CHECK(*in_use == ReplicaRelease::has_operations);
    auto rebound = (*tx)->bind_replica("ra", "bob");
    HOTLINE_REQUIRE_OK(rebound);
    CHECK(*rebound == "bob");  // released: the next binding wins
    auto kept = (*tx)->replica_owner("rb");
    HOTLINE_REQUIRE_OK(kept);
    CHECK(*kept == std::optional<std::string>("ann"));
    HOTLINE_REQUIRE_OK((*tx)->commit());
    tx->reset();
    auto tx2 = db.begin_write();  // committed: the new binding stays
    HOTLINE_REQUIRE_OK(tx2);
    auto after = (*tx2)->replica_owner("ra");
    HOTLINE_REQUIRE_OK(after);
    CHECK(*after == std::optional<std::string>("bob"));
}

}  // namespace

HOTLINE_DB_TEST("a user's sessions end all at once, or all but the one in use", ending_sessions)
HOTLINE_DB_TEST("trimming keeps a user's newest sessions", capping_sessions)
HOTLINE_DB_TEST("a replica's owner is read without binding, and released unless it has operations", releasing_replicas)

}  // namespace hotline::server_test
