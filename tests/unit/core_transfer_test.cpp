// W8, W9: transferring an incident to an order (the plan of ordinary operations, the
// incident Transferred with an event), the order's status table and guards, its
// outcome coming back (an event, In progress again, then Solved allowed), who may
// create and update orders and who sees them, and the billing decision from coverage.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/authorization.hpp"
#include "core/billing.hpp"
#include "core/event_types.hpp"
#include "core/transaction_log.hpp"
#include "core/transfer.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using F = IncidentField;
using O = OrderField;

namespace {

constexpr std::int64_t kDay = 86'400'000;  // kBaseMs is 2025-11-24

struct Fixture {
    Desk desk;
    OpFactory f{"ra"};
    std::int64_t now = kBaseMs;
    std::string incident;

    ApplyResult try_apply(const Operation& op) { return desk.apply(op); }
    void apply(const Operation& op) {
        const ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
    }
    Fixture() {
        f.numbers().add_block({42, 100});
        apply(f.create("u:boss", ++now, EntityKind::staff_profile, {{StaffProfileField::name, "Tom Fletcher"}}, "tfletcher"));
        const Operation create = f.create_incident("u:agent", ++now, {{F::title, "Fridge too warm"}});
        apply(create);
        incident = create.entity_id;
    }
    // A record made by the agent; its id.
    std::string make(EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields) {
        const Operation op = f.create("u:agent", ++now, kind, std::move(fields));
        apply(op);
        return op.entity_id;
    }
    const Incident& inc() const { return *desk.find(incident); }
    const Entity& order(std::size_t n = 0) const { return *orders_of(desk, incident).at(n); }

    // What the client does with a plan: one operation per step, in order.
    void commit(const Result<Plan>& plan, const std::string& actor = "u:agent") {
        REQUIRE_MESSAGE(plan.ok(), plan.error().code);
        for (const PlanStep& step : *plan) apply(step.mint(f, actor, ++now));
    }
    void transfer(OrderType type, std::string planned = "2025-11-26") {
        TransferRequest r = transfer_defaults(desk, inc(), type);
        r.planned = std::move(planned);
        r.technician = "tfletcher";
        if (type == OrderType::service_order) r.address = "1 High Street";
        if (type == OrderType::subcontract) r.subcontractor = "ColdFix Ltd";
        commit(plan_transfer(desk, inc(), r));
    }
};

}  // namespace

TEST_CASE("transfer: the plan creates the order, adds a Transfer event and makes the incident Transferred") {
    Fixture fx;
    TransferRequest r{OrderType::workshop_repair, "", "2025-11-26", "tfletcher", "", "Send it in"};
    auto plan = plan_transfer(fx.desk, fx.inc(), r);
    REQUIRE(plan.ok());
    REQUIRE(plan->size() == 3);
    CHECK((*plan)[0].type == OpType::create);
    CHECK((*plan)[0].kind == EntityKind::order);
    CHECK((*plan)[1].type == OpType::add_event);
    CHECK((*plan)[1].event_type == kTransferEventType);
    CHECK((*plan)[1].text == "42-1 \xc2\xb7 Workshop repair (RMA)\n2025-11-26 \xc2\xb7 Tom Fletcher");
    CHECK((*plan)[2].to == IncidentStatus::transferred);
    fx.commit(plan);

    CHECK(fx.inc().status == IncidentStatus::transferred);
    const Entity& order = fx.order();
    CHECK(order_type(order) == OrderType::workshop_repair);
    CHECK(order_status(order) == OrderStatus::planned);  // a planned date was given
    CHECK(order.value(O::instructions) == "Send it in");
    CHECK(order_number(fx.desk, order) == "42-1");
    CHECK(fx.inc().events.back().type == kTransferEventType);

    // A second order: the incident stays Transferred; the order is number 2.
    fx.transfer(OrderType::parts_loan, "");
    CHECK(fx.inc().status == IncidentStatus::transferred);
    CHECK(order_number(fx.desk, fx.order(1)) == "42-2");
    CHECK(order_status(fx.order(1)) == OrderStatus::open);
}

