// W10: archiving. When the server's sweep archives a closed incident (N days after it was
// last closed, once), which incidents the list shows (archived ones only when asked for by
// status or found by search), and that an archived incident is no technician's (not sent
// to them, hidden on their device) while a change they still push is refused as archived.
#include <doctest/doctest.h>

#include <string>

#include "core/archive.hpp"
#include "core/authorization.hpp"
#include "core/auto_close.hpp"
#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using F = IncidentField;
using S = IncidentStatus;

namespace {

const Principal kTom{"tfletcher", "Tom Fletcher", Role::technician};

struct Fixture {
    Desk desk;
    OpFactory f{"ra"};
    OpFactory server{"server"};
    std::int64_t now = kBaseMs;
    std::string incident;

    void apply(const Operation& op) {
        const ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
    }
    void move(S to) { apply(f.transition("u:agent", ++now, incident, to)); }
    // An incident of Tom's, solved, then closed at `now`.
    Fixture() {
        f.numbers().add_block({1, 100});
        const Operation create = f.create_incident("u:agent", ++now,
                                                   {{F::title, "Boiler leaks"},
                                                    {F::engineer, "tfletcher"},
                                                    {F::actual_problem, "Worn gasket"},
                                                    {F::actual_solution, "Gasket replaced"}});
        apply(create);
        incident = create.entity_id;
        move(S::in_progress);
        move(S::solved);
        move(S::closed);
    }
    const Incident& inc() const { return *desk.find(incident); }
};

}  // namespace

TEST_CASE("archive: due N days after the incident was last closed, once, and never when switched off") {
    Fixture fx;
    const ArchivePolicy policy{30};
    const std::int64_t closed = fx.now;
    CHECK_FALSE(archive_step(fx.desk, fx.inc(), ArchivePolicy{}, closed + 1000 * kDayMs));  // 0: off
    CHECK_FALSE(archive_step(fx.desk, fx.inc(), policy, closed + 30 * kDayMs - 1));
    const auto due = archive_step(fx.desk, fx.inc(), policy, closed + 30 * kDayMs);
    REQUIRE(due);
    CHECK(*due == IncidentStep{TransitionStep{S::archived}});
    fx.apply(step_operation(fx.server, "s:server", closed + 30 * kDayMs, fx.incident, *due));
    CHECK(fx.inc().status == S::archived);
    CHECK_FALSE(archive_step(fx.desk, fx.inc(), policy, closed + 90 * kDayMs));  // done: not again
}

TEST_CASE("archive: reopening restarts the count; only Closed incidents are archived") {
    Fixture fx;
    const ArchivePolicy policy{30};
    const std::int64_t first_close = fx.now;
    fx.now = first_close + 20 * kDayMs;
    fx.move(S::in_progress);  // the customer called again
    CHECK_FALSE(archive_step(fx.desk, fx.inc(), policy, first_close + 40 * kDayMs));  // In progress
    fx.move(S::solved);
    CHECK_FALSE(archive_step(fx.desk, fx.inc(), policy, first_close + 400 * kDayMs));  // Solved
    fx.move(S::closed);
    const std::int64_t second_close = fx.now;
    CHECK_FALSE(archive_step(fx.desk, fx.inc(), policy, first_close + 40 * kDayMs));
    CHECK(archive_step(fx.desk, fx.inc(), policy, second_close + 30 * kDayMs));
}

TEST_CASE("archive: out of the active views, listed when asked for by status or found by search") {
    for (int i = 0; i < kStatusCount; ++i) {
        const auto status = static_cast<S>(i);
        CHECK(is_active(status) == (status != S::archived));
        CHECK(is_listed(status, true, false));  // the filter shows it
        CHECK(is_listed(status, true, true));
    }
    CHECK_FALSE(is_listed(S::closed, false, false));
    CHECK_FALSE(is_listed(S::closed, false, true));  // a search looks among the statuses filtered in
    CHECK_FALSE(is_listed(S::archived, false, false));
    CHECK(is_listed(S::archived, false, true));  // still found by number and search
}

TEST_CASE("archive: an archived incident is no technician's, but a change they push is refused as archived") {
    Fixture fx;
    const Principal agent{"ann", "Ann", Role::agent};
    CHECK(can_see_incident(kTom, fx.inc()));
    CHECK(holds_incident(kTom, fx.inc()));
    fx.move(S::archived);
    CHECK_FALSE(can_see_incident(kTom, fx.inc()));
    CHECK_FALSE(TechnicianScope(kTom, fx.desk).contains(fx.inc()));
    CHECK(holds_incident(kTom, fx.inc()));  // their device may still hold it: it is sent the archiving
    CHECK(can_see_incident(agent, fx.inc()));
    CHECK_FALSE(sees_archive(kTom));
    CHECK(sees_archive(agent));

    // A change Tom made offline before the archiving reached him: authorized as his, then
    // refused by the desk with the reason his device shows (never lost without a word).
    OpFactory toms("rt");
    const Operation late = toms.set_field(kTom.actor(), fx.now + 1, fx.incident, F::actual_solution, "New gasket");
    CHECK(authorize_operation(kTom, late, fx.desk).ok());
    const ApplyResult refused = fx.desk.apply(late);
    CHECK(refused.kind == ApplyKind::rejected);
    CHECK(refused.error.code == "archived");
}
