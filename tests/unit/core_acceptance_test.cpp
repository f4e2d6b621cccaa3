// W6: the customer's answer to a solution (accept, reject with a reason, a rating 1-5 that
// closes, closing at their request), each a plan of ordinary operations judged by the desk;
// refusals on the wrong status. W7: automatic closing's notice, then its close, each due
// once, after the customer's silence. New default event types and snapshots written before
// them. W10: archiving, due N days after the incident was last closed; the list's rule; an
// archived incident is no technician's, and a change they still push is refused as archived.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <variant>

#include "core/acceptance.hpp"
#include "core/archive.hpp"
#include "core/authorization.hpp"
#include "core/auto_close.hpp"
#include "core/desk.hpp"
#include "core/entity_rules.hpp"
#include "core/event_types.hpp"
#include "core/op_factory.hpp"
#include "core/transaction_log.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using F = IncidentField;
using S = IncidentStatus;

namespace {

const Principal kTechnician{"tfletcher", "Tom Fletcher", Role::technician};

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
    // A solved incident (its actual problem and solution filled in), as at `now`.
    Fixture() {
        f.numbers().add_block({1, 100});
        const Operation create = f.create_incident("u:agent", ++now,
                                                   {{F::title, "Boiler leaks"},
                                                    {F::actual_problem, "Worn gasket"},
                                                    {F::actual_solution, "Gasket replaced"}});
        apply(create);
        incident = create.entity_id;
        apply(f.transition("u:agent", ++now, incident, S::in_progress));
        apply(f.transition("u:agent", ++now, incident, S::solved));
    }
    const Incident& inc() const { return *desk.find(incident); }

    // What the app and the server do with a plan: one operation per step, in order.
    void commit(const Result<IncidentPlan>& plan, const std::string& actor = "u:agent") {
        REQUIRE_MESSAGE(plan.ok(), (plan.ok() ? "" : plan.error().code));
        for (const IncidentStep& step : *plan) apply(step_operation(f, actor, ++now, incident, step));
    }
    std::vector<TxEntry> log() const { return render_transaction_log(desk, inc()); }
    void to(S status) { apply(f.transition("u:agent", ++now, incident, status)); }
    // Assigned to the technician, then closed (W10's tests).
    void close() {
        apply(f.set_field("u:agent", ++now, incident, F::engineer, "tfletcher"));
        to(S::closed);
    }
};

std::string code(const Result<IncidentPlan>& plan) { return plan.ok() ? "" : plan.error().code; }

}  // namespace

TEST_CASE("acceptance: the customer accepts a solved incident's solution: Accepted, in the log") {
    Fixture fx;
    const auto plan = plan_acceptance(fx.inc());
    REQUIRE(plan.ok());
    CHECK(*plan == IncidentPlan{TransitionStep{S::accepted}});
    fx.commit(plan);
    CHECK(fx.inc().status == S::accepted);
    const auto log = fx.log();
    CHECK(std::any_of(log.begin(), log.end(), [](const TxEntry& e) {
        return e.kind == TxKind::status && e.old_value == "solved" && e.new_value == "accepted";
    }));
}

TEST_CASE("acceptance: a rejection needs the reason, and takes the incident back to In progress with it") {
    Fixture fx;
    CHECK(code(plan_rejection(fx.inc(), "")) == "missing_rejection_reason");
    CHECK(code(plan_rejection(fx.inc(), " \n\t")) == "missing_rejection_reason");
    CHECK(fx.inc().status == S::solved);
    CHECK(fx.inc().events.empty());

    fx.commit(plan_rejection(fx.inc(), "Still leaks at night"));
    CHECK(fx.inc().status == S::in_progress);
    REQUIRE(fx.inc().events.size() == 1);
    CHECK(fx.inc().events[0].type == kRejectionEventType);
    CHECK(fx.inc().events[0].text == "Still leaks at night");
    CHECK(fx.inc().events[0].actor == "u:agent");
}

TEST_CASE("acceptance: accepting and rejecting are refused unless the incident is Solved") {
    Fixture fx;
    fx.commit(plan_acceptance(fx.inc()));
    CHECK(code(plan_acceptance(fx.inc())) == "not_solved");  // Accepted already
    CHECK(code(plan_rejection(fx.inc(), "Changed my mind")) == "not_solved");
    Fixture working;
    working.commit(plan_rejection(working.inc(), "Not fixed"));
    CHECK(code(plan_acceptance(working.inc())) == "not_solved");  // In progress
    const auto refused = plan_acceptance(working.inc());
    CHECK(refused.error().args == std::vector<std::string>{"In progress"});
}

