#include "app/reference_editor.hpp"

#include <algorithm>

#include "app/admin_access.hpp"
#include "app/i18n.hpp"

namespace hotline::app {

std::vector<const Entity*> sorted_records(const Desk& desk, EntityKind kind) {
    std::vector<const Entity*> out;
    for (const Entity& e : desk.entities(kind)) out.push_back(&e);
    std::sort(out.begin(), out.end(), [](const Entity* a, const Entity* b) {
        const std::string_view ta = record_title(*a);
        const std::string_view tb = record_title(*b);
        return ta != tb ? ta < tb : a->id < b->id;
    });
    return out;
}

ReferenceEditor::ReferenceEditor(Replica& replica, Principal who) : replica_(replica), who_(std::move(who)) {}

void ReferenceEditor::set_kind(EntityKind kind) {
    if (kind == kind_) return;
    kind_ = kind;
    draft_ = Draft(kind);
    open_ = false;
}

bool ReferenceEditor::editable() const { return may_edit_reference(who_, kind_); }

void ReferenceEditor::start_new() {
    draft_.clear();
    key.clear();
    key_error_.clear();
    editing_.clear();
    open_ = true;
}

bool ReferenceEditor::open(const std::string& id) {
    const Entity* record = desk().find(kind_, id);
    if (!record) return false;
    draft_.load(*record);
    key_error_.clear();
    editing_ = id;
    open_ = true;
    return true;
}

Outcome ReferenceEditor::save(std::int64_t now_ms) {
    if (!open_) return make_error("no_form", "Nothing to save");
    const bool creating = editing_.empty();
    if (Outcome allowed = check_may_write(who_, kind_, creating); !allowed) return allowed;
    const bool fields_ok = draft_.validate();
    key_error_.clear();
    if (creating && keyed()) {
        if (!is_valid_record_id(kind_, key)) key_error_ = tr(kind_ == EntityKind::staff_profile ? "admin.bad_login" : "admin.bad_key");
        else if (desk().find(kind_, key)) key_error_ = tr_format("admin.key_taken", {key});
    }
    if (!fields_ok || !key_error_.empty()) return invalid_fields_error();
    if (!creating) return save_changes(*desk().find(kind_, editing_), now_ms);
    std::string id;
    Outcome created = replica_.commit([&](OpFactory& f) {
        Operation op = f.create(who_.actor(), now_ms, kind_, draft_.filled(), keyed() ? key : std::string());
        id = op.entity_id;
        return op;
    });
    if (created) editing_ = id;
    return created;
}

Outcome ReferenceEditor::save_changes(const Entity& record, std::int64_t now_ms) {
    const std::vector<FieldId> changes = draft_.changes_from(record);
    if (changes.empty()) return make_error("no_changes", std::string(tr("There are no changes to save")));
    const std::string id = record.id;
    // A set of each changed field, keyed records too: a second create of the key would have to
    // carry every required field (the server refuses one without), and would stamp fields
    // nobody changed here, undoing another manager's edit of them by last writer wins.
    for (FieldId field : changes) {
        Outcome done = replica_.commit(
            [&](OpFactory& f) { return f.set_field(who_.actor(), now_ms, kind_, id, field, draft_.value(field)); });
        if (!done) return done;
    }
    return {};
}

}  // namespace hotline::app
