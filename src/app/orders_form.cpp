#include "app/orders_form.hpp"

#include "app/i18n.hpp"

namespace hotline::app {
namespace {
// Event texts are written in the writer's language, as a note typed by hand would be.
std::string say_translated(std::string_view english) { return std::string(tr(english)); }
}  // namespace

OrdersForm::OrdersForm(Replica& replica, ListModel& list, std::string actor)
    : replica_(replica), list_(list), actor_(std::move(actor)) {}

void OrdersForm::follow(std::optional<std::uint32_t> row) {
    if (row == row_) return;
    row_ = row;
    transfer_open_ = false;
    chosen_.clear();
    outcome_.clear();
    billing_reason_ = row_ ? std::string(list_.incident(*row_).value(IncidentField::billing_reason)) : std::string();
}

void OrdersForm::open_transfer(OrderType type) {
    if (!row_) return;
    request_ = transfer_defaults(replica_.desk(), list_.incident(*row_), type);
    transfer_open_ = true;
}

Outcome OrdersForm::commit(const Result<Plan>& plan, std::int64_t now_ms) {
    if (!plan) return plan.error();
    // Each step is judged by the desk like any other; the first refusal stops the rest.
    Outcome done;
    for (const PlanStep& step : *plan) {
        done = replica_.commit([&](OpFactory& f) { return step.mint(f, actor_, now_ms); });
        if (!done) break;
    }
    if (row_) list_.row_changed(*row_);
    return done;
}

Outcome OrdersForm::transfer(std::int64_t now_ms) {
    if (!row_) return make_error("no_incident", std::string(tr("No incident is open")));
    const Outcome done = commit(plan_transfer(replica_.desk(), list_.incident(*row_), request_, say_translated), now_ms);
    if (done) transfer_open_ = false;
    return done;
}

void OrdersForm::choose(const std::string& order_id) {
    const Entity* order = replica_.desk().find(EntityKind::order, order_id);
    chosen_ = order ? order_id : std::string();
    status_ = order ? order_status(*order) : OrderStatus::open;
    outcome_ = order ? std::string(order->value(OrderField::outcome)) : std::string();
}

Outcome OrdersForm::update_order(std::int64_t now_ms) {
    const Entity* order = chosen_.empty() ? nullptr : replica_.desk().find(EntityKind::order, chosen_);
    if (!order) return make_error("no_order", std::string(tr("Choose an order first")));
    const Outcome done = commit(plan_order_update(replica_.desk(), *order, status_, outcome_, say_translated), now_ms);
    if (done) choose(chosen_);
    return done;
}

Outcome OrdersForm::set_billing(std::optional<bool> billable, std::int64_t now_ms) {
    if (!row_) return make_error("no_incident", std::string(tr("No incident is open")));
    return commit(plan_billing(list_.incident(*row_), billable, billable ? billing_reason_ : std::string()), now_ms);
}

}  // namespace hotline::app