TEST_CASE("acceptance: a rating is a whole number from 1 to 5, on a Solved or Accepted incident") {
    Fixture fx;
    CHECK(code(plan_rating(fx.inc(), "", "")) == "missing_rating");
    for (const char* bad : {"0", "6", "05", "-1", "x", "4.5", "10"})
        CHECK_MESSAGE(code(plan_rating(fx.inc(), bad, "")) == "bad_rating", bad);
    for (const char* good : {"1", "5"}) CHECK_MESSAGE(plan_rating(fx.inc(), good, "").ok(), good);
    // The desk holds the same bounds for a rating sent without the plan (the field's choices).
    const ApplyResult direct = fx.desk.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::satisfaction, "6"));
    CHECK(direct.kind == ApplyKind::rejected);
    CHECK(direct.error.code == "bad_value");

    Fixture working;
    working.commit(plan_rejection(working.inc(), "Not fixed"));
    CHECK(code(plan_rating(working.inc(), "3", "")) == "not_rateable");
}

TEST_CASE("acceptance: the rating closes the incident (closing by the rating), from Solved or Accepted") {
    Fixture fx;
    const auto plan = plan_rating(fx.inc(), "4", "Quick and clean");
    REQUIRE(plan.ok());
    CHECK(*plan == IncidentPlan{SetStep{F::satisfaction, "4"}, SetStep{F::satisfaction_comment, "Quick and clean"},
                                TransitionStep{S::closed}});
    fx.commit(plan);
    CHECK(fx.inc().status == S::closed);
    CHECK(fx.inc().value(F::satisfaction) == "4");
    CHECK(fx.inc().value(F::satisfaction_comment) == "Quick and clean");
    const auto log = fx.log();
    CHECK(std::any_of(log.begin(), log.end(), [](const TxEntry& e) { return e.field == "satisfaction" && e.new_value == "4"; }));
    CHECK(code(plan_rating(fx.inc(), "5", "")) == "not_rateable");  // Closed

    Fixture accepted;
    accepted.commit(plan_acceptance(accepted.inc()));
    const auto no_comment = plan_rating(accepted.inc(), "5", "");
    REQUIRE(no_comment.ok());
    CHECK(no_comment->size() == 2);  // the comment is optional: nothing to set
    accepted.commit(no_comment);
    CHECK(accepted.inc().status == S::closed);
}

TEST_CASE("acceptance: closing at the customer's request records the request, then closes") {
    Fixture fx;
    fx.commit(plan_close_request(fx.inc(), "Customer called: all good"));
    CHECK(fx.inc().status == S::closed);
    REQUIRE(fx.inc().events.size() == 1);
    CHECK(fx.inc().events[0].type == kCloseRequestEventType);
    CHECK(fx.inc().events[0].text == "Customer called: all good");
    CHECK(code(plan_close_request(fx.inc(), "")) == "same_status");

    Fixture working;  // In progress may not close (W1): the workflow's own refusal
    working.commit(plan_rejection(working.inc(), "Not fixed"));
    CHECK(code(plan_close_request(working.inc(), "")) == "transition_not_allowed");
    CHECK(working.inc().events.size() == 1);
}

TEST_CASE("auto-close: the notice comes N-M days into the customer's silence, once, then the close") {
    Fixture fx;
    const AutoClosePolicy policy{14, 3};
    const std::int64_t solved = fx.now;
    CHECK(customer_silence_start(fx.desk, fx.inc()) == solved);
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), policy, solved + 11 * kDayMs - 1));
    const auto notice = auto_close_step(fx.desk, fx.inc(), policy, solved + 11 * kDayMs);
    REQUIRE(notice);
    const auto* event = std::get_if<EventStep>(&*notice);
    REQUIRE(event);
    CHECK(event->type == kCloseNoticeEventType);
    CHECK(event->text == utc_date(solved + 14 * kDayMs));  // the day it closes
    fx.apply(step_operation(fx.server, "s:server", solved + 11 * kDayMs, fx.incident, *notice));

    // Done: not due again, and the notice does not restart the silence.
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), policy, solved + 11 * kDayMs + 1));
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), policy, solved + 14 * kDayMs - 1));
    CHECK(customer_silence_start(fx.desk, fx.inc()) == solved);
    const auto close = auto_close_step(fx.desk, fx.inc(), policy, solved + 14 * kDayMs);
    REQUIRE(close);
    CHECK(*close == IncidentStep{TransitionStep{S::closed}});
    fx.apply(step_operation(fx.server, "s:server", solved + 14 * kDayMs, fx.incident, *close));
    CHECK(fx.inc().status == S::closed);
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), policy, solved + 30 * kDayMs));
}

TEST_CASE("auto-close: never closes without a notice M days before, even past the deadline") {
    Fixture fx;
    const AutoClosePolicy policy{14, 3};
    const std::int64_t solved = fx.now, late = solved + 20 * kDayMs;  // the server was down
    const auto notice = auto_close_step(fx.desk, fx.inc(), policy, late);
    REQUIRE(notice);
    REQUIRE(std::holds_alternative<EventStep>(*notice));
    CHECK(std::get<EventStep>(*notice).text == utc_date(late + 3 * kDayMs));
    fx.apply(step_operation(fx.server, "s:server", late, fx.incident, *notice));
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), policy, late + 3 * kDayMs - 1));
    CHECK(auto_close_step(fx.desk, fx.inc(), policy, late + 3 * kDayMs) == IncidentStep{TransitionStep{S::closed}});
}

