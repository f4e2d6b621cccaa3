// App::state_json: what the screen shows, for the browser tests' driver. Texts
// are the displayed (translated) ones, so a test reads what a person reads.
#include <nlohmann/json.hpp>

#include "app/admin_state.hpp"
#include "app/app.hpp"
#include "app/display.hpp"
#include "app/incident_rows.hpp"
#include "app/sla_display.hpp"
#include "app/knowledge_state.hpp"
#include "core/assignment.hpp"
#include "core/queues.hpp"
#include "core/relations.hpp"
#include "core/stages.hpp"
#include "core/workflow.hpp"

namespace hotline::app {
namespace {

constexpr std::size_t kRowsReported = 50;

std::string_view screen_name(Screen s) {
    switch (s) {
        case Screen::list: return "list";
        case Screen::detail: return "detail";
        case Screen::create: return "create";
        case Screen::settings: return "settings";
        case Screen::conflicts: return "conflicts";
        case Screen::admin: return "admin";
        case Screen::knowledge: return "knowledge";
        case Screen::notifications: return "notifications";
        case Screen::queues: return "queues";
    }
    return "?";
}

std::string_view tab_name(DetailTab t) {
    switch (t) {
        case DetailTab::summary: return "summary";
        case DetailTab::timeline: return "timeline";
        case DetailTab::log: return "log";
    }
    return "?";
}

nlohmann::json list_row(const Desk& desk, const ListModel& list, std::uint32_t row, LocalZone zone) {
    const Incident& inc = list.incident(row);
    const SlaStatus sla = list.sla_status(row, list.sla_now());
    return {{"number", inc.number.display()},
            {"title", inc.value(IncidentField::title)},
            {"customer", inc.value(IncidentField::customer_name)},
            {"priority", priority_text(inc.priority())},
            {"status", status_text(inc.status)},
            {"assignee", assignee_name(desk, inc)},
            {"updated", format_date_time(inc.updated_ms, zone)},
            {"due", sla_countdown(sla)},
            {"sla", sla_state_name(sla.state)}};
}

nlohmann::json field_values(const Draft& draft) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& spec : fields_of(draft.kind())) fields[std::string(spec.name)] = draft.value(spec.id);
    return fields;
}

nlohmann::json field_errors(const Draft& draft) {
    nlohmann::json errors = nlohmann::json::object();
    for (const auto& spec : fields_of(draft.kind()))
        if (!draft.error(spec.id).empty()) errors[std::string(spec.name)] = draft.error(spec.id);
    return errors;
}

// W14: the stage bar as the tests read it; stages by their place (0 Register .. 5 Close).
nlohmann::json stage_json(const Incident& inc) {
    const StageGuide guide = stage_guide(inc);
    nlohmann::json missing = nlohmann::json::array();
    for (const Error& e : guide.missing) missing.push_back(e.code);
    return {{"current", static_cast<int>(guide.current)},
            {"finished", guide.finished},
            {"transferred", guide.transferred},
            {"next", guide.next ? nlohmann::json(status_text(*guide.next)) : nlohmann::json(nullptr)},
            {"missing", std::move(missing)}};
}

nlohmann::json incident_json(const Desk& desk, const Incident& inc, LocalZone zone) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& spec : fields_of(inc.kind)) fields[std::string(spec.name)] = inc.value(spec.id);
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : timeline_rows(desk, inc, zone))
        events.push_back({{"time", e.time},
                          {"type", e.type},
                          {"author", e.author},
                          {"author_login", e.author_login},
                          {"text", e.text},
                          {"from", e.from}});
    nlohmann::json log = nlohmann::json::array();
    for (const auto& r : log_rows(desk, inc, zone))
        log.push_back({{"time", r.time}, {"field", r.field}, {"author", r.author}, {"author_login", r.author_login},
                       {"old", r.old_value},
                       {"new", r.new_value}, {"superseded", r.superseded}});
    nlohmann::json actions = nlohmann::json::array();
    if (check_editable(inc))
        for (IncidentStatus to : allowed_targets(inc.status)) actions.push_back(status_text(to));
    return {{"id", inc.id},         {"number", inc.number.display()}, {"title", inc.value(IncidentField::title)},
            {"status", status_text(inc.status)}, {"fields", std::move(fields)}, {"events", std::move(events)},
            {"log", std::move(log)}, {"actions", std::move(actions)}, {"stage", stage_json(inc)}};
}

