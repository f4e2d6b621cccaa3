// W10 on the server, on SQLite and PostgreSQL: the sweep archives an incident closed N days
// ago by the server ("s:server"), once: not again by a second sweep, after a restart or by
// another server process on the same database; off by default. An archived incident is no
// technician's: a fresh device is not sent it (snapshot, records, history), a device that
// held it is sent the archiving (so it stops showing it), and a change the technician
// still pushes is refused as archived, not lost without a word.
#include <doctest/doctest.h>

#include "company_fixture.hpp"
#include "protocol/read_messages.hpp"
#include "protocol/snapshot_messages.hpp"
#include "server/auto_close_sweep.hpp"
#include "server_test_support.hpp"

using namespace hotline;
using hotline::server_test::Backend;
using hotline::test::Company;
using hotline::test::has;

namespace {

const ArchivePolicy kPolicy{30};

// An incident of the technician's, closed by the agent at `f.now`.
std::string closed_incident(Company& f, const std::string& title) {
    const std::string id = f.create("agent", EntityKind::incident,
                                    {{IncidentField::title, title}, {IncidentField::engineer, "technician"}});
    CHECK(f.push_as("agent", f.factory("agent").transition("u:agent", f.now += 10, id, IncidentStatus::closed)) ==
          "applied");
    return id;
}

std::size_t sweep(Company& f) {
    auto made = f.service().sweep();
    HOTLINE_REQUIRE_OK(made);
    return *made;
}

// Sessions expire while the clock moves on by weeks: everyone signs in again.
void sign_in_again(Company& f) {
    for (auto& [role, token] : f.tokens) token = f.login(role);
}

IncidentStatus status_of(Company& f, const std::string& id) { return f.service().desk().desk().find(id)->status; }

}  // namespace

static void archived_once_after_n_days(Backend backend) {
    Company f(backend, "archive sweep");
    const std::string id = closed_incident(f, "Boiler leaks");
    const std::int64_t closed = f.now;
    f.now = closed + 400 * kDayMs;
    CHECK(sweep(f) == 0);  // off by default
    CHECK(status_of(f, id) == IncidentStatus::closed);

    f.archive = kPolicy;
    f.restart();
    f.now = closed + 30 * kDayMs - 1;
    CHECK(sweep(f) == 0);
    const std::int64_t head = f.db().head_seq().value();

    // Another process on the same database archives it first: this one, catching up inside
    // its write transaction, makes nothing.
    f.now = closed + 30 * kDayMs;
    auto other = server::ServerDesk::load(f.db());
    HOTLINE_REQUIRE_OK(other);
    const auto intents = server::archive_intents(f.service().desk().desk(), kPolicy, f.now);
    REQUIRE(intents.size() == 1);
    auto by_other = server::sweep_archive(*other, f.db(), kPolicy, f.now);
    HOTLINE_REQUIRE_OK(by_other);
    REQUIRE(by_other->size() == 1);
    CHECK(by_other->front().op.type == OpType::transition);
    CHECK(by_other->front().op.actor == protocol::kServerActor);
    auto again = server::write_server_ops(*other, f.db(), intents, f.now);
    HOTLINE_REQUIRE_OK(again);
    CHECK(again->empty());
    CHECK(sweep(f) == 0);
    CHECK(status_of(f, id) == IncidentStatus::archived);

    f.restart();  // folded from the log: done already
    f.now = closed + 90 * kDayMs;
    CHECK(sweep(f) == 0);
    CHECK(f.db().head_seq().value() == head + 1);

    // The agent's pull brings the archiving.
    sign_in_again(f);
    std::int64_t cursor = head;
    CHECK(has(f.pulled_ids("agent", cursor), id));
}

static void archived_incidents_leave_technicians(Backend backend) {
    Company f(backend, "archive visibility");
    const std::string old = closed_incident(f, "Boiler leaks");
    const std::string open = f.create("agent", EntityKind::incident,
                                      {{IncidentField::title, "Radiator cold"}, {IncidentField::engineer, "technician"}});
    // The technician's device syncs, then makes a change offline while the incident is archived.
    std::int64_t cursor = 0;
    CHECK(has(f.pulled_ids("technician", cursor), old));
    const Operation late = f.factory("technician").set_field("u:technician", f.now + 1, old, IncidentField::actual_solution,
                                                             "New gasket");
    f.archive = kPolicy;
    f.restart();
    f.now += 30 * kDayMs;
    CHECK(sweep(f) == 1);
    sign_in_again(f);

    // Their device is sent the archiving (and the pushed change is refused as archived).
    const auto since = f.pulled_ids("technician", cursor);
    CHECK(has(since, old));
    auto pushed = f.push(f.tokens["technician"], Company::replica_of("technician"), {late});
    REQUIRE(pushed.status == 200);
    CHECK(pushed.body["results"][0]["status"] == "rejected");
    CHECK(pushed.body["results"][0]["code"] == "archived");

    // A fresh device is not: the snapshot and the records API leave it out.
    auto manifest = f.call("GET", std::string(protocol::kSnapshotPath), "", f.tokens["technician"]);
    REQUIRE(manifest.status == 200);
    CHECK(manifest.body["incidents"] == 1);
    auto records = f.call("GET", "/records/incident", "", f.tokens["technician"]);
    REQUIRE(records.status == 200);
    CHECK(records.body.dump().find(old) == std::string::npos);
    CHECK(records.body.dump().find(open) != std::string::npos);
    auto agents = f.call("GET", "/records/incident", "", f.tokens["agent"]);
    CHECK(agents.body.dump().find(old) != std::string::npos);
}

HOTLINE_DB_TEST("archive: a closed incident is archived N days later by the server, once", archived_once_after_n_days)
HOTLINE_DB_TEST("archive: an archived incident leaves technicians' devices", archived_incidents_leave_technicians)
