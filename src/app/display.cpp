#include "app/display.hpp"

#include <cstdio>

#include "app/i18n.hpp"
#include "core/code_tree.hpp"
#include "core/orders.hpp"
#include "core/civil_date.hpp"
#include "core/event_types.hpp"
#include "protocol/push_messages.hpp"

namespace hotline::app {
namespace {

// The label of every choice value of the schema (origins, languages, coverages, blocking modes).
struct Choice {
    std::string_view key;
    std::string_view label;
};
constexpr Choice kChoices[] = {
    {"phone", tr_key("Phone")},
    {"email", tr_key("Email")},
    {"web", tr_key("Web")},
    {"api", tr_key("API")},
    {"fax", tr_key("Fax")},
    {"walk_in", tr_key("Walk-in")},
    {"chat", tr_key("Chat")},
    {"en", tr_key("English")},
    {"fr", tr_key("French")},
    {"ru", tr_key("Russian")},
    {"it", tr_key("Italian")},
    {"warranty", tr_key("Warranty")},
    {"service_contract", tr_key("Service contract")},
    {"none", tr_key("None")},
    {"warn", tr_key("Warn")},
    {"forbid", tr_key("Forbid registration")},
    {"billable", tr_key("Billable")},
    {"not_billable", tr_key("Not billable")},
    {"draft", tr_key("Draft")},
    {"published", tr_key("Published")},
    {"incidents", tr_key("Incidents")},
    {"hours", tr_key("Hours")},
};

}  // namespace

namespace {

struct LocalTime {
    CivilDate date;
    int hour = 0, minute = 0;
};

LocalTime local_time(std::int64_t wall_ms, LocalZone zone) {
    constexpr std::int64_t kMinute = 60'000, kDay = 86'400'000;
    const std::int64_t ms = zone.to_local(wall_ms);
    const std::int64_t days = floor_div(ms, kDay);
    const std::int64_t minute_of_day = (ms - days * kDay) / kMinute;
    return {civil_from_days(static_cast<std::int32_t>(days)), static_cast<int>(minute_of_day / 60),
            static_cast<int>(minute_of_day % 60)};
}

}  // namespace

std::string format_date_time(std::int64_t wall_ms, LocalZone zone) {
    if (language() == Language::english) return iso_date_time(wall_ms, zone);
    const LocalTime t = local_time(wall_ms, zone);
    const char* format = language() == Language::russian ? "%02u.%02u.%04d %02d:%02d" : "%02u/%02u/%04d %02d:%02d";
    char out[32];
    std::snprintf(out, sizeof out, format, t.date.day, t.date.month, t.date.year, t.hour, t.minute);
    return out;
}

std::string iso_date_time(std::int64_t wall_ms, LocalZone zone) {
    const LocalTime t = local_time(wall_ms, zone);
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u %02d:%02d", t.date.year, t.date.month, t.date.day, t.hour, t.minute);
    return out;
}

std::optional<std::int64_t> parse_date_time(std::string_view text, LocalZone zone) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return std::nullopt;
    text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    if (text.size() != 16 || (text[10] != ' ' && text[10] != 'T') || text[13] != ':') return std::nullopt;
    const std::string_view date = text.substr(0, 10);
    if (!is_valid_date(date)) return std::nullopt;
    const auto two = [&](std::size_t at) -> int {
        const char a = text[at], b = text[at + 1];
        return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
    };
    const int hour = two(11), minute = two(14);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t n) {
        unsigned v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + static_cast<unsigned>(date[i] - '0');
        return v;
    };
    const std::int64_t days = days_from_civil(static_cast<int>(number(0, 4)), number(5, 2), number(8, 2));
    return zone.from_local(((days * 24 + hour) * 60 + minute) * 60'000);
}

std::string_view person_name(std::string_view actor) {
    return actor.size() > 2 && actor[1] == ':' ? actor.substr(2) : actor;
}

Author author_of(const Desk& desk, std::string_view actor) {
    if (actor == protocol::kServerActor) return {std::string(tr("system")), {}};
    const std::string_view login = person_name(actor);
    const Entity* profile = desk.find(EntityKind::staff_profile, login);
    const std::string_view name = profile ? profile->value(StaffProfileField::name) : std::string_view();
    if (name.empty()) return {std::string(login), {}};
    return {std::string(name), std::string(login)};
}

