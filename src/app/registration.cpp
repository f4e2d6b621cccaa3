#include "app/registration.hpp"

#include <algorithm>

#include "core/text_fold.hpp"
#include "core/entity_rules.hpp"

namespace hotline::app {
namespace {

constexpr std::size_t kTitleMatchMin = 3;  // fewer letters would list half the desk

void newest_change_first(const Desk& desk, std::vector<std::uint32_t>& rows) {
    std::sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
        return desk.incidents()[a].updated_ms > desk.incidents()[b].updated_ms;
    });
}

}  // namespace

bool is_open_incident(const Incident& incident) {
    return incident.status != IncidentStatus::closed && incident.status != IncidentStatus::archived;
}

CustomerCard customer_card(const Desk& desk, const Entity& account_or_contact, std::size_t recent_limit) {
    CustomerCard card;
    if (account_or_contact.kind == EntityKind::contact) {
        card.contact = &account_or_contact;
        card.account = desk.find(EntityKind::account, account_or_contact.value(ContactField::account));
    } else {
        card.account = &account_or_contact;
    }
    if (!card.account) return card;
    const std::string& id = card.account->id;
    const auto& incidents = desk.incidents();
    for (std::uint32_t row = 0; row < incidents.size(); ++row) {
        if (incidents[row].value(IncidentField::account) != id) continue;
        (is_open_incident(incidents[row]) ? card.open : card.recent).push_back(row);
    }
    newest_change_first(desk, card.open);
    newest_change_first(desk, card.recent);
    if (card.recent.size() > recent_limit) card.recent.resize(recent_limit);
    for (const Entity& c : desk.entities(EntityKind::contact))
        if (c.value(ContactField::account) == id && c.flag(ContactField::active)) card.contacts.push_back(&c);
    for (const Entity& u : desk.entities(EntityKind::unit))
        if (u.value(UnitField::account) == id && u.flag(UnitField::active)) card.units.push_back(&u);
    return card;
}

Registration::Registration(Replica& replica, Draft& incident_draft, std::string actor)
    : replica_(replica),
      draft_(incident_draft),
      actor_(std::move(actor)),
      customers_(replica.desk()),
      units_(replica.desk()) {}

void Registration::refresh() {
    customers_.refresh();
    units_.refresh();
}

const Entity* Registration::account() const {
    return desk().find(EntityKind::account, draft_.value(IncidentField::account));
}
const Entity* Registration::contact() const {
    return desk().find(EntityKind::contact, draft_.value(IncidentField::contact));
}
const Entity* Registration::unit() const { return desk().find(EntityKind::unit, draft_.value(IncidentField::unit)); }

void Registration::choose_account(const Entity& account) {
    const bool same = draft_.value(IncidentField::account) == account.id;
    draft_.value(IncidentField::account) = account.id;
    draft_.value(IncidentField::customer_name) = account.value(AccountField::name);
    draft_.value(IncidentField::customer_address) = account.value(AccountField::address);
    draft_.value(IncidentField::customer_phone) = account.value(AccountField::phone);
    draft_.value(IncidentField::customer_fax) = account.value(AccountField::fax);
    draft_.value(IncidentField::customer_email) = account.value(AccountField::email);
    if (same) return;
    // Another company: the person, the unit and the entitlement chosen before belong to the
    // former one.
    draft_.value(IncidentField::entitlement).clear();
    draft_.value(IncidentField::contact).clear();
    draft_.value(IncidentField::customer_contact).clear();
    if (const Entity* u = unit(); u && u->value(UnitField::account) != account.id) clear_unit();
}

const EntitlementUse* Registration::entitlement() const {
    const std::string& chosen = draft_.value(IncidentField::entitlement);
    for (const EntitlementUse& use : view_.entitlements)
        if (chosen.empty() ? use.left() > 0 : use.contract->id == chosen) return &use;
    return nullptr;
}

void Registration::choose_entitlement(const Entity& contract) { draft_.value(IncidentField::entitlement) = contract.id; }

void Registration::clear_customer() {
    for (IncidentField f : {IncidentField::account, IncidentField::contact, IncidentField::entitlement,
                            IncidentField::customer_name, IncidentField::customer_contact,
                            IncidentField::customer_address, IncidentField::customer_phone,
                            IncidentField::customer_fax, IncidentField::customer_email})
        draft_.value(f).clear();
}

void Registration::clear_unit() {
    for (IncidentField f : {IncidentField::unit, IncidentField::unit_item, IncidentField::unit_serial,
                            IncidentField::unit_warranty_end, IncidentField::unit_contract})
        draft_.value(f).clear();
}

