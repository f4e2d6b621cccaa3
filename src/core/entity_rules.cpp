#include "core/entity_rules.hpp"

#include <algorithm>
#include <cstdio>

#include "core/civil_date.hpp"
#include "core/desk.hpp"
#include "core/ids.hpp"
#include "core/orders.hpp"
#include "core/knowledge.hpp"
#include "core/routing.hpp"
#include "core/sla_rules.hpp"

namespace hotline {
namespace {

constexpr std::string_view kForbid = "forbid";

// W9: a billing decision someone overrode says why (billing.hpp).
Outcome check_billing(const EntityChange& c) {
    if (!c.touches(IncidentField::billing) && !c.touches(IncidentField::billing_reason)) return {};
    if (!c.value(IncidentField::billing).empty() && is_blank(c.value(IncidentField::billing_reason)))
        return make_error("missing_billing_reason", "Say why the incident's billing differs from its coverage");
    return {};
}

// W12: only a merge operation names the survivor (and it never changes back); an incident
// is not its own parent. What the parent may be is a rule for new changes (relations.hpp).
Outcome check_relation_fields(const EntityChange& c) {
    if (c.field ? *c.field == IncidentField::merged_into : !c.value(IncidentField::merged_into).empty())
        return make_error("merge_only", "An incident is merged into another by merging it, not by writing 'Merged into'");
    if (c.touches(IncidentField::parent) && c.value(IncidentField::parent) == c.entity.id)
        return make_error("parent_self", "An incident cannot be its own parent");
    return {};
}

Outcome check_incident(const Desk& desk, const EntityChange& c, std::int64_t wall_ms) {
    if (auto ok = check_billing(c); !ok) return ok;
    if (auto ok = check_relation_fields(c); !ok) return ok;
    if (!c.touches(IncidentField::account)) return {};
    const std::string_view account = c.value(IncidentField::account);
    if (account.empty()) return {};
    auto blocks = active_blocking_reasons(desk, account, wall_ms);
    if (blocks.empty() || blocks.front()->value(BlockingReasonField::mode) != kForbid) return {};
    const Entity& block = *blocks.front();
    const Entity* acc = desk.find(EntityKind::account, account);
    const std::string until(block.value(BlockingReasonField::until));
    return make_error("account_blocked", "No incident can be registered for " +
                                             std::string(acc ? acc->value(AccountField::name) : account) + ": " +
                                             std::string(block.value(BlockingReasonField::text)) +
                                             (until.empty() ? std::string() : " (until " + until + ")"),
                      {std::string(acc ? acc->value(AccountField::name) : account),
                       std::string(block.value(BlockingReasonField::text))});
}

Outcome check_contract(const EntityChange& c) {
    const std::string_view start = c.value(ContractField::start), end = c.value(ContractField::end);
    if (!start.empty() && !end.empty() && end < start)
        return make_error("bad_period", "A contract cannot end (" + std::string(end) + ") before it starts (" +
                                            std::string(start) + ")");
    return {};
}

// Two-level code trees (general -> specific), for reason and resolution codes.
Outcome check_code_parent(const Desk& desk, const EntityChange& c, FieldId parent_field) {
    if (!c.touches(parent_field)) return {};
    const std::string_view parent = c.value(parent_field);
    if (parent.empty()) return {};
    if (parent == c.entity.id) return make_error("bad_parent", "A code cannot be its own general code");
    const Entity* p = desk.find(c.entity.kind, parent);
    if (p && !p->value(parent_field).empty())
        return make_error("bad_parent", "Codes have two levels: " + std::string(parent) + " is itself a specific code");
    // A general code that has specific codes cannot become specific itself.
    for (const Entity& other : desk.entities(c.entity.kind))
        if (other.value(parent_field) == c.entity.id)
            return make_error("bad_parent", "Codes have two levels: " + c.entity.id + " has specific codes of its own");
    return {};
}

// W4: a time entry is a timer (started, and ended once stopped) or a manual entry
// (minutes). Only stopping it and its note change afterwards: what was logged stays.
Outcome check_time_entry(const EntityChange& c) {
    using T = TimeEntryField;
    if (!c.creating() && !c.touches(T::ended) && !c.touches(T::note))
        return make_error("time_entry_fixed", "A time entry's incident, person, start and minutes cannot be changed");
    // Its incident's state is not judged here: replicas hold the incident's archiving and an
    // entry made offline in either order, and a refused create would stay on the replica
    // that made it (records are never removed). The app logs no time on an archived incident
    // (TimeTracker), as orders are not made for one (authorization.hpp).
    if (c.creating() && !is_valid_login(c.value(T::person)))
        return make_error("bad_value", "'Person' must be a login");
    const auto started = parse_count(c.value(T::started)), ended = parse_count(c.value(T::ended));
    const auto minutes = parse_count(c.value(T::minutes));
    if (started.has_value() == minutes.has_value())
        return make_error("bad_time_entry", "A time entry has either a start (timer) or minutes (manual entry)");
    if (minutes && (*minutes < 1 || *minutes > kManualMinutesMax))
        return make_error("bad_minutes", "Minutes must be from 1 to " + std::to_string(kManualMinutesMax));
    if (ended && !started) return make_error("bad_time_entry", "Only a timer entry has an end");
    if (ended && *ended < *started) return make_error("bad_period", "A timer cannot stop before it started");
    return {};
}

// W8: an order is made To do or Planned with what its type needs; its incident and type
// stay; its status follows the table of orders.hpp; a done or cancelled order is the
// record of what happened and stays so. Nothing here looks at the incident: replicas
// receive the changes of two records in different orders, and a rule across records
// would judge a change differently on each (an archived incident's orders are refused
// when pushed, authorization.hpp, and by the plans).
Outcome check_order(const EntityChange& c) {
    using O = OrderField;
    if (c.creating()) {
        if (order_type(c.entity) == OrderType::service_order && is_blank(c.value(O::address)))
            return make_error("missing_address", "An on-site visit needs the address to go to");
        if (order_type(c.entity) == OrderType::subcontract && is_blank(c.value(O::subcontractor)))
            return make_error("missing_subcontractor", "A subcontract needs the subcontractor");
        return check_order_start(c.entity);
    }
    if (is_finished(order_status(c.entity)))
        return make_error("order_finished", "A done or cancelled order can no longer be changed");
    if (c.touches(O::incident) || c.touches(O::type))
        return make_error("order_fixed", "An order's incident and type cannot be changed");
    if (c.touches(O::status)) return check_order_transition(c.entity, *order_status_by_name(c.new_value));
    return {};
}

// W13: a published article has something to read.
Outcome check_article(const EntityChange& c) {
    if (c.value(ArticleField::state) == kArticlePublished && is_blank(c.value(ArticleField::body)))
        return make_error("article_needs_body", "An article is published with a body");
    return {};
}

// W13: a link joins one incident and one article for good; only `active` changes (an
// unlink), so concurrent links and unlinks never fight over which records are joined.
// Its incident's archiving is not judged here, as for time entries: a link made offline
// and the archiving meet in either order (plan_link() refuses new ones in the app).
Outcome check_article_link(const EntityChange& c) {
    if (!c.creating() && !c.touches(ArticleLinkField::active))
        return make_error("article_link_fixed", "A link's incident and article cannot be changed");
    return {};
}

}  // namespace

Outcome check_entity_rules(const Desk& desk, const EntityChange& change, std::int64_t wall_ms) {
    switch (change.entity.kind) {
        case EntityKind::incident: return check_incident(desk, change, wall_ms);
        case EntityKind::contract: return check_contract(change);
        case EntityKind::reason_code: return check_code_parent(desk, change, ReasonCodeField::parent);
        case EntityKind::resolution_code: return check_code_parent(desk, change, ResolutionCodeField::parent);
        case EntityKind::time_entry: return check_time_entry(change);
        case EntityKind::order: return check_order(change);
        case EntityKind::article: return check_article(change);
        case EntityKind::article_link: return check_article_link(change);
        case EntityKind::calendar: return check_calendar(change);
        case EntityKind::sla_policy: return check_sla_policy(change);
        case EntityKind::routing_rule: return check_routing_rule(change);
        case EntityKind::event_type:
        case EntityKind::account:
        case EntityKind::contact:
        case EntityKind::unit:
        case EntityKind::blocking_reason:
        case EntityKind::department:
        case EntityKind::staff_profile:
        case EntityKind::priority_code:
        case EntityKind::queue: return {};
    }
    return {};
}

std::vector<const Entity*> active_blocking_reasons(const Desk& desk, std::string_view account_id, std::int64_t wall_ms) {
    std::vector<const Entity*> out;
    const std::string today = utc_date(wall_ms);
    for (const Entity& b : desk.entities(EntityKind::blocking_reason)) {
        if (b.value(BlockingReasonField::account) != account_id || !b.flag(BlockingReasonField::active)) continue;
        const std::string_view until = b.value(BlockingReasonField::until);
        if (!until.empty() && until < today) continue;
        out.push_back(&b);
    }
    std::stable_partition(out.begin(), out.end(),
                          [](const Entity* b) { return b->value(BlockingReasonField::mode) == kForbid; });
    return out;
}

std::string utc_date(std::int64_t wall_ms) {
    const CivilDate date = civil_from_days(static_cast<std::int32_t>(floor_div(wall_ms, 86'400'000)));
    char buf[32];  // room for any int the compiler must assume
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", date.year, date.month, date.day);
    return buf;
}

}  // namespace hotline
