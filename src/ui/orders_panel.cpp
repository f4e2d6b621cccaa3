// Orders and billing (W8, W9), on the incident's Summary: whether it is billed and
// why (the override with its reason), the entitlement it draws on (S7), the orders it was transferred to (number, type,
// status; choosing one opens its update: new status and outcome note), and
// "Transfer…", which opens the form for a new order (type, address, planned date,
// technician, subcontractor, instructions).
#include "app/i18n.hpp"
#include "core/authorization.hpp"
#include "ui/field_form.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/work_panels.hpp"

namespace hotline::ui {
namespace {

constexpr float kFieldEm = 16.0f;

std::string billing_text(const BillingDecision& d) {
    std::string why(app::tr("no coverage"));
    if (d.coverage == Coverage::warranty) why = app::tr("in warranty");
    if (d.coverage == Coverage::contract) why = app::tr_format("covered by {}", {d.contract});
    return app::tr_format(d.billable ? "billing.billable" : "billing.not_billable", {why});
}

// S7: the entitlement it draws on, or why it does not.
void draw_entitlement(const Desk& desk, const Incident& inc) {
    const Entity* contract = desk.find(EntityKind::contract, inc.value(IncidentField::entitlement));
    if (!contract) return;
    const std::string name(contract->value(ContractField::name));
    const std::string_view waiver = inc.value(IncidentField::entitlement_waiver);
    text_muted(waiver.empty() ? app::tr_format("entitlement.drawn", {name})
                              : app::tr_format("entitlement.waived", {name, std::string(waiver)}));
}

void draw_billing(Context& ctx, const Incident& inc, bool editable) {
    const BillingDecision d = billing_decision(ctx.app.desk(), inc);
    text(billing_text(d));
    draw_entitlement(ctx.app.desk(), inc);
    if (d.overridden) {
        ImGui::SameLine();
        text_muted(app::tr_format("billing.overridden", {inc.value(IncidentField::billing_reason)}));
    }
    if (!editable) return;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kFieldEm);
    input_text("##billing_reason", ctx.app.orders().billing_reason(), 0, T("Why it differs").c_str());
    name_last_item(T("Billing reason").c_str());
    ImGui::SameLine();
    if (ImGui::Button(T(d.billable ? "Do not bill" : "Bill anyway").c_str()))
        ctx.app.set_billing(!d.billable, ctx.now_ms);
    if (d.overridden) {
        ImGui::SameLine();
        if (ImGui::Button(T("Bill by coverage").c_str())) ctx.app.set_billing(std::nullopt, ctx.now_ms);
    }
}

void draw_transfer_form(Context& ctx) {
    TransferRequest& r = ctx.app.orders().request();
    const std::string preview = T(order_type_label(r.type));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kFieldEm);
    const bool open = ImGui::BeginCombo("##order_type", preview.c_str());
    name_last_item(T("Order type").c_str());
    if (open) {
        for (std::size_t i = 0; i < std::size(kOrderTypeNames); ++i) {
            const auto type = static_cast<OrderType>(i);
            if (combo_item(T(order_type_label(type)).c_str(), type == r.type)) r.type = type;
        }
        ImGui::EndCombo();
    }
    const auto field = [](const char* id, const char* name, std::string& value, const char* hint) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * kFieldEm);
        input_text(id, value, 0, hint);
        name_last_item(name);
    };
    field("##order_address", T("Address").c_str(), r.address, T("Address").c_str());
    ImGui::SameLine();
    field("##order_planned", T("Planned date").c_str(), r.planned, "YYYY-MM-DD");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kFieldEm);
    ref_input("##order_technician", T("Technician").c_str(), ctx.app.desk(), EntityKind::staff_profile, false,
              r.technician, false);
    ImGui::SameLine();
    field("##order_subcontractor", T("Subcontractor").c_str(), r.subcontractor, T("Subcontractor").c_str());
    field("##order_instructions", T("Instructions").c_str(), r.instructions, T("Instructions").c_str());
    if (accent_button(T("Create order").c_str())) ctx.app.transfer(ctx.now_ms);
    ImGui::SameLine();
    if (ImGui::Button(T("Cancel").c_str())) ctx.app.orders().close_transfer();
}

// The chosen order's update: its next status and the outcome note.
void draw_order_update(Context& ctx, const Entity& order) {
    app::OrdersForm& form = ctx.app.orders();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    const bool open = ImGui::BeginCombo("##order_status", T(order_status_label(form.status())).c_str());
    name_last_item(T("Order status").c_str());
    if (open) {
        const OrderStatus now = order_status(order);
        if (combo_item(T(order_status_label(now)).c_str(), form.status() == now)) form.status() = now;
        for (OrderStatus to : allowed_order_targets(now))
            if (combo_item(T(order_status_label(to)).c_str(), form.status() == to)) form.status() = to;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kFieldEm * 1.5f);
    input_text("##order_outcome", form.outcome(), 0, T("What came of it").c_str());
    name_last_item(T("Outcome").c_str());
    ImGui::SameLine();
    if (accent_button(T("Update order").c_str())) ctx.app.update_order(ctx.now_ms);
}

// May the signed-in person update `order` (authorization.hpp: the desk, or its technician)?
bool may_update(const Principal& who, const Entity& order) {
    return who.role != Role::technician || order.value(OrderField::technician) == who.login;
}

void draw_orders(Context& ctx, const Incident& inc, bool editable) {
    const Desk& desk = ctx.app.desk();
    app::OrdersForm& form = ctx.app.orders();
    const auto orders = orders_of(desk, inc.id);
    if (orders.empty()) text_muted(app::tr("No orders"));
    for (const Entity* order : orders) {
        const OrderStatus status = order_status(*order);
        const std::string number = order_number(desk, *order);
        std::string line = T(order_type_label(order_type(*order))) + " \xc2\xb7 " +
                           T(order_status_label(status));
        if (!order->value(OrderField::planned).empty()) line += " \xc2\xb7 " + std::string(order->value(OrderField::planned));
        const bool can = editable && !is_finished(status) && may_update(ctx.app.principal(), *order);
        ImGui::BeginDisabled(!can);
        if (ImGui::Selectable((number + "##order").c_str(), form.chosen() == order->id, 0,
                              ImVec2(ImGui::GetFontSize() * 6, 0)))
            form.choose(order->id);
        name_last_item(number.c_str());
        ImGui::EndDisabled();
        ImGui::SameLine();
        text(line);
        if (is_finished(status) && !order->value(OrderField::outcome).empty())
            text_muted("    " + std::string(order->value(OrderField::outcome)));
        if (can && form.chosen() == order->id) draw_order_update(ctx, *order);
    }
}

}  // namespace

void draw_orders_panel(Context& ctx, bool editable) {
    const Incident* inc = ctx.app.editor().incident();
    if (!inc) return;
    app::OrdersForm& form = ctx.app.orders();
    form.follow(ctx.app.editor().row());
    text_coloured(palette().accent, app::tr("Orders and billing"));
    ImGui::Separator();
    draw_billing(ctx, *inc, editable);
    draw_orders(ctx, *inc, editable);
    if (!editable || !kind_spec(EntityKind::order).may_create.contains(ctx.app.principal().role)) return;
    if (form.transfer_open()) draw_transfer_form(ctx);
    else if (ImGui::Button(T("Transfer\xe2\x80\xa6").c_str())) ctx.app.open_transfer(OrderType::service_order);
}

}  // namespace hotline::ui
