// A push whose write transaction fails after the server's desk applied its operations
// (issue 9, "the push path"): the desk must never keep what storage does not hold, even
// when storage cannot be read at that moment (faulty_database.hpp).
#include <doctest/doctest.h>

#include "faulty_database.hpp"
#include "service_fixture.hpp"

using namespace hotline;
using namespace hotline::server;
using hotline::server_test::Backend;
using hotline::server_test::FaultyService;
using hotline::test::ClientOps;

static void failed_push_leaves_no_unstored_desk(Backend backend) {
    FaultyService f(backend);
    ClientOps c("ra", "agent");
    const std::int64_t now = 1764000000000;
    Operation kept = c.create(now, "Stored before the failure");
    REQUIRE(f.push({kept}).status == 200);

    SUBCASE("storage is readable again at once: the desk is folded again there and then") {
        Operation lost = c.create(now + 1, "Not stored");
        f.faults.fail_append = true;
        CHECK(f.push({lost}).status == 503);
        CHECK(f.service->desk().desk().find(lost.entity_id) == nullptr);
        CHECK(f.service->desk().desk().find(kept.entity_id) != nullptr);
    }
    SUBCASE("storage cannot be read at that moment: the next request folds the desk again first") {
        Operation lost = c.create(now + 1, "Not stored");
        f.faults.fail_append = true;
        f.faults.reads_fail_too = true;
        CHECK(f.push({lost}).status == 503);
        f.faults.fail_reads = false;
        auto pulled = f.call("GET", "/pull", "", {{"cursor", "0"}});
        REQUIRE(pulled.status == 200);
        CHECK(pulled.body["ops"].size() == 2);  // the create kept, and the server's renumber of it
        for (const auto& entry : pulled.body["ops"]) CHECK(entry["op"]["entity_id"] == kept.entity_id);
        CHECK(f.service->desk().desk().find(lost.entity_id) == nullptr);
        CHECK(f.service->desk().desk().find(kept.entity_id) != nullptr);
        // The same operation pushed again is judged afresh, not answered "duplicate".
        auto again = f.push({lost});
        REQUIRE_MESSAGE(again.status == 200, again.body.dump());
        CHECK(again.body["results"][0]["status"] == "applied");
    }
}

HOTLINE_DB_TEST("push: a failed write transaction never leaves the desk holding what storage does not",
                failed_push_leaves_no_unstored_desk)
