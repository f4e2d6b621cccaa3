// App commands on the open incident's orders (W8) and billing (W9).
#include "app/app.hpp"
#include "app/i18n.hpp"
#include "core/authorization.hpp"

namespace hotline::app {

bool App::open_transfer(OrderType type) {
    // The server would refuse it (schema: who creates orders): say so now.
    if (!kind_spec(EntityKind::order).may_create.contains(principal_.role))
        return report(make_error("forbidden_role", std::string(tr("Your role may not transfer incidents"))), {});
    orders_.follow(editor_.row());
    orders_.open_transfer(type);
    return true;
}

bool App::transfer(std::int64_t now_ms) {
    orders_.follow(editor_.row());
    const Outcome done = orders_.transfer(now_ms);
    return report(done, done ? tr_format("Transferred to {}", {tr(order_type_label(orders_.request().type))}) : "");
}

bool App::update_order(std::int64_t now_ms) {
    orders_.follow(editor_.row());
    return report(orders_.update_order(now_ms), tr("Order updated"));
}

bool App::set_billing(std::optional<bool> billable, std::int64_t now_ms) {
    orders_.follow(editor_.row());
    const Outcome done = orders_.set_billing(billable, now_ms);
    editor_.rebase();  // the Summary's draft takes the billing just written (IncidentEditor::rebase)
    return report(done, tr("Billing saved"));
}

}  // namespace hotline::app
