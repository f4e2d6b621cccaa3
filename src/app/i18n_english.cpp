// English, the source language: the texts of the dotted keys, and the plural
// forms (one, other) of the keys given to tr_plural(). A short label is its own
// key and needs no entry. Sorted by key (binary search).
#include "app/i18n_english.hpp"

#include <algorithm>
#include <iterator>

namespace hotline::app {
namespace {

struct Entry {
    std::string_view key;
    std::string_view text;
};

constexpr Entry kTexts[] = {
    {"admin.bad_key", "A key is 1-32 characters of a-z, 0-9 and _"},
    {"admin.bad_login", "A login is 1-48 characters of a-z, 0-9, '.', '_', '-', '@'"},
    {"admin.bad_role", "Choose a role"},
    {"admin.busy", "Wait for the server's answer to the last request"},
    {"admin.key_hint", "a-z, 0-9 and _, never changed later"},
    {"admin.key_taken", "There is already a record with the key {}"},
    {"admin.name_missing", "Enter the display name"},
    {"admin.name_problem", "The name {}"},
    {"admin.needs_connection", "User accounts live on the server: this needs a connection to it"},
    {"admin.new_record", "New: {}"},
    {"admin.no_user", "No user {}"},
    {"admin.not_allowed", "Administration is for administrators and managers"},
    {"admin.password_missing", "Enter a password"},
    {"admin.password_reset", "New password set for {}; their sessions have ended"},
    {"admin.read_only", "Read-only for your role"},
    {"admin.record", "{} {}"},
    {"admin.record_saved", "{} {} saved"},
    {"admin.sending", "Sending to the server\xe2\x80\xa6"},
    {"admin.user", "User {}"},
    {"admin.user_created", "User {} created"},
    {"admin.user_deactivated", "User {} deactivated"},
    {"admin.user_reactivated", "User {} reactivated"},
    {"admin.user_saved", "User {} saved"},
    {"admin.users_forbidden", "Only administrators manage users"},
    {"billing.billable", "Billable ({})"},
    {"billing.not_billable", "Not billable ({})"},
    {"billing.overridden", "overridden: {}"},
    {"conflicts.discarded", "Change discarded"},
    {"conflicts.empty", "No conflicts: every change was accepted by the server"},
    {"conflicts.intro", "The server refused these changes. Re-apply one to try it again as a new change, or discard it."},
    {"conflicts.reapplied", "Change applied again; it will be sent with the next sync"},
    {"coverage.none", "no coverage"},
    {"coverage.service_contract", "service contract"},
    {"coverage.subcontract", "subcontract agreement"},
    {"coverage.warranty", "warranty"},
    {"create.child_of", "Child incident of {} {}"},
    {"create.done", "Incident {} registered"},
    {"create.keys", "Ctrl+Enter saves \xc2\xb7 Esc cancels"},
    {"deadline.set", "Resolve by {}"},
    {"demo.banner", "Demo data \xe2\x80\x94 changes stay in this browser"},
    {"demo.failed", "The demo data could not be loaded: {}"},
    {"detail.number", "Incident {}"},
    {"entitlement.drawn", "Draws on entitlement {}"},
    {"entitlement.hours", "{}: {} of {} h left"},
    {"entitlement.none_left", "No entitlement with anything left: the incident is registered without one"},
    {"entitlement.until", ", until {}"},
    {"entitlement.waived", "Entitlement {} waived: {}"},
    {"export.saved", "File {} saved"},
    {"filter.active", "Active"},
    {"form.fix_fields", "Fix the fields marked in red"},
    {"knowledge.drafted", "Draft article saved and linked to the incident"},
    {"knowledge.linked", "Article linked"},
    {"knowledge.no_linked", "No article is linked to this incident"},
    {"knowledge.none_found", "No article found"},
    {"knowledge.published", "Article published"},
    {"knowledge.saved", "Article saved"},
    {"knowledge.search_hint", "Search titles and text\xe2\x80\xa6"},
    {"knowledge.unlinked", "Article unlinked"},
    {"list.empty", "No incident matches the search and filters"},
    {"log.event", "Event: {}"},
    {"log.order", "Order {}"},
    {"notify.assigned", "Assigned to you by {}"},
    {"notify.empty", "Nothing to tell you yet: SLA alerts and incidents given to you show here"},
    {"notify.sla_late", "{} late: was due {}"},
    {"notify.sla_warning", "{} at Warning: due {}"},
    {"queue.added", "Added to queue {}"},
    {"queue.none", "No queue yet: managers add them under Administration, Reference data"},
    {"queue.picked", "Incident {} is yours"},
    {"queue.skills", "Needs: {}"},
    {"queue.waiting", "Waiting in queue {}"},
    {"registration.add_call_to", "Add call to {}"},
    {"registration.call_added", "Call added to incident {}"},
    {"registration.caller_hint", "Name, phone or email of the caller\xe2\x80\xa6 (Ctrl+K)"},
    {"registration.created", "{} created"},
    {"registration.forbidden", "Calls may not be registered for this account: {}"},
    {"registration.related_keys", "Ctrl+E adds the call to the highlighted one"},
    {"registration.serial_hint", "Serial number or its beginning\xe2\x80\xa6 (Ctrl+U)"},
    {"registration.subcontract", "Subcontract agreement: {}"},
    {"registration.warned", "Warning: {}"},
    {"relations.child_started", "New child incident of {}: complete it and save"},
    {"relations.merge_confirm", "Merge {} into {} ({})? Its events, time entries and article links move there and it is closed. A merge cannot be undone."},
    {"relations.merged_done", "{} merged into {}"},
    {"relations.merged_elsewhere", "Merged into an incident this device does not hold"},
    {"routing.done", "Routed by rule {}"},
    {"rule_test.fires", "Route gives it to rule {} today"},
    {"rule_test.matches", "Incident {} meets every condition of this rule"},
    {"rule_test.none_fires", "No saved rule routes it today"},
    {"rule_test.unmet", "Incident {} does not meet: {}"},
    {"selection.unsaved", "Save or discard the changes to incident {} first"},
    {"settings.text_size", "{}%"},
    {"signin.failed", "The server could not sign you in; try again"},
    {"signin.fill_both", "Enter your login and your password"},
    {"signin.intro", "Sign in to the Hotline server. After that, Hotline keeps working on this computer without a network."},
    {"signin.offline", "The server cannot be reached; check the network and try again"},
    {"signin.wrong", "Wrong login or password"},
    {"sla.alert", "{} due {}"},
    {"sla.by_hand_only", "No SLA policy: a deadline set by hand, counted around the clock"},
    {"sla.due", "{}: due {}"},
    {"sla.due_left", "{}: due {}, {} left"},
    {"sla.hours_minutes", "{}h {}m"},
    {"sla.met", "{}: met {}"},
    {"sla.met_late", "{}: met late, {}"},
    {"sla.minutes", "{}m"},
    {"sla.no_deadline", "{}: no working time ahead on its calendar"},
    {"sla.overdue", "{}: was due {}, {} overdue"},
    {"sla.paused", "{}: paused while {}"},
    {"sla.policy", "SLA {}, counted in the working hours of {}"},
    {"sla.policy_24_7", "SLA {}, counted around the clock (UTC)"},
    {"sla.zone_pending", "Counted in UTC until the server sends the calendar's time zone rules"},
    {"stage.accept", "Accept"},
    {"stage.archive", "Archive"},
    {"stage.assign", "Assign"},
    {"stage.assign_below", "Choose them under Assignment below"},
    {"stage.close", "Close"},
    {"stage.compact", "Stage {} of {}: {}"},
    {"stage.finished", "Every stage is done"},
    {"stage.next", "Next step: {}"},
    {"stage.register", "Register"},
    {"stage.solve", "Solve"},
    {"stage.work", "Work"},
    {"status.done", "Status changed to {}"},
    {"summary.archived", "This incident is archived: it can be read, not changed"},
    {"summary.discarded", "Changes discarded"},
    {"summary.handed_over", "This incident was handed over to someone else: it can be read here, not changed"},
    {"summary.resolution_text", "Resolution typed as text (before codes): {} / {}"},
    {"sync.conflicts", "Conflicts: {}"},
    {"sync.error", "Sync error: {}"},
    {"sync.first", "First sync \xc2\xb7 {} of {} MB \xc2\xb7 {} of {} incidents"},
    {"sync.never", "Not synced yet"},
    {"sync.online", "Synced {}"},
    {"sync.refused", "The server refused a change: {} (see Conflicts)"},
    {"sync.signed_out", "The session has ended"},
    {"sync.user", "Signed in as {}"},
    {"timeline.merged_from", "{} (from {})"},
    {"unit.contract_in_force", "{} ({}), in force"},
    {"unit.contract_not_in_force", "{} ({}), not in force"},
    {"unit.in_warranty", "In warranty until {}"},
    {"unit.warranty_expired", "Warranty expired {}"},
    // The reasons of a refused field value (core check_field_value, Error::args).
    {"value.choice", "must be one of the listed values"},
    {"value.control_character", "contains a control character"},
    {"value.count", "must be a whole number"},
    {"value.date", "must be a date YYYY-MM-DD"},
    {"value.flag", "must be true or false"},
    {"value.kind", "has an unknown kind"},
    {"value.not_utf8", "is not valid UTF-8 text"},
    {"value.one_line", "must be one line"},
    {"value.priority", "must be 1 (critical) to 4 (low)"},
    {"value.ref", "is not the id of a record"},
    {"value.too_long", "is too long"},
    {"welcome.demo", "To look around first, open the demo desk: a separate desk with sample customers and incidents, kept in this browser too."},
    {"welcome.open_demo", "Open the demo desk"},
    {"welcome.register", "Register an incident here with New incident (N): it is kept in this browser and works offline."},
    {"welcome.server", "To work with your team, open the address of your Hotline server and sign in: its incidents come to this browser and sync."},
    {"welcome.title", "This browser's own desk"},
    {"welcome.what", "Nothing is registered on this desk yet. It is not connected to a Hotline server: what is registered here stays in this browser."},
};

struct Plural {
    std::string_view key;
    std::string_view one;
    std::string_view other;
};

constexpr Plural kPlurals[] = {
    {"entitlement.incidents", "{}: {} of {} incident left", "{}: {} of {} incidents left"},
    {"filter.some", "{} selected", "{} selected"},
    {"list.count", "{} incident", "{} incidents"},
    {"list.count_filtered", "{} of {} incident", "{} of {} incidents"},
    {"open.damaged", "Some saved data was damaged and skipped ({} problem); everything intact was loaded",
     "Some saved data was damaged and skipped ({} problems); everything intact was loaded"},
    {"queue.depth", "{} waiting", "{} waiting"},
    {"sync.offline", "Offline \xc2\xb7 {} change waiting", "Offline \xc2\xb7 {} changes waiting"},
    {"sync.pending", "Syncing \xc2\xb7 {} change to send", "Syncing \xc2\xb7 {} changes to send"},
};

template <typename Table>
auto find(const Table& table, std::string_view key) {
    auto it = std::lower_bound(std::begin(table), std::end(table), key,
                               [](const auto& e, std::string_view k) { return e.key < k; });
    return it != std::end(table) && it->key == key ? &*it : nullptr;
}

constexpr auto kByKey = [](const auto& a, const auto& b) { return a.key < b.key; };
static_assert(std::is_sorted(std::begin(kTexts), std::end(kTexts), kByKey));
static_assert(std::is_sorted(std::begin(kPlurals), std::end(kPlurals), kByKey));

}  // namespace

std::string_view english_text(std::string_view key) {
    const Entry* e = find(kTexts, key);
    return e ? e->text : key;
}

std::optional<std::string_view> english_plural(std::string_view key, bool one) {
    const Plural* p = find(kPlurals, key);
    if (!p) return std::nullopt;
    return one ? p->one : p->other;
}

std::vector<std::string_view> english_keys() {
    std::vector<std::string_view> keys;
    for (const Entry& e : kTexts) keys.push_back(e.key);
    for (const Plural& p : kPlurals) keys.push_back(p.key);
    return keys;
}

bool is_plural_key(std::string_view key) { return find(kPlurals, key) != nullptr; }

}  // namespace hotline::app
