// The open incident's orders (W8) and billing (W9): the Transfer form (the order's
// type and what it needs), the order chosen to be updated (its new status and outcome
// note), the billing override's reason, and the commands that commit what
// core/transfer.hpp and core/billing.hpp plan, one operation after another. Like the
// assignment form, it follows the incident shown and starts over for another one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/list_model.hpp"
#include "app/replica.hpp"
#include "core/billing.hpp"
#include "core/transfer.hpp"

namespace hotline::app {

class OrdersForm {
public:
    OrdersForm(Replica& replica, ListModel& list, std::string actor);

    void follow(std::optional<std::uint32_t> row);

    // Transfer: opening it (or choosing another type) starts from transfer_defaults().
    bool transfer_open() const { return transfer_open_; }
    void open_transfer(OrderType type);
    void close_transfer() { transfer_open_ = false; }
    TransferRequest& request() { return request_; }
    const TransferRequest& request() const { return request_; }
    Outcome transfer(std::int64_t now_ms);

    // The order being updated (empty: none); choosing one loads its status and note.
    const std::string& chosen() const { return chosen_; }
    void choose(const std::string& order_id);
    OrderStatus& status() { return status_; }
    OrderStatus status() const { return status_; }
    std::string& outcome() { return outcome_; }
    const std::string& outcome() const { return outcome_; }
    Outcome update_order(std::int64_t now_ms);

    std::string& billing_reason() { return billing_reason_; }
    const std::string& billing_reason() const { return billing_reason_; }
    Outcome set_billing(std::optional<bool> billable, std::int64_t now_ms);

private:
    Outcome commit(const Result<Plan>& plan, std::int64_t now_ms);

    Replica& replica_;
    ListModel& list_;
    std::string actor_;
    std::optional<std::uint32_t> row_;
    bool transfer_open_ = false;
    TransferRequest request_;
    std::string chosen_;
    OrderStatus status_ = OrderStatus::open;
    std::string outcome_;
    std::string billing_reason_;
};

}  // namespace hotline::app