std::string_view status_text(IncidentStatus s) { return tr(status_label(s)); }

std::string_view priority_text(int priority) { return tr(priority_label(priority)); }

std::string_view choice_text(std::string_view value) {
    for (const auto& c : kChoices)
        if (c.key == value) return tr(c.label);
    // W8: the order types ("subcontract" is also a contract's coverage) and statuses.
    if (auto type = order_type_by_name(value)) return tr(order_type_label(*type));
    if (auto status = order_status_by_name(value)) return tr(order_status_label(*status));
    return value;
}

std::string_view field_text(FieldId f, EntityKind kind) { return tr(field_spec(kind, f).label); }

std::string_view log_field_text(std::string_view name, EntityKind kind) {
    if (name == "status") return tr("Status");
    if (name == "number") return tr("Number");
    if (auto f = field_by_name(kind, name)) return field_text(*f, kind);
    return name;
}

std::string_view event_type_text(const Desk& desk, std::string_view key) {
    const Entity* type = desk.find_event_type(key);
    if (!type) return key;
    // The default types' labels are the interface's; a label a manager wrote is shown as written.
    const std::string_view label = type->value(EventTypeField::label);
    return is_default_event_type_label(key, label) ? tr(label) : label;
}

std::string ref_text(const Desk& desk, EntityKind kind, std::string_view id) {
    if (code_parent_field(kind)) {
        const CodePath path = code_path(desk, kind, id);
        if (path.general && path.specific)
            return std::string(record_title(*path.general)) + " \u203a " + std::string(record_title(*path.specific));
        if (path.specific) return std::string(record_title(*path.specific));
        if (path.general) return std::string(record_title(*path.general));
        return std::string(id);
    }
    const Entity* record = id.empty() ? nullptr : desk.find(kind, id);
    if (record && kind_spec(kind).numbered)  // W12: an incident named by its number, as people know it
        return record->number.display() + " " + std::string(record_title(*record));
    return record ? std::string(record_title(*record)) : std::string(id);
}

std::string value_text(std::string_view name, std::string_view value, EntityKind kind, const Desk* desk,
                       LocalZone zone) {
    if (name == "status") {
        if (auto s = status_by_name(value)) return std::string(status_text(*s));
        return std::string(value);
    }
    auto f = field_by_name(kind, name);
    if (!f) return std::string(value);
    switch (field_spec(kind, *f).kind) {
        case FieldKind::priority:
            if (value.size() == 1) return std::string(priority_text(value[0] - '0'));
            break;
        case FieldKind::choice: return std::string(choice_text(value));
        case FieldKind::flag: return std::string(tr(value == kFlagTrue ? "Yes" : "No"));
        case FieldKind::short_text:
        case FieldKind::long_text:
        case FieldKind::ref:
            if (desk) return ref_text(*desk, field_spec(kind, *f).ref, value);
            break;
        case FieldKind::instant:
            if (const auto ms = parse_count(value)) return format_date_time(*ms, zone);
            break;
        case FieldKind::date:
        case FieldKind::count: break;
    }
    return std::string(value);
}

namespace {
// Minutes as hours with one decimal, rounded down: "7.5", "-0.5".
std::string hours_text(std::int64_t minutes) {
    const std::int64_t tenths = minutes * 10 / 60;
    const std::string sign = tenths < 0 ? "-" : "";
    const std::int64_t t = tenths < 0 ? -tenths : tenths;
    return sign + std::to_string(t / 10) + (t % 10 ? "." + std::to_string(t % 10) : "");
}
}  // namespace

std::string entitlement_text(const EntitlementUse& use) {
    const std::string name(use.contract->value(ContractField::name));
    std::string text = use.hours ? tr_format("entitlement.hours", {name, hours_text(use.left()), hours_text(use.allowance)})
                                 : tr_plural("entitlement.incidents", use.allowance,
                                             {name, format_count(use.left()), format_count(use.allowance)});
    if (const std::string_view end = use.contract->value(ContractField::end); !end.empty())
        text += tr_format("entitlement.until", {std::string(end)});
    return text;
}

}  // namespace hotline::app
