// Registering a call against real records (R1-R6): the customer and unit
// lookups, what choosing a record fills in the new incident's draft, the
// blocking reasons to warn about, the incidents the call may be about (R6), and
// new accounts, contacts and units made without leaving the form.
//
// What is chosen lives in the draft itself (the incident's account, contact and
// unit refs), so a saved incident holds both the refs and the snapshot (R3)
// taken when they were chosen; the snapshot is plain text the agent may still
// correct, and it stays as it was when the records change later.
// Whether a blocking reason forbids the save is the core's rule (entity_rules):
// saving through App::save_create is refused with its reason.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/customer_lookup.hpp"
#include "app/draft.hpp"
#include "app/replica.hpp"
#include "app/unit_lookup.hpp"
#include "core/entitlements.hpp"

namespace hotline::app {

// What the registration form can create without being left.
enum class NewRecord : std::uint8_t { account, contact, unit };

// A contact card: for an account (or a contact's account), its open incidents,
// its most recently changed closed ones, its contacts and its units.
struct CustomerCard {
    const Entity* account = nullptr;
    const Entity* contact = nullptr;      // when the card was asked for a contact
    std::vector<std::uint32_t> open;      // incident rows, newest change first
    std::vector<std::uint32_t> recent;    // closed or archived, newest change first
    std::vector<const Entity*> contacts;  // active ones
    std::vector<const Entity*> units;     // active ones
};

// Open: neither closed nor archived (a call about it continues it, R6).
bool is_open_incident(const Incident& incident);

CustomerCard customer_card(const Desk& desk, const Entity& account_or_contact, std::size_t recent_limit = 10);

// What the registration screen shows of the lookups, kept here rather than in
// the UI so that App::state_json can report it to the browser tests. The UI
// fills it each frame the form is drawn; the pointers are records of the desk,
// whose entities keep their place (desk.hpp).
struct RegistrationView {
    std::string caller_query, serial_query;  // as typed
    bool callers_open = false, serials_open = false;  // the dropdown shows
    std::vector<CustomerMatch> callers;      // matches of caller_query while open
    std::vector<const Entity*> serials;      // matches of serial_query while open
    std::size_t caller_highlight = 0, serial_highlight = 0;
    std::string warranty, contract;          // the chosen unit's warranty_text and contract_text, today
    std::vector<const Entity*> blocking;     // blocking_reasons(now) of the chosen account
    // S7: the chosen account's entitlements in force today, and what they were counted for
    // (the account, the day and the list's changes: counted again when an incident changed).
    std::vector<EntitlementUse> entitlements;
    std::string entitlements_key;
    std::vector<std::uint32_t> related;      // related_incidents(), as last refreshed
    std::string related_key;                 // what `related` was computed for
    std::size_t related_highlight = 0;
    bool new_record_open = false;            // the inline new-record form shows
    NewRecord new_record = NewRecord::account;
};

class Registration {
public:
    Registration(Replica& replica, Draft& incident_draft, std::string actor);

    CustomerLookup& customers() { return customers_; }
    UnitLookup& units() { return units_; }
    void refresh();  // the lookups see records edited since (the form opens, sync brought records)
    RegistrationView& view() { return view_; }
    const RegistrationView& view() const { return view_; }

    // Choosing fills the draft's snapshot and refs. A contact brings its account;
    // a unit brings its account when none is chosen yet. `date` ("YYYY-MM-DD") is
    // the day the unit's warranty and contract are judged on.
    void choose_account(const Entity& account);
    void choose_contact(const Entity& contact);
    void choose_unit(const Entity& unit, std::string_view date);
    // "Clear" on the form: the customer (account, contact and their snapshot) or the unit is unchosen.
    void clear_customer();
    void clear_unit();
    const Entity* account() const;
    const Entity* contact() const;
    const Entity* unit() const;
    // The chosen account's blocking reasons in force now, "forbid" ones first.
    std::vector<const Entity*> blocking_reasons(std::int64_t now_ms) const;
    // S7: the entitlement the new incident will draw on, of view().entitlements: the one
    // chosen, else the first with something left (what saving takes: entitlements.hpp).
    const EntitlementUse* entitlement() const;
    void choose_entitlement(const Entity& contract);

    // R6: the open incidents of the chosen account or contact, then open incidents
    // whose title contains the draft's title (from 3 letters on); incident rows.
    std::vector<std::uint32_t> related_incidents(std::size_t limit = 20) const;
    // The call becomes a call_in event of that incident, with the draft's
    // description as its text; no incident is created.
    Outcome add_call_to(std::uint32_t incident_row, std::int64_t now_ms);

    // New records from the form: start_new clears the record's draft (a new
    // contact's or unit's account is the chosen one); save_new validates it,
    // creates the record and chooses it (`date` as for choose_unit).
    Draft& new_record(NewRecord what);
    void start_new(NewRecord what);
    Outcome save_new(NewRecord what, std::int64_t now_ms, std::string_view date);

private:
    const Desk& desk() const { return replica_.desk(); }

    Replica& replica_;
    Draft& draft_;
    std::string actor_;
    CustomerLookup customers_;
    UnitLookup units_;
    Draft new_account_{EntityKind::account};
    Draft new_contact_{EntityKind::contact};
    Draft new_unit_{EntityKind::unit};
    RegistrationView view_;
};

}  // namespace hotline::app
