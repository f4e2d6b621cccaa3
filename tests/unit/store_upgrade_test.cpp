// Upgrade without loss (issue 8): a replica directory written by the version before the
// entity model (store format 1, tests/fixtures/v1) opens with every incident, event,
// transaction-log entry, superseded write, pending outbox operation and conflict intact,
// and is written again in today's format without losing any of it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/replica.hpp"
#include "core/operation_json.hpp"
#include "desk_fingerprint.hpp"
#include "text_file.hpp"
#include "store/file_util.hpp"
#include "store/record_format.hpp"
#include "store_test_dir.hpp"

using namespace hotline;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(HOTLINE_FIXTURES_DIR) / "v1";

// A copy of the fixture's replica: opening may rewrite files, the fixture must stay as committed.
std::string copy_of_v1_replica(const std::string& name) {
    const std::string dir = testing::fresh_dir(name);
    fs::copy(kFixtures / "replica-ann", dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    return dir;
}

app::Replica open_replica(const std::string& dir) {
    auto r = app::Replica::open(dir, "unused");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(*r);
}

void check_holds_everything(app::Replica& replica) {
    const std::string expected = hotline::testing::with_defaults_added_since(
        hotline::testing::read_text_file(kFixtures / "expected-replica-ann.txt"));
    const std::string got = testing::desk_fingerprint(replica.desk());
    CHECK_MESSAGE(got == expected, testing::first_difference(got, expected));

    const auto pending = nlohmann::json::parse(hotline::testing::read_text_file(kFixtures / "expected-replica-ann-pending.json"));
    nlohmann::json outbox = nlohmann::json::array();
    for (const Operation& op : replica.outbox().ops()) outbox.push_back(operation_to_json(op));
    CHECK(outbox == pending["outbox"]);
    CHECK(replica.extra()["sync"]["conflicts"] == pending["conflicts"]);
    CHECK(replica.replica_id() == "fxann");
}

}  // namespace

TEST_CASE("upgrade: a format 1 replica opens with everything it held, clean") {
    const std::string dir = copy_of_v1_replica("upgrade-v1-open");
    app::Replica replica = open_replica(dir);
    CHECK_MESSAGE(replica.load_report().clean(),
                  (replica.load_report().problems.empty() ? "" : replica.load_report().problems.front()));
    CHECK(replica.desk().incidents().size() == 4);
    REQUIRE(replica.desk().find_event_type("site_visit") != nullptr);
    check_holds_everything(replica);
}

TEST_CASE("upgrade: a format 1 replica is rewritten in today's format and reopens the same") {
    const std::string dir = copy_of_v1_replica("upgrade-v1-rewrite");
    {
        app::Replica replica = open_replica(dir);
        REQUIRE(replica.write_snapshot().ok());
    }
    // Every file is now of today's format.
    for (const auto& name : store::list_directory(dir)) {
        auto data = store::read_file(dir + "/" + name);
        REQUIRE(data.ok());
        CAPTURE(name);
        const bool snapshot = name.rfind("snap-", 0) == 0;
        const auto kind = snapshot ? store::FileKind::snapshot
                          : name.rfind("log-", 0) == 0 ? store::FileKind::log
                                                       : name == "meta" ? store::FileKind::meta : store::FileKind::log;
        const auto scan = store::scan_records(*data, kind);
        CHECK_FALSE(scan.bad_header);
        if (snapshot) CHECK(scan.version == store::kFormatVersion);
    }
    app::Replica reopened = open_replica(dir);
    CHECK(reopened.load_report().clean());
    check_holds_everything(reopened);
}