// W12: the Related incidents panel, by number.
nlohmann::json relations_json(const Desk& desk, const Incident& inc, const MergeRequest& merge) {
    const auto numbers = [](const std::vector<const Incident*>& list, std::size_t from) {
        nlohmann::json out = nlohmann::json::array();
        for (std::size_t i = from; i < list.size(); ++i) out.push_back(list[i]->number.display());
        return out;
    };
    const Incident* parent = parent_of(desk, inc);
    const Incident* survivor = resolved_incident(desk, inc.value(IncidentField::merged_into));
    const Incident* target = merge.incident == inc.id ? desk.find(merge.target) : nullptr;
    return {{"parent", parent ? nlohmann::json(parent->number.display()) : nlohmann::json(nullptr)},
            {"children", numbers(children_of(desk, inc), 0)},
            {"merged_into", survivor ? nlohmann::json(survivor->number.display()) : nlohmann::json(nullptr)},
            {"merged", numbers(merged_family(desk, inc), 1)},
            {"merge_confirm", target ? nlohmann::json(target->number.display()) : nlohmann::json(nullptr)}};
}

// The Work panel: who holds the incident, what the assignment form holds, time spent.
nlohmann::json work_json(const Desk& desk, const Incident& inc, const AssignmentForm& form,
                         const TimeTracker::View& time) {
    nlohmann::json totals = nlohmann::json::array();
    for (const TimeSpent& t : time.totals)
        totals.push_back({{"person", t.person}, {"minutes", t.minutes}, {"running", t.running}});
    return {{"department", department_name(desk, inc)},
            {"assignee", assignee_name(desk, inc)},
            {"choice", {{"department", form.choice().department}, {"assignee", form.choice().assignee}}},
            {"reason", form.reason()},
            {"queue", std::string(inc.value(IncidentField::queue))},
            {"waiting", waits_in_queue(inc)},
            {"queue_choice", form.queue()},
            {"timer_running", time.incident_id == inc.id && time.running},
            {"time", std::move(totals)}};
}

// The Orders panel (W8, W9): the incident's orders as shown, what the forms hold, billing.
nlohmann::json orders_json(const Desk& desk, const Incident& inc, const OrdersForm& form) {
    nlohmann::json orders = nlohmann::json::array();
    for (const Entity* o : orders_of(desk, inc.id))
        orders.push_back({{"id", o->id},
                          {"number", order_number(desk, *o)},
                          {"type", tr(order_type_label(order_type(*o)))},
                          {"status", tr(order_status_label(order_status(*o)))},
                          {"planned", o->value(OrderField::planned)},
                          {"technician", o->value(OrderField::technician)},
                          {"subcontractor", o->value(OrderField::subcontractor)},
                          {"outcome", o->value(OrderField::outcome)}});
    const BillingDecision billing = billing_decision(desk, inc);
    return {{"orders", std::move(orders)},
            {"transfer_open", form.transfer_open()},
            {"request", {{"type", order_type_name(form.request().type)}, {"address", form.request().address},
                         {"planned", form.request().planned}, {"technician", form.request().technician},
                         {"subcontractor", form.request().subcontractor}}},
            {"chosen", form.chosen()},
            {"billing", {{"billable", billing.billable}, {"overridden", billing.overridden},
                         {"coverage", billing.coverage == Coverage::warranty   ? "warranty"
                                      : billing.coverage == Coverage::contract ? "contract"
                                                                               : "none"},
                         {"reason", inc.value(IncidentField::billing_reason)}}}};
}

std::string_view new_record_name(NewRecord what) {
    switch (what) {
        case NewRecord::account: return "account";
        case NewRecord::contact: return "contact";
        case NewRecord::unit: return "unit";
    }
    return "?";
}

nlohmann::json record_ref(const Entity* e, FieldId name) {
    if (!e) return nullptr;
    return {{"id", e->id}, {"name", e->value(name)}};
}

