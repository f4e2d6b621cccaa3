// Storage conformance, run on SQLite and PostgreSQL: leasing incident numbers and
// binding replicas to users.
#include <doctest/doctest.h>

#include "server/db/db_errors.hpp"
#include "server_test_support.hpp"

namespace hotline::server_test {
namespace {

void number_leasing(Backend backend) {
    auto t = fresh_database(backend, "number leasing");
    server::Database& db = *t.db;
    {
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto a = (*tx)->lease_numbers("r1", 100);
        HOTLINE_REQUIRE_OK(a);
        CHECK(*a == NumberBlock{1, 100});  // the first number handed out is 1
        auto b = (*tx)->lease_numbers("r2", 50);
        HOTLINE_REQUIRE_OK(b);
        CHECK(*b == NumberBlock{101, 150});
        auto single = (*tx)->next_number();
        HOTLINE_REQUIRE_OK(single);
        CHECK(*single == 151);
        auto c = (*tx)->lease_numbers("r1", 1);
        HOTLINE_REQUIRE_OK(c);
        CHECK(*c == NumberBlock{152, 152});
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    auto r1 = db.number_blocks("r1");
    HOTLINE_REQUIRE_OK(r1);
    CHECK(*r1 == std::vector<NumberBlock>{{1, 100}, {152, 152}});
    auto r2 = db.number_blocks("r2");
    HOTLINE_REQUIRE_OK(r2);
    CHECK(*r2 == std::vector<NumberBlock>{{101, 150}});
    auto none = db.number_blocks("r3");
    HOTLINE_REQUIRE_OK(none);
    CHECK(none->empty());
    {
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto bad = (*tx)->lease_numbers("r1", 0);
        REQUIRE(!bad.ok());
        CHECK(bad.error().code == server::db_errors::kInvalidArgument);
    }
    {  // the counter survives a new transaction (and the refused one above)
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto next = (*tx)->next_number();
        HOTLINE_REQUIRE_OK(next);
        CHECK(*next == 153);
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
}

void replica_binding(Backend backend) {
    auto t = fresh_database(backend, "replica binding");
    server::Database& db = *t.db;
    HOTLINE_REQUIRE_OK(db.create_user(test_user("ann")));
    HOTLINE_REQUIRE_OK(db.create_user(test_user("bob")));
    {
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto first = (*tx)->bind_replica("r1", "ann");
        HOTLINE_REQUIRE_OK(first);
        CHECK(*first == "ann");
        auto again = (*tx)->bind_replica("r1", "ann");
        HOTLINE_REQUIRE_OK(again);
        CHECK(*again == "ann");
        auto other = (*tx)->bind_replica("r2", "bob");
        HOTLINE_REQUIRE_OK(other);
        CHECK(*other == "bob");
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    {  // the first binding wins, in a later transaction too
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto taken = (*tx)->bind_replica("r1", "bob");
        HOTLINE_REQUIRE_OK(taken);
        CHECK(*taken == "ann");
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    {
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto unknown = (*tx)->bind_replica("r3", "nobody");
        REQUIRE(!unknown.ok());
        CHECK(unknown.error().code == server::db_errors::kNoSuchUser);
    }
}

}  // namespace

HOTLINE_DB_TEST("numbers: blocks are disjoint and consecutive, next_number continues", number_leasing)
HOTLINE_DB_TEST("numbers: bind_replica keeps the first binding", replica_binding)

}  // namespace hotline::server_test