TEST_CASE("transfer: what each type needs; an archived incident is not transferred") {
    Fixture fx;
    // An on-site visit goes somewhere; a subcontract goes to someone.
    auto on_site = plan_transfer(fx.desk, fx.inc(), {OrderType::service_order, "", "", "", "", ""});
    REQUIRE(on_site.ok());
    CHECK(fx.try_apply((*on_site)[0].mint(fx.f, "u:agent", ++fx.now)).error.code == "missing_address");
    auto subcontract = plan_transfer(fx.desk, fx.inc(), {OrderType::subcontract, "", "", "", "", ""});
    CHECK(fx.try_apply((*subcontract)[0].mint(fx.f, "u:agent", ++fx.now)).error.code == "missing_subcontractor");
    CHECK(fx.desk.entities(EntityKind::order).empty());
    CHECK(fx.inc().status == IncidentStatus::registered);

    // An order made offline for an incident archived meanwhile is kept (a refused create
    // would stay on its replica for ever), but it changes no more: the server refuses it.
    auto late = plan_transfer(fx.desk, fx.inc(), {OrderType::parts_loan, "", "", "", "", ""});
    REQUIRE(late.ok());
    fx.apply(fx.f.transition("u:agent", ++fx.now, fx.incident, IncidentStatus::closed));
    fx.apply(fx.f.transition("u:agent", ++fx.now, fx.incident, IncidentStatus::archived));
    CHECK(plan_transfer(fx.desk, fx.inc(), {}).error().code == "archived");
    fx.apply((*late)[0].mint(fx.f, "u:agent", ++fx.now));
    const Principal agent{"agent", "A", Role::agent};
    CHECK(authorize_operation(agent, fx.f.set_field("u:agent", ++fx.now, EntityKind::order, fx.order().id, O::planned,
                                                    "2025-12-01"),
                              fx.desk)
              .error()
              .code == "archived");
    CHECK(plan_order_update(fx.desk, fx.order(), OrderStatus::cancelled, "Too late").error().code == "archived");
}

TEST_CASE("transfer: a solved incident is not transferred") {
    Fixture fx;
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::actual_problem, "Door seal"));
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::actual_solution, "New seal"));
    fx.apply(fx.f.transition("u:agent", ++fx.now, fx.incident, IncidentStatus::in_progress));
    fx.apply(fx.f.transition("u:agent", ++fx.now, fx.incident, IncidentStatus::solved));
    CHECK(plan_transfer(fx.desk, fx.inc(), {}).error().code == "transfer_not_allowed");
}

TEST_CASE("order status: the table and its guards") {
    using S = OrderStatus;
    CHECK(is_allowed_order_transition(S::open, S::planned));
    CHECK(is_allowed_order_transition(S::planned, S::done));
    CHECK_FALSE(is_allowed_order_transition(S::open, S::done));
    for (S to : {S::open, S::planned, S::in_progress, S::done, S::cancelled}) {
        CHECK_FALSE(is_allowed_order_transition(S::done, to));
        CHECK_FALSE(is_allowed_order_transition(S::cancelled, to));
    }

    Fixture fx;
    fx.transfer(OrderType::service_order, "");
    const std::string id = fx.order().id;
    auto set = [&](FieldId field, std::string value) {
        return fx.try_apply(fx.f.set_field("u:agent", ++fx.now, EntityKind::order, id, field, std::move(value)));
    };
    CHECK(set(O::status, "done").error.code == "order_transition_not_allowed");
    CHECK(set(O::status, "planned").error.code == "guard_planned_date");
    CHECK(set(O::technician, "").kind == ApplyKind::applied);
    CHECK(set(O::status, "in_progress").error.code == "guard_technician");
    CHECK(set(O::technician, "tfletcher").kind == ApplyKind::applied);
    CHECK(set(O::status, "in_progress").kind == ApplyKind::applied);
    CHECK(plan_order_update(fx.desk, fx.order(), S::done, "").error().code == "guard_outcome");
    CHECK(set(O::type, "parts_loan").error.code == "order_fixed");
    CHECK(set(O::status, "cancelled").error.code == "guard_outcome");
    CHECK(order_status(fx.order()) == S::in_progress);
}