TEST_CASE("auto-close: an answer from the customer restarts the silence; only Solved incidents close") {
    Fixture fx;
    const AutoClosePolicy policy{14, 3};
    const std::int64_t solved = fx.now, call = solved + 5 * kDayMs;
    fx.apply(fx.f.add_event("u:agent", call, fx.incident, "call_in", "Customer is testing"));
    CHECK(customer_silence_start(fx.desk, fx.inc()) == call);
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), policy, solved + 14 * kDayMs));
    CHECK(auto_close_step(fx.desk, fx.inc(), policy, call + 11 * kDayMs));
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), AutoClosePolicy{0, 0}, call + 100 * kDayMs));  // off

    fx.now = call;
    fx.commit(plan_acceptance(fx.inc()));  // Accepted waits for the rating: not closed by silence
    CHECK_FALSE(customer_silence_start(fx.desk, fx.inc()));
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), policy, call + 100 * kDayMs));
}

TEST_CASE("auto-close: a notice given before the incident was reopened and solved again does not count") {
    Fixture fx;
    const AutoClosePolicy policy{14, 3};
    const std::int64_t solved = fx.now;
    const auto notice = auto_close_step(fx.desk, fx.inc(), policy, solved + 11 * kDayMs);
    REQUIRE(notice);
    fx.apply(step_operation(fx.server, "s:server", solved + 11 * kDayMs, fx.incident, *notice));
    fx.now = solved + 12 * kDayMs;
    fx.commit(plan_rejection(fx.inc(), "Leaks again"));
    fx.apply(fx.f.transition("u:agent", ++fx.now, fx.incident, S::solved));
    const std::int64_t resolved = fx.now;
    CHECK(customer_silence_start(fx.desk, fx.inc()) == resolved);
    CHECK_FALSE(auto_close_step(fx.desk, fx.inc(), policy, resolved + 11 * kDayMs - 1));
    const auto again = auto_close_step(fx.desk, fx.inc(), policy, resolved + 14 * kDayMs);
    REQUIRE(again);
    CHECK(std::holds_alternative<EventStep>(*again));  // a new notice first
}

TEST_CASE("event types: defaults added since a snapshot was written are there when it loads") {
    Fixture fx;
    Desk::Parts parts = fx.desk.parts();
    // A snapshot of an older version: its event types lack the ones added since.
    std::erase_if(parts.entities, [](const Entity& e) {
        return e.kind == EntityKind::event_type &&
               (e.id == kRejectionEventType || e.id == kCloseRequestEventType || e.id == kCloseNoticeEventType);
    });
    auto loaded = Desk::from_parts(std::move(parts));
    REQUIRE(loaded.ok());
    for (std::string_view key : {kRejectionEventType, kCloseRequestEventType, kCloseNoticeEventType})
        CHECK(loaded->find_event_type(key) != nullptr);
    CHECK(loaded->event_types().size() == std::size(default_event_types()));
    // An event of a new type applies on it.
    const ApplyResult r = loaded->apply(fx.f.add_event("u:agent", ++fx.now, fx.incident,
                                                       std::string(kRejectionEventType), "Not fixed"));
    CHECK(r.kind == ApplyKind::applied);
}

TEST_CASE("archive: due N days after the incident was last closed, once, and never when switched off") {
    Fixture fx;
    fx.close();
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
    fx.close();
    const ArchivePolicy policy{30};
    const std::int64_t first_close = fx.now;
    fx.now = first_close + 20 * kDayMs;
    fx.to(S::in_progress);  // the customer called again
    CHECK_FALSE(archive_step(fx.desk, fx.inc(), policy, first_close + 40 * kDayMs));  // In progress
    fx.to(S::solved);
    CHECK_FALSE(archive_step(fx.desk, fx.inc(), policy, first_close + 400 * kDayMs));  // Solved
    fx.to(S::closed);
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
    fx.close();
    const Principal agent{"ann", "Ann", Role::agent};
    CHECK(can_see_incident(kTechnician, fx.inc()));
    CHECK(holds_incident(kTechnician, fx.inc()));
    fx.to(S::archived);
    CHECK_FALSE(can_see_incident(kTechnician, fx.inc()));
    CHECK_FALSE(TechnicianScope(kTechnician, fx.desk).contains(fx.inc()));
    CHECK(holds_incident(kTechnician, fx.inc()));  // their device may still hold it: it is sent the archiving
    CHECK(can_see_incident(agent, fx.inc()));
    CHECK_FALSE(sees_archive(kTechnician));
    CHECK(sees_archive(agent));

    // A change Tom made offline before the archiving reached him: authorized as his, then
    // refused by the desk with the reason his device shows (never lost without a word).
    OpFactory toms("rt");
    const Operation late = toms.set_field(kTechnician.actor(), fx.now + 1, fx.incident, F::actual_solution, "New gasket");
    CHECK(authorize_operation(kTechnician, late, fx.desk).ok());
    const ApplyResult refused = fx.desk.apply(late);
    CHECK(refused.kind == ApplyKind::rejected);
    CHECK(refused.error.code == "archived");
}
