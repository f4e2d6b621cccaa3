// App commands of an incident's relations (W12, core/relations.hpp): registering a child
// incident from the open one, and merging the open one into another after confirming it.
#include "app/app.hpp"
#include "app/i18n.hpp"
#include "core/relations.hpp"

namespace hotline::app {

bool App::open_incident_id(std::string_view incident_id) {
    const auto row = desk().row_of(incident_id);
    return row && open_incident(*row);
}

bool App::start_child() {
    const Incident* parent = editor_.incident();
    if (!parent || refuse_to_leave_edits()) return false;
    if (!create_draft_.is_blank()) {
        // Nothing typed is lost: the incident being registered is finished or discarded first.
        start_create();
        return report(make_error("draft_waiting", "Save or discard the new incident being registered first"), {});
    }
    if (auto ok = check_parent(desk(), {}, parent->id); !ok) return report(ok, {});
    for (const auto& [field, value] : child_fields(*parent)) create_draft_.value(field) = value;
    start_create();
    say(tr_format("relations.child_started", {parent->number.display()}), false);
    return true;
}

void App::forget_parent() { create_draft_.value(IncidentField::parent).clear(); }

bool App::ask_merge() {
    const Incident* merged = editor_.incident();
    if (!merged || merge_.incident != merged->id) return false;
    merge_.target.clear();
    const auto row = row_of_number(merge_.typed);
    if (!row) return report(row.error(), {});
    const Incident& into = desk().incidents()[*row];
    if (auto ok = check_merge(desk(), merged->id, into.id); !ok) return report(ok, {});
    merge_.target = into.id;
    return true;
}

bool App::confirm_merge(std::int64_t now_ms) {
    const Incident* merged = editor_.incident();
    if (!merged || merge_.incident != merged->id || merge_.target.empty() || refuse_to_leave_edits()) return false;
    const std::string number = merged->number.display();
    const Incident* into = desk().find(merge_.target);
    const std::string into_number = into ? into->number.display() : merge_.target;
    const std::string merged_id = merged->id;
    Outcome done = replica_.commit([&](OpFactory& f) { return f.merge(actor_, now_ms, merged_id, merge_.target); });
    if (!done) return report(done, {});
    merge_ = {};
    incidents_changed({merged_id});
    return report(done, tr_format("relations.merged_done", {number, into_number}));
}

}  // namespace hotline::app
