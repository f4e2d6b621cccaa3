// GET /health asks the database (a load balancer takes a process whose database is out of
// reach out of rotation), and parked long polls (GET /wait) woken by a notification compare
// their cursors with the head it brought instead of each asking the database, and are not
// signed in again: with thousands of waiting clients a push costs one read per process, not
// three per client (issue 13). The other process's writes are appended straight to the
// shared database, as it would.
#include <doctest/doctest.h>

#include <vector>

#include "faulty_database.hpp"
#include "server/credentials.hpp"
#include "service_fixture.hpp"

using namespace hotline;
using namespace hotline::server;
using hotline::server_test::Backend;
using hotline::server_test::FaultyService;

namespace {

// Another process appends `count` operations; the log's head after them.
std::int64_t append_elsewhere(FaultyService& f, int count) {
    static int made = 0;
    auto tx = f.database.db->begin_write();
    REQUIRE(tx.ok());
    std::vector<NewOp> ops;
    for (int i = 0; i < count; ++i, ++made)
        ops.push_back(server_test::test_op("other-" + std::to_string(made), "e-" + std::to_string(made), "u:other"));
    auto seqs = (*tx)->append_ops(ops);
    REQUIRE(seqs.ok());
    REQUIRE((*tx)->commit().ok());
    return seqs->back();
}

ApiRequest wait_request(const FaultyService& f, std::int64_t cursor) {
    return test::api_request("GET", "/wait", "", f.token, {{"cursor", std::to_string(cursor)}});
}

}  // namespace

static void health_asks_the_database(Backend backend) {
    FaultyService f(backend);
    const std::int64_t head = append_elsewhere(f, 3);
    auto ok = f.call("GET", "/health");
    CHECK(ok.status == 200);
    CHECK(ok.body["status"] == "ok");
    CHECK(ok.body["head"] == head);  // the database's head, though this desk has not folded it

    f.faults.fail_reads = true;
    auto down = f.call("GET", "/health");
    CHECK(down.status == 503);
    CHECK(down.body["status"] == "unavailable");
    CHECK(down.body["message"].get<std::string>().find("database") != std::string::npos);

    f.faults.fail_reads = false;
    CHECK(f.call("GET", "/health").status == 200);
}

HOTLINE_DB_TEST("health: answers the database's head, and 503 unavailable while it cannot be read",
                health_asks_the_database)

static void woken_polls_trust_the_notified_head(Backend backend) {
    FaultyService f(backend);
    const std::int64_t start = append_elsewhere(f, 1);
    constexpr int kPolls = 100;

    // Each new poll asks the database once, finds nothing newer, and parks.
    f.faults.head_reads = 0;
    std::vector<ApiRequest> parked;
    for (int i = 0; i < kPolls; ++i) {
        parked.push_back(wait_request(f, start));
        REQUIRE(f.service->handle(parked.back()).wait.has_value());
        parked.back().wait_resumed = true;  // from now on they are asked again after notifications
    }
    CHECK(f.faults.head_reads == kPolls);

    // Another process appends, its notification comes (with the new head, or without), and
    // every parked poll is asked again: each must answer the new head.
    const auto wake_all = [&](bool with_head) {
        const std::int64_t head = append_elsewhere(f, 2);
        f.faults.head_reads = 0;
        f.service->log_grew(with_head ? std::optional(head) : std::nullopt);
        for (const ApiRequest& r : parked) {
            auto answer = f.service->handle(r);
            REQUIRE_FALSE(answer.wait.has_value());
            CHECK(answer.body["head"] == head);
        }
    };
    SUBCASE("a notification with the head: no poll asks the database") {
        wake_all(true);
        CHECK(f.faults.head_reads == 0);
    }
    SUBCASE("a notification without the head (the listener reconnected): the first poll asks, once") {
        wake_all(false);
        CHECK(f.faults.head_reads == 1);
    }
    SUBCASE("woken polls are not signed in again; their deadline checks the session") {
        HOTLINE_REQUIRE_OK(f.database.db->delete_session(server::token_hash(f.token)));
        const std::int64_t head = append_elsewhere(f, 1);
        f.service->log_grew(head);
        auto woken = f.service->handle(parked[0]);
        CHECK(woken.status == 200);
        CHECK(woken.body["head"] == head);
        ApiRequest deadline = parked[1];
        deadline.wait_timed_out = true;
        CHECK(f.service->handle(deadline).status == 401);
    }
    SUBCASE("a notification that was missed: the poll's deadline asks the database") {
        const std::int64_t head = append_elsewhere(f, 2);
        f.faults.head_reads = 0;
        f.service->log_grew(start);  // an old, repeated one: nothing new as far as it says
        CHECK(f.service->handle(parked[0]).wait.has_value());
        CHECK(f.faults.head_reads == 0);
        ApiRequest deadline = parked[0];
        deadline.wait_timed_out = true;
        auto answer = f.service->handle(deadline);
        CHECK(answer.body["head"] == head);
        CHECK(f.faults.head_reads == 1);
    }
}

HOTLINE_DB_TEST("wait: woken polls compare with the notified head instead of each reading the database",
                woken_polls_trust_the_notified_head)