// The registration part of the new-incident form (ui/registration_panel.cpp).
nlohmann::json registration_json(const Desk& desk, const Registration& reg) {
    const RegistrationView& v = reg.view();
    nlohmann::json callers = nlohmann::json::array();
    for (const CustomerMatch& m : v.callers)
        callers.push_back({{"kind", m.kind == EntityKind::contact ? "contact" : "account"},
                           {"name", m.record->value(m.kind == EntityKind::contact ? FieldId(ContactField::name)
                                                                                  : FieldId(AccountField::name))},
                           {"account", m.account ? m.account->value(AccountField::name) : std::string()},
                           {"phone", m.record->value(m.kind == EntityKind::contact ? FieldId(ContactField::phone)
                                                                                   : FieldId(AccountField::phone))}});
    nlohmann::json serials = nlohmann::json::array();
    for (const Entity* u : v.serials)
        serials.push_back({{"serial", u->value(UnitField::serial)}, {"item", u->value(UnitField::item)}});
    nlohmann::json unit = nullptr;
    if (const Entity* u = reg.unit())
        unit = {{"id", u->id}, {"serial", u->value(UnitField::serial)}, {"item", u->value(UnitField::item)},
                {"warranty", v.warranty}, {"contract", v.contract}};
    nlohmann::json blocking = nlohmann::json::array();
    for (const Entity* b : v.blocking)
        blocking.push_back({{"mode", b->value(BlockingReasonField::mode)}, {"text", b->value(BlockingReasonField::text)}});
    nlohmann::json entitlements = nlohmann::json::array();
    const EntitlementUse* drawn = reg.entitlement();
    for (const EntitlementUse& use : v.entitlements)
        entitlements.push_back({{"id", use.contract->id}, {"text", entitlement_text(use)}, {"left", use.left()},
                                {"drawn", &use == drawn}});
    nlohmann::json related = nlohmann::json::array();
    for (std::uint32_t row : v.related) {
        const Incident& inc = desk.incidents()[row];
        related.push_back({{"id", inc.id}, {"number", inc.number.display()},
                           {"title", inc.value(IncidentField::title)}, {"status", status_text(inc.status)}});
    }
    return {{"caller_query", v.caller_query},
            {"callers_open", v.callers_open},
            {"callers", std::move(callers)},
            {"caller_highlight", v.caller_highlight},
            {"serial_query", v.serial_query},
            {"serials_open", v.serials_open},
            {"serials", std::move(serials)},
            {"serial_highlight", v.serial_highlight},
            {"account", record_ref(reg.account(), AccountField::name)},
            {"contact", record_ref(reg.contact(), ContactField::name)},
            {"unit", std::move(unit)},
            {"blocking", std::move(blocking)},
            {"entitlements", std::move(entitlements)},
            {"related", std::move(related)},
            {"related_highlight", v.related_highlight},
            {"new_record", v.new_record_open ? nlohmann::json(new_record_name(v.new_record)) : nlohmann::json()}};
}

// The demo's accounts with a blocking reason, so a test can look one up by
// name (the generated names depend on the demo's day).
nlohmann::json blocked_accounts(const Desk& desk) {
    nlohmann::json list = nlohmann::json::array();
    for (const Entity& b : desk.entities(EntityKind::blocking_reason))
        if (const Entity* acc = desk.find(EntityKind::account, b.value(BlockingReasonField::account)))
            list.push_back({{"account", acc->value(AccountField::name)}, {"mode", b.value(BlockingReasonField::mode)},
                            {"text", b.value(BlockingReasonField::text)}});
    return list;
}

// S2: what the incident pane's SLA lines say, and the state they are coloured by.
nlohmann::json sla_json(const ListModel& list, const Incident& inc, LocalZone zone) {
    const IncidentSla sla = incident_sla(list.sla_policies(), inc);
    const SlaStatus status = sla_status(list.sla_policies(), sla, list.sla_now());
    return {{"state", sla_state_name(status.state)},
            {"lines", sla_lines(list.sla_policies(), sla, status, inc.status, zone)}};
}

// The notification centre: the unread count the top bar shows and the newest items.
nlohmann::json notifications_json(const App& app, LocalZone zone) {
    nlohmann::json items = nlohmann::json::array();
    for (const Notification& n : app.notifications().newest(kRowsReported)) {
        const Incident& inc = app.desk().incidents()[n.row];
        items.push_back({{"number", inc.number.display()},
                         {"title", inc.value(IncidentField::title)},
                         {"text", notification_text(app.desk(), n, zone)},
                         {"time", format_date_time(n.wall_ms, zone)}});
    }
    return {{"unread", app.unread_notifications()}, {"items", std::move(items)}};
}

}  // namespace

