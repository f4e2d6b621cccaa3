#include "app/incident_editor.hpp"

#include "app/i18n.hpp"
#include "core/handover.hpp"
#include "core/workflow.hpp"

namespace hotline::app {
namespace {

constexpr std::string_view kDefaultEventType = "note";

}  // namespace

IncidentEditor::IncidentEditor(Replica& replica, ListModel& list, Principal who, LocalZone zone)
    : replica_(replica),
      list_(list),
      who_(std::move(who)),
      actor_(who_.actor()),
      zone_(zone),
      event_type_(kDefaultEventType) {}

void IncidentEditor::open(std::uint32_t row) {
    row_ = row;
    draft_.load(list_.incident(row));
    base_ = draft_;
    event_text_.clear();
}

void IncidentEditor::close() { row_.reset(); }

const Incident* IncidentEditor::incident() const { return row_ ? &list_.incident(*row_) : nullptr; }

bool IncidentEditor::editable() const { return incident() && workable().ok(); }

Outcome IncidentEditor::workable() const {
    const Incident* inc = incident();
    return inc ? check_workable(who_, *inc) : Outcome{};
}

bool IncidentEditor::has_unsaved_edits() const {
    const Incident* inc = incident();
    return inc && draft_.differs_from(*inc);
}

void IncidentEditor::revert() {
    if (const Incident* inc = incident()) draft_.load(*inc);
    base_ = draft_;
}

void IncidentEditor::rebase() {
    const Incident* inc = incident();
    if (!inc) return;
    for (const FieldSpec& spec : fields_of(EntityKind::incident))
        if (draft_.value(spec.id) == base_.value(spec.id)) draft_.value(spec.id) = std::string(inc->value(spec.id));
    base_.load(*inc);
}

Outcome IncidentEditor::commit_changes(std::int64_t now_ms) {
    const Incident& inc = *incident();
    std::vector<FieldId> changes = draft_.changes_from(inc);
    for (FieldId f : changes) {
        Outcome done = replica_.commit([&](OpFactory& factory) {
            return factory.set_field(actor_, now_ms, inc.id, f, draft_.value(f));
        });
        if (!done) {
            if (f != changes.front()) list_.row_changed(*row_);
            return done;
        }
        base_.value(f) = draft_.value(f);  // saved: the incident's value now, no longer an edit
    }
    if (!changes.empty()) list_.row_changed(*row_);
    return {};
}

Outcome IncidentEditor::save(std::int64_t now_ms) {
    const Incident* inc = incident();
    if (!inc) return make_error("no_incident", std::string(tr("No incident is open")));
    if (auto ok = workable(); !ok) return ok;
    if (!draft_.validate()) return invalid_fields_error();
    if (!draft_.differs_from(*inc)) return make_error("no_changes", std::string(tr("There are no changes to save")));
    return commit_changes(now_ms);
}

bool IncidentEditor::has_event_text() const { return !is_blank(event_text_); }

Outcome IncidentEditor::add_event(std::int64_t now_ms) {
    const Incident* inc = incident();
    if (!inc) return make_error("no_incident", std::string(tr("No incident is open")));
    if (auto ok = workable(); !ok) return ok;
    if (is_blank(event_text_)) return make_error("empty_event", std::string(tr("Write the event text first")));
    if (last_added_ && last_added_->incident_id == inc->id && last_added_->type == event_type_ &&
        last_added_->text == event_text_ && now_ms - last_added_->at_ms < kRepeatWindowMs)
        return make_error("event_repeated", std::string(tr("This event was added a moment ago")));
    Outcome done = replica_.commit([&](OpFactory& factory) {
        return factory.add_event(actor_, now_ms, inc->id, event_type_, event_text_);
    });
    if (!done) return done;
    last_added_ = AddedEvent{inc->id, event_type_, event_text_, now_ms};
    event_text_.clear();
    list_.row_changed(*row_);
    return {};
}

Outcome IncidentEditor::change_status(IncidentStatus to, std::int64_t now_ms) {
    const Incident* inc = incident();
    if (!inc) return make_error("no_incident", std::string(tr("No incident is open")));
    if (auto ok = workable(); !ok) return ok;
    const bool edited = draft_.differs_from(*inc);
    if (edited && !draft_.validate()) return invalid_fields_error();
    Incident preview = *inc;
    for (FieldId f : draft_.changes_from(*inc)) preview.set_value(f, draft_.value(f));
    if (auto allowed = check_transition(preview, to); !allowed) return allowed;
    if (edited)
        if (auto saved = commit_changes(now_ms); !saved) return saved;
    Outcome done = replica_.commit([&](OpFactory& factory) { return factory.transition(actor_, now_ms, inc->id, to); });
    if (done) list_.row_changed(*row_);
    return done;
}

void IncidentEditor::refresh_rows() {
    const Incident* inc = incident();
    if (!inc) {
        timeline_.clear();
        log_.clear();
        rows_row_.reset();
        return;
    }
    // Every write to the replica, too: the incident's time entries are records of their own.
    if (rows_row_ == row_ && rows_history_size_ == inc->history.size() && rows_changes_ == replica_.changes_written())
        return;
    rows_row_ = row_;
    rows_history_size_ = inc->history.size();
    rows_changes_ = replica_.changes_written();
    timeline_ = timeline_rows(replica_.desk(), *inc, zone_);
    log_ = log_rows(replica_.desk(), *inc, zone_);
}

const std::vector<TimelineRow>& IncidentEditor::timeline() {
    refresh_rows();
    return timeline_;
}

const std::vector<LogRow>& IncidentEditor::transaction_log() {
    refresh_rows();
    return log_;
}

}  // namespace hotline::app
