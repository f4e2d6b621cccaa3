// Storage conformance, run on SQLite and PostgreSQL: the operation log (append, reads,
// limits), duplicates, rollback and the rejection table.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "server/db/db_errors.hpp"
#include "server_test_support.hpp"

namespace hotline::server_test {
namespace {

using server::Database;
using server::NewOp;
using server::StoredOp;

std::vector<std::int64_t> append_committed(Database& db, const std::vector<NewOp>& ops) {
    auto tx = db.begin_write();
    HOTLINE_REQUIRE_OK(tx);
    auto seqs = (*tx)->append_ops(ops);
    HOTLINE_REQUIRE_OK(seqs);
    Outcome committed = (*tx)->commit();
    HOTLINE_REQUIRE_OK(committed);
    return *seqs;
}

void append_and_read(Backend backend) {
    auto t = fresh_database(backend, "append and read");
    Database& db = *t.db;
    auto head = db.head_seq();
    HOTLINE_REQUIRE_OK(head);
    CHECK(*head == 0);

    const std::vector<NewOp> first = {test_op("r1:1", "i1"), test_op("r1:2", "i2"), test_op("r1:3", "i1")};
    const auto seqs = append_committed(db, first);
    REQUIRE(seqs.size() == 3);
    CHECK(seqs[0] >= 1);
    CHECK(seqs[1] == seqs[0] + 1);
    CHECK(seqs[2] == seqs[1] + 1);
    const auto more = append_committed(db, {test_op("r2:1", "i2", "u:bob")});
    REQUIRE(more.size() == 1);
    CHECK(more[0] > seqs[2]);
    CHECK(append_committed(db, {}).empty());

    head = db.head_seq();
    HOTLINE_REQUIRE_OK(head);
    CHECK(*head == more[0]);

    auto all = db.ops_after(0, 100);
    HOTLINE_REQUIRE_OK(all);
    REQUIRE(all->size() == 4);
    for (std::size_t i = 0; i < 3; ++i) {
        const StoredOp expected{seqs[i], first[i].op_id, first[i].entity_id, first[i].actor, first[i].body};
        CHECK((*all)[i] == expected);
    }
    CHECK((*all)[3].actor == "u:bob");

    auto page = db.ops_after(seqs[0], 2);  // after the first, two at most
    HOTLINE_REQUIRE_OK(page);
    REQUIRE(page->size() == 2);
    CHECK((*page)[0].op_id == "r1:2");
    CHECK((*page)[1].op_id == "r1:3");
    auto none = db.ops_after(more[0], 10);
    HOTLINE_REQUIRE_OK(none);
    CHECK(none->empty());
    auto zero = db.ops_after(0, 0);
    HOTLINE_REQUIRE_OK(zero);
    CHECK(zero->empty());

    auto of_i1 = db.ops_of_entity("i1");
    HOTLINE_REQUIRE_OK(of_i1);
    REQUIRE(of_i1->size() == 2);
    CHECK((*of_i1)[0].op_id == "r1:1");
    CHECK((*of_i1)[1].op_id == "r1:3");
    auto of_unknown = db.ops_of_entity("nope");
    HOTLINE_REQUIRE_OK(of_unknown);
    CHECK(of_unknown->empty());

    auto found = db.find_op("r1:2");
    HOTLINE_REQUIRE_OK(found);
    REQUIRE(found->has_value());
    CHECK((*found)->seq == seqs[1]);
    CHECK((*found)->body == first[1].body);
    auto missing = db.find_op("r9:9");
    HOTLINE_REQUIRE_OK(missing);
    CHECK(!missing->has_value());
}

void duplicate_op_id_fails_cleanly(Backend backend) {
    auto t = fresh_database(backend, "duplicate op id");
    Database& db = *t.db;
    append_committed(db, {test_op("r1:1", "i1")});

    {  // a batch repeating a stored id
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto seqs = (*tx)->append_ops({test_op("r1:2", "i1"), test_op("r1:1", "i1")});
        REQUIRE(!seqs.ok());
        CHECK(seqs.error().code == server::db_errors::kDuplicateOp);
        // The transaction is spent: later calls and commit refuse, nothing is stored.
        auto after = (*tx)->ops_after(0, 10);
        REQUIRE(!after.ok());
        CHECK(after.error().code == server::db_errors::kTransactionFailed);
        Outcome committed = (*tx)->commit();
        REQUIRE(!committed.ok());
        CHECK(committed.error().code == server::db_errors::kTransactionFailed);
    }
    {  // an id twice in one batch
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto seqs = (*tx)->append_ops({test_op("r1:3", "i1"), test_op("r1:3", "i1")});
        REQUIRE(!seqs.ok());
        CHECK(seqs.error().code == server::db_errors::kDuplicateOp);
    }
    auto all = db.ops_after(0, 100);
    HOTLINE_REQUIRE_OK(all);
    REQUIRE(all->size() == 1);
    CHECK((*all)[0].op_id == "r1:1");
    // The connection is usable again.
    const auto seqs = append_committed(db, {test_op("r1:2", "i1")});
    CHECK(seqs.size() == 1);
}

void rollback_when_not_committed(Backend backend) {
    auto t = fresh_database(backend, "rollback");
    Database& db = *t.db;
    append_committed(db, {test_op("r1:1", "i1")});
    {
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto seqs = (*tx)->append_ops({test_op("r1:2", "i1")});
        HOTLINE_REQUIRE_OK(seqs);
        Outcome rejected = (*tx)->add_rejections({{"r1:3", "guard_x", "no"}});
        HOTLINE_REQUIRE_OK(rejected);
        auto block = (*tx)->lease_numbers("r1", 10);
        HOTLINE_REQUIRE_OK(block);
        // Inside the transaction (and through the same Database) its writes are visible.
        auto inside = (*tx)->ops_after(0, 10);
        HOTLINE_REQUIRE_OK(inside);
        CHECK(inside->size() == 2);
        auto seen = db.find_op("r1:2");
        HOTLINE_REQUIRE_OK(seen);
        CHECK(seen->has_value());
        // Only one write transaction per connection.
        auto second = db.begin_write();
        REQUIRE(!second.ok());
        CHECK(second.error().code == server::db_errors::kTransactionOpen);
    }  // destroyed without commit
    auto all = db.ops_after(0, 10);
    HOTLINE_REQUIRE_OK(all);
    CHECK(all->size() == 1);
    auto rejection = db.find_rejection("r1:3");
    HOTLINE_REQUIRE_OK(rejection);
    CHECK(!rejection->has_value());
    auto blocks = db.number_blocks("r1");
    HOTLINE_REQUIRE_OK(blocks);
    CHECK(blocks->empty());

    // A committed transaction refuses further calls.
    auto tx = db.begin_write();
    HOTLINE_REQUIRE_OK(tx);
    Outcome committed = (*tx)->commit();
    HOTLINE_REQUIRE_OK(committed);
    auto late = (*tx)->append_ops({test_op("r1:9", "i1")});
    REQUIRE(!late.ok());
    CHECK(late.error().code == server::db_errors::kTransactionFailed);
}

void rejections(Backend backend) {
    auto t = fresh_database(backend, "rejections");
    Database& db = *t.db;
    {
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        Outcome added = (*tx)->add_rejections(
            {{"r1:1", "guard_actual_solution", "Solved needs the actual solution"},
             {"r1:2", "bad_json", "a \"quoted\" reason, \\ and Ünïcödé"}});
        HOTLINE_REQUIRE_OK(added);
        Outcome none = (*tx)->add_rejections({});
        HOTLINE_REQUIRE_OK(none);
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    auto found = db.find_rejection("r1:2");
    HOTLINE_REQUIRE_OK(found);
    REQUIRE(found->has_value());
    CHECK(**found == server::Rejection{"r1:2", "bad_json", "a \"quoted\" reason, \\ and Ünïcödé"});
    {  // the first reason stays
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        HOTLINE_REQUIRE_OK((*tx)->add_rejections({{"r1:1", "other", "another reason"}}));
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    auto first = db.find_rejection("r1:1");
    HOTLINE_REQUIRE_OK(first);
    REQUIRE(first->has_value());
    CHECK((*first)->code == "guard_actual_solution");
    auto missing = db.find_rejection("r1:3");
    HOTLINE_REQUIRE_OK(missing);
    CHECK(!missing->has_value());
}

// find_rejections: one query for a whole push batch, more ids than one SQLite chunk,
// ids repeated and never refused, an empty list, and inside an open write transaction.
void rejections_of_a_batch(Backend backend) {
    auto t = fresh_database(backend, "rejections of a batch");
    Database& db = *t.db;
    std::vector<server::Rejection> stored;
    for (int i = 0; i < 600; i += 3)
        stored.push_back({"r1:" + std::to_string(i), "guard_" + std::to_string(i), "reason \"" + std::to_string(i) + "\""});
    {
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        HOTLINE_REQUIRE_OK((*tx)->add_rejections(stored));
        HOTLINE_REQUIRE_OK((*tx)->commit());
    }
    std::vector<std::string> asked;
    for (int i = 0; i < 700; ++i) asked.push_back("r1:" + std::to_string(i));
    asked.push_back("r1:3");  // twice
    asked.push_back("r9:1");  // never refused
    auto found = db.find_rejections(asked);
    HOTLINE_REQUIRE_OK(found);
    std::map<std::string, server::Rejection> by_id;
    for (const auto& r : *found) by_id.emplace(r.op_id, r);
    CHECK(by_id.size() == stored.size());
    for (const auto& r : stored) {
        CAPTURE(r.op_id);
        REQUIRE(by_id.count(r.op_id) == 1);
        CHECK(by_id.at(r.op_id) == r);
    }

    auto none = db.find_rejections({});
    HOTLINE_REQUIRE_OK(none);
    CHECK(none->empty());
    auto unknown = db.find_rejections({"r9:1", "r9:2"});
    HOTLINE_REQUIRE_OK(unknown);
    CHECK(unknown->empty());

    {  // through an open write transaction: its own uncommitted rejections are seen
        auto tx = db.begin_write();
        HOTLINE_REQUIRE_OK(tx);
        HOTLINE_REQUIRE_OK((*tx)->add_rejections({{"r2:1", "bad_json", "a \"quoted\" reason, \\ and Ünïcödé"}}));
        auto inside = db.find_rejections({"r2:1", "r1:0"});
        HOTLINE_REQUIRE_OK(inside);
        CHECK(inside->size() == 2);
    }  // rolled back
    auto after = db.find_rejections({"r2:1"});
    HOTLINE_REQUIRE_OK(after);
    CHECK(after->empty());
}

}  // namespace

HOTLINE_DB_TEST("ops: append, ops_after with limit, ops_of_entity, find_op, head_seq", append_and_read)
HOTLINE_DB_TEST("ops: a duplicate op_id fails the batch and leaves nothing", duplicate_op_id_fails_cleanly)
HOTLINE_DB_TEST("ops: a write transaction not committed leaves nothing", rollback_when_not_committed)
HOTLINE_DB_TEST("ops: rejections are stored and keep their first reason", rejections)
HOTLINE_DB_TEST("ops: find_rejections answers a whole batch in one call", rejections_of_a_batch)

}  // namespace hotline::server_test
