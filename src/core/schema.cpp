#include "core/schema.hpp"

#include <array>
#include <cstring>

#include "core/ids.hpp"
#include "core/limits.hpp"
#include "core/orders.hpp"

namespace hotline {
namespace {

using FK = FieldKind;
using EK = EntityKind;

// Origin channels (C1). "api" is a machine registration (R8).
constexpr std::string_view kOrigins[] = {"phone", "email", "web", "api", "fax", "walk_in", "chat"};
constexpr std::string_view kLanguages[] = {"en", "fr", "ru", "it"};
// "subcontract": a subcontract agreement (W8): a third party services the unit; shown
// at registration, and its name is the subcontractor a transfer offers.
constexpr std::string_view kCoverages[] = {"warranty", "service_contract", "none", "subcontract"};
constexpr std::string_view kBillings[] = {"billable", "not_billable"};
constexpr std::string_view kAllowanceUnits[] = {"incidents", "hours"};
// W8: the order types and statuses are named in orders.hpp, with their rules.
constexpr auto& kOrderTypes = kOrderTypeNames;
constexpr auto& kOrderStatuses = kOrderStatusNames;
constexpr std::string_view kBlockingModes[] = {"warn", "forbid"};
constexpr std::string_view kSatisfactions[] = {"1", "2", "3", "4", "5"};

constexpr std::string_view kTrue = kFlagTrue;
constexpr std::string_view kFalse = kFlagFalse;

constexpr FieldSpec kIncidentFields[] = {
    {IncidentField::title, "title", "Title", FK::short_text, {}, EK::incident, {}, true},
    {IncidentField::description, "description", "Description", FK::long_text},
    {IncidentField::customer_name, "customer.name", "Customer", FK::short_text},
    {IncidentField::customer_contact, "customer.contact", "Contact", FK::short_text},
    {IncidentField::customer_address, "customer.address", "Address", FK::short_text},
    {IncidentField::customer_phone, "customer.phone", "Phone", FK::short_text},
    {IncidentField::customer_fax, "customer.fax", "Fax", FK::short_text},
    {IncidentField::customer_email, "customer.email", "Email", FK::short_text},
    {IncidentField::unit_item, "unit.item", "Item", FK::short_text},
    {IncidentField::unit_serial, "unit.serial", "Serial number", FK::short_text},
    {IncidentField::unit_warranty_end, "unit.warranty_end", "Warranty end", FK::date},
    {IncidentField::unit_contract, "unit.contract", "Contract", FK::short_text},
    {IncidentField::reason_general, "reason.general", "General reason", FK::short_text},
    {IncidentField::reason_specific, "reason.specific", "Specific reason", FK::short_text},
    {IncidentField::priority, "priority", "Priority", FK::priority, {}, EK::incident, "3"},
    {IncidentField::origin, "origin", "Origin", FK::choice, kOrigins, EK::incident, "phone", true},
    {IncidentField::department, "department", "Department", FK::short_text},
    {IncidentField::engineer, "engineer", "Engineer", FK::short_text},
    {IncidentField::diagnosis, "diagnosis", "Diagnosis", FK::long_text},
    {IncidentField::actual_problem, "actual_problem", "Actual problem", FK::long_text},
    {IncidentField::actual_solution, "actual_solution", "Actual solution", FK::long_text},
    {IncidentField::resolution_general, "resolution.general", "General resolution", FK::short_text},
    {IncidentField::resolution_specific, "resolution.specific", "Specific resolution", FK::short_text},
    {IncidentField::account, "account", "Account", FK::ref, {}, EK::account},
    {IncidentField::contact, "contact", "Contact person", FK::ref, {}, EK::contact},
    {IncidentField::unit, "unit", "Unit", FK::ref, {}, EK::unit},
    {IncidentField::service_department, "service_department", "Service department", FK::ref, {}, EK::department},
    {IncidentField::assignee, "assignee", "Assignee", FK::ref, {}, EK::staff_profile},
    {IncidentField::resolution_code, "resolution.code", "Resolution code", FK::ref, {}, EK::resolution_code},
    {IncidentField::billing, "billing", "Billing", FK::choice, kBillings},
    {IncidentField::billing_reason, "billing.reason", "Billing reason", FK::short_text},
    {IncidentField::satisfaction, "satisfaction", "Satisfaction", FK::choice, kSatisfactions},
    {IncidentField::satisfaction_comment, "satisfaction_comment", "Satisfaction comment", FK::long_text},
    {IncidentField::parent, "parent", "Parent incident", FK::ref, {}, EK::incident, {}, false, true},
    {IncidentField::merged_into, "merged_into", "Merged into", FK::ref, {}, EK::incident, {}, false, true},
    {IncidentField::queue, "queue", "Queue", FK::ref, {}, EK::queue},
    {IncidentField::entitlement, "entitlement", "Entitlement", FK::ref, {}, EK::contract},
    {IncidentField::entitlement_waiver, "entitlement.waiver", "Entitlement waived because", FK::short_text},
    {IncidentField::sla_policy, "sla_policy", "SLA policy", FK::ref, {}, EK::sla_policy},
    {IncidentField::resolution_deadline, "resolution.deadline", "Resolve by", FK::instant},
};

constexpr FieldSpec kEventTypeFields[] = {
    {EventTypeField::label, "label", "Label", FK::short_text, {}, EK::incident, {}, true},
    {EventTypeField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kAccountFields[] = {
    {AccountField::name, "name", "Name", FK::short_text, {}, EK::incident, {}, true},
    {AccountField::address, "address", "Address", FK::short_text},
    {AccountField::phone, "phone", "Phone", FK::short_text},
    {AccountField::fax, "fax", "Fax", FK::short_text},
    {AccountField::email, "email", "Email", FK::short_text},
    {AccountField::language, "language", "Language", FK::choice, kLanguages, EK::incident, "en", true},
    {AccountField::notes, "notes", "Notes", FK::long_text},
    {AccountField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kContactFields[] = {
    {ContactField::account, "account", "Account", FK::ref, {}, EK::account, {}, true},
    {ContactField::name, "name", "Name", FK::short_text, {}, EK::incident, {}, true},
    {ContactField::phone, "phone", "Phone", FK::short_text},
    {ContactField::email, "email", "Email", FK::short_text},
    {ContactField::role, "role", "Role", FK::short_text},
    {ContactField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kUnitFields[] = {
    {UnitField::serial, "serial", "Serial number", FK::short_text, {}, EK::incident, {}, true},
    {UnitField::item_code, "item_code", "Item code", FK::short_text},
    {UnitField::item, "item", "Item", FK::short_text},
    {UnitField::account, "account", "Account", FK::ref, {}, EK::account, {}, true},
    {UnitField::install_address, "install_address", "Installed at", FK::short_text},
    {UnitField::warranty_end, "warranty_end", "Warranty end", FK::date},
    {UnitField::contract, "contract", "Contract", FK::ref, {}, EK::contract},
    {UnitField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kContractFields[] = {
    {ContractField::account, "account", "Account", FK::ref, {}, EK::account, {}, true},
    {ContractField::name, "name", "Contract", FK::short_text, {}, EK::incident, {}, true},
    {ContractField::coverage, "coverage", "Coverage", FK::choice, kCoverages, EK::incident, "service_contract", true},
    {ContractField::start, "start", "Start", FK::date},
    {ContractField::end, "end", "End", FK::date},
    {ContractField::terms, "terms", "Terms", FK::long_text},
    {ContractField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
    {ContractField::allowance_unit, "allowance_unit", "Allowance in", FK::choice, kAllowanceUnits},
    {ContractField::allowance, "allowance", "Allowance", FK::count},
    {ContractField::sla_policy, "sla_policy", "SLA policy", FK::ref, {}, EK::sla_policy},
};

constexpr FieldSpec kBlockingReasonFields[] = {
    {BlockingReasonField::account, "account", "Account", FK::ref, {}, EK::account, {}, true},
    {BlockingReasonField::text, "text", "Reason", FK::short_text, {}, EK::incident, {}, true},
    {BlockingReasonField::mode, "mode", "Effect", FK::choice, kBlockingModes, EK::incident, "warn", true},
    {BlockingReasonField::until, "until", "Until", FK::date},
    {BlockingReasonField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kDepartmentFields[] = {
    {DepartmentField::name, "name", "Name", FK::short_text, {}, EK::incident, {}, true},
    {DepartmentField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
    {DepartmentField::calendar, "calendar", "Calendar", FK::ref, {}, EK::calendar},
};

constexpr FieldSpec kStaffProfileFields[] = {
    {StaffProfileField::name, "name", "Name", FK::short_text},
    {StaffProfileField::department, "department", "Department", FK::ref, {}, EK::department},
    {StaffProfileField::skills, "skills", "Skills", FK::short_text},
    {StaffProfileField::territories, "territories", "Territories", FK::short_text},
    {StaffProfileField::field_technician, "field_technician", "Field technician", FK::flag, {}, EK::incident,
     kFlagFalse, true},
};

constexpr FieldSpec kReasonCodeFields[] = {
    {ReasonCodeField::label, "label", "Label", FK::short_text, {}, EK::incident, {}, true},
    {ReasonCodeField::parent, "parent", "General reason", FK::ref, {}, EK::reason_code},
    {ReasonCodeField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kResolutionCodeFields[] = {
    {ResolutionCodeField::label, "label", "Label", FK::short_text, {}, EK::incident, {}, true},
    {ResolutionCodeField::parent, "parent", "General resolution", FK::ref, {}, EK::resolution_code},
    {ResolutionCodeField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kPriorityCodeFields[] = {
    {PriorityCodeField::label, "label", "Label", FK::short_text, {}, EK::incident, {}, true},
    {PriorityCodeField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kTimeEntryFields[] = {
    {TimeEntryField::incident, "incident", "Incident", FK::ref, {}, EK::incident, {}, true},
    {TimeEntryField::person, "person", "Person", FK::short_text, {}, EK::incident, {}, true},
    {TimeEntryField::started, "started", "Started", FK::instant},
    {TimeEntryField::ended, "ended", "Ended", FK::instant},
    {TimeEntryField::minutes, "minutes", "Minutes", FK::count},
    {TimeEntryField::note, "note", "Note", FK::short_text},
};

constexpr FieldSpec kOrderFields[] = {
    {OrderField::incident, "incident", "Incident", FK::ref, {}, EK::incident, {}, true},
    {OrderField::type, "type", "Order type", FK::choice, kOrderTypes, EK::incident, "service_order", true},
    {OrderField::status, "order_status", "Order status", FK::choice, kOrderStatuses, EK::incident, "open", true},
    {OrderField::address, "address", "Address", FK::short_text},
    {OrderField::planned, "planned", "Planned date", FK::date},
    {OrderField::technician, "technician", "Technician", FK::ref, {}, EK::staff_profile},
    {OrderField::subcontractor, "subcontractor", "Subcontractor", FK::short_text},
    {OrderField::instructions, "instructions", "Instructions", FK::long_text},
    {OrderField::outcome, "outcome", "Outcome", FK::long_text},
};

// W13: articles are written by engineers and managers, read by everyone once published.
constexpr std::string_view kArticleStates[] = {"draft", "published"};

constexpr FieldSpec kArticleFields[] = {
    {ArticleField::title, "title", "Title", FK::short_text, {}, EK::incident, {}, true},
    {ArticleField::body, "body", "Body", FK::long_text},
    {ArticleField::reason_code, "reason_code", "Reason code", FK::ref, {}, EK::reason_code},
    {ArticleField::language, "language", "Language", FK::choice, kLanguages, EK::incident, "en", true},
    {ArticleField::state, "state", "State", FK::choice, kArticleStates, EK::incident, "draft", true},
};

constexpr FieldSpec kArticleLinkFields[] = {
    {ArticleLinkField::incident, "incident", "Incident", FK::ref, {}, EK::incident, {}, true},
    {ArticleLinkField::article, "article", "Article", FK::ref, {}, EK::article, {}, true},
    {ArticleLinkField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kCalendarFields[] = {
    {CalendarField::name, "name", "Name", FK::short_text, {}, EK::incident, {}, true},
    {CalendarField::time_zone, "time_zone", "Time zone", FK::short_text, {}, EK::incident, "UTC", true},
    {CalendarField::zone_rule, "zone_rule", "Time zone rule", FK::short_text},
    {CalendarField::hours, "hours", "Working hours", FK::long_text},
    {CalendarField::holidays, "holidays", "Holidays", FK::long_text},
    {CalendarField::special_days, "special_days", "Special days", FK::long_text},
    {CalendarField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr FieldSpec kSlaPolicyFields[] = {
    {SlaPolicyField::name, "name", "Name", FK::short_text, {}, EK::incident, {}, true},
    {SlaPolicyField::priority, "priority", "Priority", FK::priority, {}, EK::incident, "3", true},
    {SlaPolicyField::calendar, "calendar", "Calendar", FK::ref, {}, EK::calendar},
    {SlaPolicyField::response_minutes, "response_minutes", "First response (minutes)", FK::count},
    {SlaPolicyField::resolution_minutes, "resolution_minutes", "Resolution (minutes)", FK::count},
    {SlaPolicyField::follow_up_percent, "follow_up_percent", "Follow-up at (% used)", FK::count, {}, EK::incident,
     "50", true},
    {SlaPolicyField::warning_percent, "warning_percent", "Warning at (% used)", FK::count, {}, EK::incident, "80",
     true},
    {SlaPolicyField::response_pauses, "response_pauses", "Statuses pausing first response", FK::short_text},
    {SlaPolicyField::resolution_pauses, "resolution_pauses", "Statuses pausing resolution", FK::short_text},
    {SlaPolicyField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

constexpr std::string_view kPriorities[] = {"1", "2", "3", "4"};

constexpr FieldSpec kRoutingRuleFields[] = {
    {RoutingRuleField::name, "name", "Name", FK::short_text, {}, EK::incident, {}, true},
    {RoutingRuleField::position, "position", "Position", FK::count, {}, EK::incident, "100", true},
    {RoutingRuleField::reason, "reason", "When reason", FK::ref, {}, EK::reason_code},
    {RoutingRuleField::priority, "priority", "When priority", FK::choice, kPriorities},
    {RoutingRuleField::origin, "origin", "When origin", FK::choice, kOrigins},
    {RoutingRuleField::account, "account", "When account", FK::ref, {}, EK::account, {}, false, true},
    {RoutingRuleField::unit_item, "unit_item", "When unit item contains", FK::short_text},
    {RoutingRuleField::then_department, "then_department", "Then department", FK::ref, {}, EK::department},
    {RoutingRuleField::then_assignee, "then_assignee", "Then assignee", FK::ref, {}, EK::staff_profile},
    {RoutingRuleField::then_priority, "then_priority", "Then priority", FK::choice, kPriorities},
    {RoutingRuleField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
    {RoutingRuleField::then_queue, "then_queue", "Then queue", FK::ref, {}, EK::queue},
};

constexpr FieldSpec kQueueFields[] = {
    {QueueField::name, "name", "Name", FK::short_text, {}, EK::incident, {}, true},
    {QueueField::department, "department", "Department", FK::ref, {}, EK::department, {}, true},
    {QueueField::skills, "skills", "Skills needed", FK::short_text},
    {QueueField::assign_by_workload, "assign_by_workload", "Assign by workload", FK::flag, {}, EK::incident,
     kFalse, true},
    {QueueField::active, "active", "Active", FK::flag, {}, EK::incident, kTrue, true},
};

// Every field's id is its place in its table.
template <std::size_t N>
constexpr bool in_enum_order(const FieldSpec (&fields)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (fields[i].id.value != i) return false;
    return true;
}
static_assert(in_enum_order(kIncidentFields) && in_enum_order(kEventTypeFields) && in_enum_order(kAccountFields) &&
              in_enum_order(kContactFields) && in_enum_order(kUnitFields) && in_enum_order(kContractFields) &&
              in_enum_order(kBlockingReasonFields) && in_enum_order(kDepartmentFields) &&
              in_enum_order(kStaffProfileFields) && in_enum_order(kReasonCodeFields) &&
              in_enum_order(kResolutionCodeFields) && in_enum_order(kPriorityCodeFields) &&
              in_enum_order(kTimeEntryFields) && in_enum_order(kOrderFields) && in_enum_order(kArticleFields) &&
              in_enum_order(kArticleLinkFields) && in_enum_order(kCalendarFields) &&
              in_enum_order(kSlaPolicyFields) && in_enum_order(kRoutingRuleFields) &&
              in_enum_order(kQueueFields));

using R = Role;
constexpr RoleSet kEveryone{R::agent, R::engineer, R::technician, R::manager, R::admin};
constexpr RoleSet kDeskStaff{R::agent, R::engineer, R::manager, R::admin};
constexpr RoleSet kManagers{R::manager, R::admin};
constexpr RoleSet kAuthors{R::engineer, R::manager, R::admin};  // W13: who writes articles

constexpr KindSpec kKinds[] = {
    {EK::incident, "incident", "Incident", kIncidentFields, IdScheme::minted, true, true, true, kEveryone, kEveryone,
     Visibility::by_incident, IncidentField::title, IncidentField::merged_into},
    {EK::event_type, "event_type", "Event type", kEventTypeFields, IdScheme::keyed, false, false, false, kManagers,
     kManagers, Visibility::everyone, EventTypeField::label},
    {EK::account, "account", "Account", kAccountFields, IdScheme::minted, false, false, false, kDeskStaff, kDeskStaff,
     Visibility::by_incident, AccountField::name},
    {EK::contact, "contact", "Contact", kContactFields, IdScheme::minted, false, false, false, kDeskStaff, kDeskStaff,
     Visibility::by_incident, ContactField::name},
    {EK::unit, "unit", "Unit", kUnitFields, IdScheme::minted, false, false, false, kDeskStaff, kDeskStaff,
     Visibility::by_incident, UnitField::serial},
    // Contracts decide coverage, billing, entitlements and SLA policy (R5, W9, S7): who grants
    // support is a manager's decision, not the call centre's.
    {EK::contract, "contract", "Contract", kContractFields, IdScheme::minted, false, false, false, kManagers,
     kManagers, Visibility::by_incident, ContractField::name},
    {EK::blocking_reason, "blocking_reason", "Blocking reason", kBlockingReasonFields, IdScheme::minted, false, false,
     false, kManagers, kManagers, Visibility::by_incident, BlockingReasonField::text},
    {EK::department, "department", "Department", kDepartmentFields, IdScheme::keyed, false, false, false, kManagers,
     kManagers, Visibility::everyone, DepartmentField::name},
    {EK::staff_profile, "staff_profile", "Staff profile", kStaffProfileFields, IdScheme::keyed, false, false, false,
     kManagers, kManagers, Visibility::everyone, StaffProfileField::name},
    {EK::reason_code, "reason_code", "Reason code", kReasonCodeFields, IdScheme::keyed, false, false, false, kManagers,
     kManagers, Visibility::everyone, ReasonCodeField::label},
    {EK::resolution_code, "resolution_code", "Resolution code", kResolutionCodeFields, IdScheme::keyed, false, false,
     false, kManagers, kManagers, Visibility::everyone, ResolutionCodeField::label},
    {EK::priority_code, "priority_code", "Priority code", kPriorityCodeFields, IdScheme::keyed, false, false, false,
     kManagers, kManagers, Visibility::everyone, PriorityCodeField::label},
    // Who may log time for whom, and which fields change after creation: entity_rules.hpp, authorization.hpp.
    {EK::time_entry, "time_entry", "Time entry", kTimeEntryFields, IdScheme::minted, false, false, false, kEveryone,
     kEveryone, Visibility::by_incident, TimeEntryField::note},
    // W8: the desk transfers; a technician updates the orders they carry out
    // (authorization.hpp). Orders follow their incident: a technician sees those of theirs.
    {EK::order, "order", "Order", kOrderFields, IdScheme::minted, false, false, false, kDeskStaff, kEveryone,
     Visibility::by_incident, OrderField::instructions},
    // W13 (core/knowledge.hpp): drafts travel to every replica like published articles;
    // the screens show a draft only to those who may write articles. Links go with their incident.
    {EK::article, "article", "Article", kArticleFields, IdScheme::minted, false, false, false, kAuthors, kAuthors,
     Visibility::everyone, ArticleField::title},
    {EK::article_link, "article_link", "Article link", kArticleLinkFields, IdScheme::minted, false, false, false,
     kEveryone, kEveryone, Visibility::by_incident, ArticleLinkField::article},
    // S1-S3 (core/incident_sla.hpp): reference data every replica needs to compute the
    // same SLA clocks offline.
    {EK::calendar, "calendar", "Calendar", kCalendarFields, IdScheme::keyed, false, false, false, kManagers,
     kManagers, Visibility::everyone, CalendarField::name},
    {EK::sla_policy, "sla_policy", "SLA policy", kSlaPolicyFields, IdScheme::keyed, false, false, false, kManagers,
     kManagers, Visibility::everyone, SlaPolicyField::name},
    // S4 (core/routing.hpp): every replica routes offline with the same rules.
    {EK::routing_rule, "routing_rule", "Routing rule", kRoutingRuleFields, IdScheme::keyed, false, false, false,
     kManagers, kManagers, Visibility::everyone, RoutingRuleField::name},
    // S5 (core/queues.hpp): every replica shows the queues' depth and picks offline.
    {EK::queue, "queue", "Queue", kQueueFields, IdScheme::keyed, false, false, false, kManagers, kManagers,
     Visibility::everyone, QueueField::name},
};
static_assert(std::size(kKinds) == kEntityKindCount);
constexpr bool kinds_in_order() {
    for (std::size_t i = 0; i < kEntityKindCount; ++i)
        if (static_cast<std::size_t>(kKinds[i].kind) != i || kAllEntityKinds[i] != kKinds[i].kind) return false;
    return true;
}
static_assert(kinds_in_order(), "kKinds lists every EntityKind in enum order");

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

const KindSpec& kind_spec(EntityKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

std::string_view entity_kind_name(EntityKind kind) { return kind_spec(kind).name; }

std::optional<EntityKind> kind_by_name(std::string_view name) {
    for (const auto& k : kKinds)
        if (k.name == name) return k.kind;
    return std::nullopt;
}

std::span<const FieldSpec> fields_of(EntityKind kind) { return kind_spec(kind).fields; }

std::size_t field_count(EntityKind kind) { return kind_spec(kind).fields.size(); }

const FieldSpec& field_spec(EntityKind kind, FieldId field) { return kind_spec(kind).fields[field.value]; }

const FieldSpec& field_spec(IncidentField field) { return kIncidentFields[static_cast<std::size_t>(field)]; }

std::optional<FieldId> field_by_name(EntityKind kind, std::string_view name) {
    for (const auto& spec : fields_of(kind))
        if (spec.name == name) return spec.id;
    return std::nullopt;
}

std::string_view priority_label(int priority) {
    switch (priority) {
        case 1: return "Critical";
        case 2: return "High";
        case 3: return "Normal";
        case 4: return "Low";
        default: return "?";
    }
}

std::optional<std::int64_t> parse_count(std::string_view text) {
    // Canonical text only (no sign, no leading zero), so a value has one spelling.
    if (text.empty() || text.size() > 15 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
    std::int64_t n = 0;
    for (char c : text) {
        if (!is_digit(c)) return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool is_valid_key(std::string_view key) {
    if (key.empty() || key.size() > 32) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '_')) return false;
    return true;
}

bool is_valid_record_id(EntityKind kind, std::string_view id) {
    if (id.size() > limits::kEntityIdMax) return false;
    switch (kind) {
        case EntityKind::staff_profile: return is_valid_login(id);
        case EntityKind::event_type:
        case EntityKind::department:
        case EntityKind::reason_code:
        case EntityKind::resolution_code:
        case EntityKind::priority_code:
        case EntityKind::calendar:
        case EntityKind::sla_policy:
        case EntityKind::routing_rule:
        case EntityKind::queue: return is_valid_key(id);
        case EntityKind::incident:
        case EntityKind::account:
        case EntityKind::contact:
        case EntityKind::unit:
        case EntityKind::contract:
        case EntityKind::blocking_reason:
        case EntityKind::time_entry:
        case EntityKind::order: return OpId::parse(id).ok();
        case EntityKind::article:
        case EntityKind::article_link: return OpId::parse(id).ok();
    }
    return false;
}

bool is_valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(s[static_cast<std::size_t>(i)])) return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {
bool is_c0_control(char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t'; }

// A C0 control character other than line feed and tab. Every field value of every
// operation passes here, so words without any byte below 0x20 (nearly all) are skipped
// 8 bytes at a time; the test (Bit Twiddling Hacks' "hasless") is exact for "some byte
// is below 0x20", and the word's bytes are then looked at one by one.
bool has_c0_control(std::string_view text) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (((word - kOnes * 0x20) & ~word & kHighs) == 0) continue;
        for (std::size_t k = i; k < i + 8; ++k)
            if (is_c0_control(text[k])) return true;
    }
    for (; i < text.size(); ++i)
        if (is_c0_control(text[i])) return true;
    return false;
}
}  // namespace

bool is_valid_utf8(std::string_view text) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const auto in = [](unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; };
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Runs of ASCII (most text, even in French) are checked 8 bytes at a time.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        // The well-formed sequences of Unicode's table 3-7: the bounds on the second byte
        // refuse overlong forms, surrogates (ED A0..BF) and code points past U+10FFFF.
        const unsigned char lead = byte(i);
        if (lead < 0x80) {
            ++i;
        } else if (in(lead, 0xc2, 0xdf)) {
            if (i + 1 >= n || !in(byte(i + 1), 0x80, 0xbf)) return false;
            i += 2;
        } else if (in(lead, 0xe0, 0xef)) {
            const unsigned char lo = lead == 0xe0 ? 0xa0 : 0x80, hi = lead == 0xed ? 0x9f : 0xbf;
            if (i + 2 >= n || !in(byte(i + 1), lo, hi) || !in(byte(i + 2), 0x80, 0xbf)) return false;
            i += 3;
        } else if (in(lead, 0xf0, 0xf4)) {
            const unsigned char lo = lead == 0xf0 ? 0x90 : 0x80, hi = lead == 0xf4 ? 0x8f : 0xbf;
            if (i + 3 >= n || !in(byte(i + 1), lo, hi) || !in(byte(i + 2), 0x80, 0xbf) || !in(byte(i + 3), 0x80, 0xbf))
                return false;
            i += 4;
        } else {
            return false;  // a continuation byte, C0, C1 or F5..FF where a sequence must start
        }
    }
    return true;
}

Outcome check_field_value(const FieldSpec& spec, std::string_view text) {
    // `reason` names the problem for translations (app/i18n_english.cpp: "value.<reason>").
    auto fail = [&](std::string what, std::string_view reason) {
        return make_error("bad_value", "'" + std::string(spec.label) + "' " + what,
                          {std::string(spec.label), "value." + std::string(reason)});
    };
    if (!is_valid_utf8(text)) return fail("is not valid UTF-8 text", "not_utf8");
    if (has_c0_control(text)) return fail("contains a control character", "control_character");
    switch (spec.kind) {
        case FieldKind::short_text:
            if (text.size() > limits::kShortTextMax)
                return fail("is longer than " + std::to_string(limits::kShortTextMax) + " bytes", "too_long");
            if (text.find('\n') != std::string_view::npos) return fail("must be one line", "one_line");
            return {};
        case FieldKind::long_text:
            if (text.size() > limits::kLongTextMax)
                return fail("is longer than " + std::to_string(limits::kLongTextMax) + " bytes", "too_long");
            return {};
        case FieldKind::date:
            if (!text.empty() && !is_valid_date(text)) return fail("must be a date YYYY-MM-DD", "date");
            return {};
        case FieldKind::priority:
            if (text.size() != 1 || text[0] < '0' + kPriorityCritical || text[0] > '0' + kPriorityLow)
                return fail("must be 1 (critical) to 4 (low)", "priority");
            return {};
        case FieldKind::choice:
            if (text.empty() && !spec.required) return {};
            for (auto choice : spec.choices)
                if (choice == text) return {};
            return fail("must be one of the listed values", "choice");
        case FieldKind::ref:
            if (text.empty()) return {};
            // Minted ids ("<replica>:<counter>") or keys; that the record exists is the desk's check.
            if (is_valid_record_id(spec.ref, text)) return {};
            return fail("is not the id of a " + std::string(kind_spec(spec.ref).name), "ref");
        case FieldKind::flag:
            if (text == kFlagTrue || text == kFlagFalse) return {};
            return fail("must be true or false", "flag");
        case FieldKind::count:
        case FieldKind::instant:
            if (text.empty() || parse_count(text)) return {};
            return fail("must be a whole number from 0 to " + std::to_string(kCountMax), "count");
    }
    return fail("has an unknown kind", "kind");
}

namespace {
// "Incident" -> "an incident": labels are English, for the message only (the code is for people's tools).
std::string with_article(std::string_view label) {
    std::string word(label);
    for (char& c : word)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool vowel = !word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + word;
}
}  // namespace

std::string kind_noun(EntityKind kind) { return with_article(kind_spec(kind).label); }

Outcome check_required(EntityKind kind, const FieldSpec& spec, std::string_view text) {
    if (!spec.required || !is_blank(text)) return {};
    std::string message = kind_noun(kind) + " needs " + with_article(spec.label);
    message[0] = static_cast<char>(message[0] - 'a' + 'A');
    return make_error("missing_" + std::string(spec.name), std::move(message), {std::string(spec.label)});
}

}  // namespace hotline
