// The open incident's orders and billing through the App (app_orders.cpp): a transfer
// from the form, the order updated to Done with its note (the incident back In progress,
// the order's changes in the incident's transaction log), a billing override that leaves
// no unsaved Summary edit behind, and a technician who may not transfer.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/app.hpp"
#include "app/incident_rows.hpp"
#include "app_test_support.hpp"

using namespace hotline;
using namespace hotline::app;
using namespace hotline::testing;

TEST_CASE("app: transfer to a workshop repair, then the order done brings the incident back") {
    auto dir = fresh_dir("app-orders");
    auto app = open_app(dir);
    const std::uint32_t row = open_new_incident(*app, "Fridge too warm");
    const Incident& inc = app->list().incident(row);

    REQUIRE(app->open_transfer(OrderType::workshop_repair));
    app->orders().request().planned = "2025-11-30";
    REQUIRE_MESSAGE(app->transfer(kBaseMs + 2000), app->message().text);
    CHECK(app->message().text == "Transferred to Workshop repair (RMA)");
    CHECK(inc.status == IncidentStatus::transferred);
    CHECK_FALSE(app->orders().transfer_open());
    const auto orders = orders_of(app->desk(), inc.id);
    REQUIRE(orders.size() == 1);

    app->orders().choose(orders[0]->id);
    app->orders().status() = OrderStatus::done;
    CHECK_FALSE(app->update_order(kBaseMs + 3000));
    CHECK(app->message().code == "guard_outcome");
    CHECK(order_status(*orders[0]) == OrderStatus::planned);  // a refusal writes nothing, not even the note
    app->orders().outcome() = "Compressor replaced";
    REQUIRE_MESSAGE(app->update_order(kBaseMs + 4000), app->message().text);
    CHECK(inc.status == IncidentStatus::in_progress);
    CHECK(inc.events.back().text.ends_with("\nCompressor replaced"));
    const auto log = log_rows(app->desk(), inc, 0);
    CHECK(std::any_of(log.begin(), log.end(), [&](const LogRow& r) {
        return r.field == "Order " + order_number(app->desk(), *orders[0]) + ": Order status" && r.new_value == "Done";
    }));
}

TEST_CASE("app: billing overridden with a reason; the Summary has no unsaved edit after it") {
    auto dir = fresh_dir("app-billing");
    auto app = open_app(dir);
    const std::uint32_t row = open_new_incident(*app, "Fridge too warm");
    app->orders().follow(row);
    CHECK_FALSE(app->set_billing(false, kBaseMs + 2000));
    CHECK(app->message().code == "missing_billing_reason");
    app->orders().billing_reason() = "Goodwill";
    REQUIRE_MESSAGE(app->set_billing(false, kBaseMs + 2000), app->message().text);
    CHECK_FALSE(billing_decision(app->desk(), app->list().incident(row)).billable);
    CHECK_FALSE(app->editor().has_unsaved_edits());
}

TEST_CASE("app: a technician does not transfer") {
    auto dir = fresh_dir("app-orders-tech");
    auto app = open_app(dir, {}, kBaseMs, Role::technician);
    open_new_incident(*app, "Fridge too warm");
    CHECK_FALSE(app->open_transfer(OrderType::service_order));
    CHECK(app->message().code == "forbidden_role");
    CHECK_FALSE(app->orders().transfer_open());
}