void Registration::choose_contact(const Entity& contact) {
    if (const Entity* acc = desk().find(EntityKind::account, contact.value(ContactField::account)))
        choose_account(*acc);
    draft_.value(IncidentField::contact) = contact.id;
    draft_.value(IncidentField::customer_contact) = contact.value(ContactField::name);
    // The person's own line and address reach them better than the switchboard's.
    if (const std::string_view phone = contact.value(ContactField::phone); !phone.empty())
        draft_.value(IncidentField::customer_phone) = phone;
    if (const std::string_view email = contact.value(ContactField::email); !email.empty())
        draft_.value(IncidentField::customer_email) = email;
}

void Registration::choose_unit(const Entity& unit, std::string_view date) {
    if (!account())
        if (const Entity* acc = desk().find(EntityKind::account, unit.value(UnitField::account))) choose_account(*acc);
    const UnitCoverage c = unit_coverage(desk(), unit, date);
    draft_.value(IncidentField::unit) = unit.id;
    draft_.value(IncidentField::unit_item) = unit.value(UnitField::item);
    draft_.value(IncidentField::unit_serial) = unit.value(UnitField::serial);
    draft_.value(IncidentField::unit_warranty_end) = c.warranty_end;
    draft_.value(IncidentField::unit_contract) = c.contract ? c.contract->value(ContractField::name) : std::string();
}

std::vector<const Entity*> Registration::blocking_reasons(std::int64_t now_ms) const {
    const std::string_view acc = draft_.value(IncidentField::account);
    if (acc.empty()) return {};
    return active_blocking_reasons(desk(), acc, now_ms);
}

std::vector<std::uint32_t> Registration::related_incidents(std::size_t limit) const {
    const std::string_view acc = draft_.value(IncidentField::account);
    const std::string_view person = draft_.value(IncidentField::contact);
    const std::string title = lookup_key(draft_.value(IncidentField::title));
    const bool by_title = title.size() >= kTitleMatchMin;
    std::vector<std::uint32_t> callers, titled;
    const auto& incidents = desk().incidents();
    for (std::uint32_t row = 0; row < incidents.size(); ++row) {
        const Incident& i = incidents[row];
        if (!is_open_incident(i)) continue;
        const bool caller = (!acc.empty() && i.value(IncidentField::account) == acc) ||
                            (!person.empty() && i.value(IncidentField::contact) == person);
        if (caller) callers.push_back(row);
        else if (by_title && lookup_key(i.value(IncidentField::title)).find(title) != std::string::npos)
            titled.push_back(row);
    }
    newest_change_first(desk(), callers);
    newest_change_first(desk(), titled);
    callers.insert(callers.end(), titled.begin(), titled.end());
    if (callers.size() > limit) callers.resize(limit);
    return callers;
}

Outcome Registration::add_call_to(std::uint32_t incident_row, std::int64_t now_ms) {
    if (incident_row >= desk().incidents().size()) return make_error("no_incident", "No such incident");
    const std::string id = desk().incidents()[incident_row].id;
    const std::string text = draft_.value(IncidentField::description);
    return replica_.commit([&](OpFactory& f) { return f.add_event(actor_, now_ms, id, "call_in", text); });
}

Draft& Registration::new_record(NewRecord what) {
    switch (what) {
        case NewRecord::account: return new_account_;
        case NewRecord::contact: return new_contact_;
        case NewRecord::unit: return new_unit_;
    }
    return new_unit_;
}

void Registration::start_new(NewRecord what) {
    Draft& d = new_record(what);
    d.clear();
    const std::string_view acc = draft_.value(IncidentField::account);
    switch (what) {
        case NewRecord::account: return;
        case NewRecord::contact: d.value(ContactField::account) = acc; return;
        case NewRecord::unit: d.value(UnitField::account) = acc; return;
    }
}

Outcome Registration::save_new(NewRecord what, std::int64_t now_ms, std::string_view date) {
    Draft& d = new_record(what);
    if (!d.validate()) return invalid_fields_error();
    std::string id;
    Outcome created = replica_.commit([&](OpFactory& f) {
        Operation op = f.create(actor_, now_ms, d.kind(), d.filled());
        id = op.entity_id;
        return op;
    });
    if (!created) return created;
    const Entity& record = *desk().find(d.kind(), id);
    switch (what) {
        case NewRecord::account: choose_account(record); break;
        case NewRecord::contact: choose_contact(record); break;
        case NewRecord::unit: choose_unit(record, date); break;
    }
    d.clear();
    return created;
}

}  // namespace hotline::app