TEST_CASE("order outcome: done comes back to the incident as an event, In progress again, then it can be solved") {
    Fixture fx;
    fx.transfer(OrderType::workshop_repair);
    fx.transfer(OrderType::parts_loan, "");
    REQUIRE(fx.inc().status == IncidentStatus::transferred);

    // The loan is cancelled: the incident still waits for the repair.
    fx.commit(plan_order_update(fx.desk, fx.order(1), OrderStatus::cancelled, "Customer has a spare"));
    CHECK(fx.inc().status == IncidentStatus::transferred);

    auto plan = plan_order_update(fx.desk, fx.order(0), OrderStatus::done, "Compressor replaced");
    REQUIRE(plan.ok());
    CHECK(plan->back().type == OpType::transition);
    CHECK(plan->back().to == IncidentStatus::in_progress);
    fx.commit(plan);
    CHECK(order_status(fx.order()) == OrderStatus::done);
    CHECK(fx.order().value(O::outcome) == "Compressor replaced");
    CHECK(fx.inc().status == IncidentStatus::in_progress);
    const Event& back = fx.inc().events.back();
    CHECK(back.type == kTransferEventType);
    CHECK(back.text == "42-1 \xc2\xb7 Workshop repair (RMA) \xe2\x86\x92 Done\nCompressor replaced");

    // A done order is the record of what happened.
    CHECK(plan_order_update(fx.desk, fx.order(), OrderStatus::in_progress, "x").error().code == "order_finished");
    CHECK(fx.try_apply(fx.f.set_field("u:agent", ++fx.now, EntityKind::order, fx.order().id, O::outcome, "x"))
              .error.code == "order_finished");

    // From In progress the incident is solved as any other.
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::actual_problem, "Compressor failed"));
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::actual_solution, "Replaced in the workshop"));
    CHECK(fx.try_apply(fx.f.transition("u:agent", ++fx.now, fx.incident, IncidentStatus::solved)).kind ==
          ApplyKind::applied);

    // The order's changes read in its transaction log.
    const auto log = render_transaction_log(fx.desk, fx.order());
    CHECK(std::any_of(log.begin(), log.end(), [](const auto& e) { return e.field == "order_status" && e.new_value == "done"; }));
}

TEST_CASE("orders: the desk transfers; a technician updates the orders they carry out, and sees their incidents' only") {
    Fixture fx;
    fx.transfer(OrderType::service_order);
    const Entity& order = fx.order();
    const Principal agent{"agent", "A", Role::agent}, tom{"tfletcher", "T", Role::technician},
        other{"jdoe", "J", Role::technician};
    OpFactory f("rt");
    const Operation status = f.set_field(tom.actor(), kBaseMs, EntityKind::order, order.id, O::status, "in_progress");
    const Operation planned = f.set_field(tom.actor(), kBaseMs, EntityKind::order, order.id, O::planned, "2025-12-01");
    // The incident is not Tom's yet: he neither sees nor changes its order.
    CHECK_FALSE(TechnicianScope(tom, fx.desk).contains(order));
    CHECK(authorize_operation(tom, status, fx.desk).error().code == "forbidden_incident");
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::assignee, "tfletcher"));
    CHECK(TechnicianScope(tom, fx.desk).contains(order));
    CHECK_FALSE(TechnicianScope(other, fx.desk).contains(order));
    CHECK(authorize_operation(tom, status, fx.desk).ok());
    CHECK(authorize_operation(tom, planned, fx.desk).error().code == "forbidden_order");
    // Transfers are the desk's.
    const Operation create = f.create(tom.actor(), kBaseMs, EntityKind::order,
                                      {{O::incident, fx.incident}, {O::type, "parts_loan"}});
    CHECK(authorize_operation(tom, create, fx.desk).error().code == "forbidden_role");
    Operation by_agent = create;
    by_agent.actor = agent.actor();
    CHECK(authorize_operation(agent, by_agent, fx.desk).ok());
}

