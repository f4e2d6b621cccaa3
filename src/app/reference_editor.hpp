// The Reference data tab's state and commands (P6): for each reference kind
// (admin_access.hpp) the list of its records and one form, built from the kind's
// field list in the schema. Saving goes through operations like every other
// change, so it works offline and syncs; what the core refuses (role, key, a
// value, a ref to nothing) comes back as the Outcome, for the screen to show.
//
// A new record is one create (keyed kinds — departments, codes, staff profiles —
// under the key typed, which is never changed after: other records name it); an
// edit is one set per changed field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/draft.hpp"
#include "app/replica.hpp"
#include "core/authorization.hpp"

namespace hotline::app {

// The records of `kind`, by title then id: the lists and the ref pickers.
std::vector<const Entity*> sorted_records(const Desk& desk, EntityKind kind);

class ReferenceEditor {
public:
    ReferenceEditor(Replica& replica, Principal who);

    EntityKind kind() const { return kind_; }
    void set_kind(EntityKind kind);  // closes the form
    std::vector<const Entity*> records() const { return sorted_records(replica_.desk(), kind_); }
    bool editable() const;           // the signed-in role may create and change this kind

    // --- The form ---
    bool form_open() const { return open_; }
    bool is_new() const { return open_ && editing_.empty(); }
    const std::string& editing() const { return editing_; }  // the record's id; empty for a new one
    void start_new();
    bool open(const std::string& id);  // false: no such record of this kind
    void close() { open_ = false; }
    Draft& draft() { return draft_; }
    const Draft& draft() const { return draft_; }
    std::string key;                                        // a new keyed record's key, as typed
    const std::string& key_error() const { return key_error_; }
    bool keyed() const { return kind_spec(kind_).ids == IdScheme::keyed; }

    // Validates and saves the form; the saved record stays open. Refusals:
    // forbidden_role, invalid_fields (errors per field, key_error()), no_changes,
    // or the desk's own.
    Outcome save(std::int64_t now_ms);

private:
    const Desk& desk() const { return replica_.desk(); }
    Outcome save_changes(const Entity& record, std::int64_t now_ms);

    Replica& replica_;
    Principal who_;
    EntityKind kind_ = EntityKind::department;
    Draft draft_{EntityKind::department};
    bool open_ = false;
    std::string editing_;
    std::string key_error_;
};

}  // namespace hotline::app