std::string App::state_json() const {
    nlohmann::json rows = nlohmann::json::array();
    const auto& visible = list_.rows();
    for (std::size_t i = 0; i < visible.size() && i < kRowsReported; ++i)
        rows.push_back(list_row(desk(), list_, visible[i], zone_));

    nlohmann::json state = {
        {"screen", screen_name(screen_)},
        {"tab", tab_name(tab_)},
        {"theme", dark_theme_ ? "dark" : "light"},
        {"text_size", text_size_},
        {"language", language_code(language())},
        {"untranslated", missing_translations()},  // keys this language lacks, asked for so far
        {"demo", demo_},
        {"saving", has_unsaved_changes()},
        {"message", message_.text},
        {"message_is_error", message_.error},
        {"message_code", message_.code},
        {"query", list_.query()},
        {"rows", std::move(rows)},
        {"notifications", notifications_json(*this, zone_)},
        {"row_count", visible.size()},
        {"total", list_.total()},
        {"selected", nullptr},
        {"confirm_leave", leave_asked_},
    };
    if (auto row = list_.selected()) {
        nlohmann::json selected = incident_json(desk(), list_.incident(*row), zone_);
        if (editor_.row() == row) {
            selected["draft"] = field_values(editor_.draft());
            selected["errors"] = field_errors(editor_.draft());
            selected["unsaved"] = editor_.has_unsaved_edits();
            // Why it is read-only here ("archived", "handed_over"), or null.
            const Outcome workable = editor_.workable();
            selected["read_only"] = workable ? nlohmann::json(nullptr) : nlohmann::json(workable.error().code);
            selected["event_text"] = editor_.event_text();
            selected["work"] = work_json(desk(), list_.incident(*row), assignment_, timer_.view());
            selected["orders"] = orders_json(desk(), list_.incident(*row), orders_);
            selected["articles"] = incident_articles_json(*this, list_.incident(*row));
            selected["relations"] = relations_json(desk(), list_.incident(*row), merge_);
            selected["sla"] = sla_json(list_, list_.incident(*row), zone_);
        }
        state["selected"] = std::move(selected);
    }
    if (sync_) {
        const sync::SyncStatus& st = sync_->status();
        nlohmann::json conflicts = nlohmann::json::array();
        for (const auto& c : sync_->conflicts().items())
            conflicts.push_back({{"id", c.op.id.to_string()}, {"incident", c.op.entity_id}, {"code", c.reason.code}});
        state["sync"] = {{"state", sync::sync_state_name(st.state)}, {"syncing", st.syncing},
                         {"pending", st.pending}, {"last_sync_ms", st.last_sync_ms},
                         {"error", st.last_error}, {"conflicts", std::move(conflicts)},
                         {"first_sync", {{"bytes", st.first_sync_bytes}, {"bytes_total", st.first_sync_bytes_total},
                                         {"incidents", st.first_sync_incidents},
                                         {"incidents_total", st.first_sync_incidents_total}}}};
    }
    state["user"] = user_label_;
    state["admin_visible"] = sees_admin();
    if (screen_ == Screen::admin) state["admin"] = admin_state_json(*this);
    if (screen_ == Screen::knowledge) state["knowledge"] = knowledge_state_json(*this);
    if (screen_ == Screen::queues) {
        nlohmann::json queues = nlohmann::json::array();
        for (const QueueLine& line : queue_lines())
            queues.push_back({{"key", line.queue->id}, {"name", record_title(*line.queue)}, {"waiting", line.waiting}});
        state["queues"] = std::move(queues);
    }
    if (screen_ == Screen::create)
        state["create"] = {{"full", create_full_}, {"fields", field_values(create_draft_)},
                           {"errors", field_errors(create_draft_)},
                           {"registration", registration_json(desk(), registration_)}};
    if (demo_) state["blocked_accounts"] = blocked_accounts(desk());
    // Values are valid UTF-8 (the core checks them); replace rather than throw if one were not.
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hotline::app