TEST_CASE("billing: decided from coverage on the day of registration, overridden only with a reason") {
    Fixture fx;
    const std::string account = fx.make(EntityKind::account, {{AccountField::name, "Pharmacy"}});
    const std::string contract = fx.make(EntityKind::contract, {{ContractField::account, account},
                                                                {ContractField::name, "ColdChain 118"},
                                                                {ContractField::start, "2025-01-01"},
                                                                {ContractField::end, "2025-12-31"}});
    const std::string unit = fx.make(EntityKind::unit, {{UnitField::serial, "LEC-1"}, {UnitField::account, account},
                                                        {UnitField::warranty_end, "2025-06-30"}});

    // No unit: billable.
    CHECK(billing_decision(fx.desk, fx.inc()).billable);
    // Warranty ended before the day, no contract: billable.
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::unit, unit));
    CHECK(billing_decision(fx.desk, fx.inc()).coverage == Coverage::none);
    // Covered by a contract in force that day: not billable.
    fx.apply(fx.f.set_field("u:agent", ++fx.now, EntityKind::unit, unit, UnitField::contract, contract));
    BillingDecision d = billing_decision(fx.desk, fx.inc());
    CHECK(d.coverage == Coverage::contract);
    CHECK(d.contract == "ColdChain 118");
    CHECK_FALSE(d.billable);
    CHECK(d.day == "2025-11-24");
    // In warranty on the day (the warranty registered with the incident).
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::unit_warranty_end, "2025-11-24"));
    CHECK(billing_decision(fx.desk, fx.inc()).coverage == Coverage::warranty);

    // Overriding needs a reason: the plan says so, and so does the desk.
    CHECK(plan_billing(fx.inc(), true, " ").error().code == "missing_billing_reason");
    CHECK(fx.try_apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::billing, "billable")).error.code ==
          "missing_billing_reason");
    fx.commit(plan_billing(fx.inc(), true, "Damage by the customer"));
    d = billing_decision(fx.desk, fx.inc());
    CHECK(d.billable);
    CHECK(d.overridden);
    // Back to the coverage's decision.
    fx.commit(plan_billing(fx.inc(), std::nullopt, ""));
    CHECK_FALSE(billing_decision(fx.desk, fx.inc()).billable);

    // A contract that is not in force that day covers nothing.
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::unit_warranty_end, ""));
    fx.apply(fx.f.set_field("u:agent", ++fx.now, EntityKind::unit, unit, UnitField::warranty_end, ""));
    fx.apply(fx.f.set_field("u:agent", ++fx.now, EntityKind::contract, contract, ContractField::start, "2025-12-01"));
    CHECK(billing_decision(fx.desk, fx.inc()).billable);
}

TEST_CASE("desk: a snapshot written before a default event type existed gets it on load") {
    Desk desk;
    Desk::Parts parts = desk.parts();
    std::erase_if(parts.entities, [](const Entity& e) { return e.kind == EntityKind::event_type && e.id == kTransferEventType; });
    auto loaded = Desk::from_parts(std::move(parts));
    REQUIRE(loaded.ok());
    CHECK(loaded->find_event_type(kTransferEventType) != nullptr);
}

TEST_CASE("transfer: the unit's subcontract agreement names the subcontractor; the unit's site is the address") {
    Fixture fx;
    const std::string account = fx.make(EntityKind::account, {{AccountField::name, "Pharmacy"}});
    const std::string contract = fx.make(EntityKind::contract, {{ContractField::account, account},
                                                                {ContractField::name, "ColdFix Ltd"},
                                                                {ContractField::coverage, "subcontract"},
                                                                {ContractField::terms, "Next-day visit"}});
    const std::string unit = fx.make(EntityKind::unit, {{UnitField::serial, "LEC-1"}, {UnitField::account, account},
                                                        {UnitField::contract, contract},
                                                        {UnitField::install_address, "Back room, 3 Mill Lane"}});
    fx.apply(fx.f.set_field("u:agent", ++fx.now, fx.incident, F::unit, unit));

    REQUIRE(subcontract_agreement(fx.desk, unit) != nullptr);
    const TransferRequest r = transfer_defaults(fx.desk, fx.inc(), OrderType::subcontract);
    CHECK(r.subcontractor == "ColdFix Ltd");
    CHECK(r.address == "Back room, 3 Mill Lane");
    // A subcontract agreement is no coverage of the customer's: billable.
    CHECK(billing_decision(fx.desk, fx.inc()).billable);
    fx.commit(plan_transfer(fx.desk, fx.inc(), r));
    CHECK(fx.order().value(O::subcontractor) == "ColdFix Ltd");
}
