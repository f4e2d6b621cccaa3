// Storage conformance, run on SQLite and PostgreSQL: users and sessions.
#include <doctest/doctest.h>

#include "server/db/db_errors.hpp"
#include "server_test_support.hpp"

namespace hotline::server_test {
namespace {

void users(Backend backend) {
    auto t = fresh_database(backend, "users");
    server::Database& db = *t.db;
    auto empty = db.list_users();
    HOTLINE_REQUIRE_OK(empty);
    CHECK(empty->empty());

    const auto zoe = test_user("zoe", "manager");
    const auto ann = test_user("ann", "admin");
    HOTLINE_REQUIRE_OK(db.create_user(zoe));
    HOTLINE_REQUIRE_OK(db.create_user(ann));
    Outcome taken = db.create_user(test_user("ann", "agent"));
    REQUIRE(!taken.ok());
    CHECK(taken.error().code == server::db_errors::kUserExists);

    auto found = db.find_user("ann");
    HOTLINE_REQUIRE_OK(found);
    REQUIRE(found->has_value());
    CHECK(**found == ann);
    auto missing = db.find_user("nobody");
    HOTLINE_REQUIRE_OK(missing);
    CHECK(!missing->has_value());

    auto all = db.list_users();
    HOTLINE_REQUIRE_OK(all);
    CHECK(*all == std::vector<server::UserRecord>{ann, zoe});  // by login

    auto changed = zoe;
    changed.name = "Zoë Ünïcode";
    changed.role = "technician";
    changed.password_hash = "$argon2id$new";
    changed.active = false;
    HOTLINE_REQUIRE_OK(db.update_user(changed));
    auto reread = db.find_user("zoe");
    HOTLINE_REQUIRE_OK(reread);
    REQUIRE(reread->has_value());
    CHECK(**reread == changed);

    Outcome unknown = db.update_user(test_user("nobody"));
    REQUIRE(!unknown.ok());
    CHECK(unknown.error().code == server::db_errors::kNoSuchUser);
}

void sessions(Backend backend) {
    auto t = fresh_database(backend, "sessions");
    server::Database& db = *t.db;
    HOTLINE_REQUIRE_OK(db.create_user(test_user("ann")));
    HOTLINE_REQUIRE_OK(db.create_session({"hash-old", "ann", 1'000}));
    HOTLINE_REQUIRE_OK(db.create_session({"hash-now", "ann", 2'000}));
    HOTLINE_REQUIRE_OK(db.create_session({"hash-new", "ann", 3'000}));

    auto found = db.find_session("hash-new");
    HOTLINE_REQUIRE_OK(found);
    REQUIRE(found->has_value());
    CHECK((*found)->login == "ann");
    CHECK((*found)->expires_ms == 3'000);
    auto missing = db.find_session("nope");
    HOTLINE_REQUIRE_OK(missing);
    CHECK(!missing->has_value());

    Outcome orphan = db.create_session({"hash-x", "nobody", 5'000});
    REQUIRE(!orphan.ok());
    CHECK(orphan.error().code == server::db_errors::kNoSuchUser);

    HOTLINE_REQUIRE_OK(db.delete_session("hash-new"));
    HOTLINE_REQUIRE_OK(db.delete_session("hash-new"));  // deleting twice is fine
    auto deleted = db.find_session("hash-new");
    HOTLINE_REQUIRE_OK(deleted);
    CHECK(!deleted->has_value());

    HOTLINE_REQUIRE_OK(db.delete_expired_sessions(2'000));  // expires_ms <= now is expired
    auto old_one = db.find_session("hash-old");
    HOTLINE_REQUIRE_OK(old_one);
    CHECK(!old_one->has_value());
    auto at_now = db.find_session("hash-now");
    HOTLINE_REQUIRE_OK(at_now);
    CHECK(!at_now->has_value());
    HOTLINE_REQUIRE_OK(db.create_session({"hash-later", "ann", 9'000}));
    HOTLINE_REQUIRE_OK(db.delete_expired_sessions(2'500));
    auto later = db.find_session("hash-later");
    HOTLINE_REQUIRE_OK(later);
    CHECK(later->has_value());
}

}  // namespace

HOTLINE_DB_TEST("users: create, find, list, update; user_exists and no_such_user", users)
HOTLINE_DB_TEST("users: sessions are created, found, deleted and expired", sessions)

}  // namespace hotline::server_test
