// The open incident (detail screen): its Summary draft, the event being typed
// on its Timeline (W11), its Transaction log (W15) as display rows, and the
// commands that change it — save, add an event, change status (W1 with the W5
// guard). Each command either makes its operations or changes nothing and
// returns the reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/draft.hpp"
#include "app/incident_rows.hpp"
#include "app/list_model.hpp"
#include "app/local_zone.hpp"
#include "app/replica.hpp"

namespace hotline::app {

class IncidentEditor {
public:
    IncidentEditor(Replica& replica, ListModel& list, Principal who, LocalZone zone);

    // Shows `row`; its drafts start from the incident as it is now.
    void open(std::uint32_t row);
    void close();
    std::optional<std::uint32_t> row() const { return row_; }
    const Incident* incident() const;
    // Archived incidents are read-only (W10), and on a technician's device one handed over
    // to someone else (W2): check_workable(), whose error says why.
    bool editable() const;
    Outcome workable() const;  // success when no incident is open

    Draft& draft() { return draft_; }
    const Draft& draft() const { return draft_; }
    bool has_unsaved_edits() const;  // the Summary differs from the incident
    void revert();                   // back to the incident's values
    // The incident changed underneath the form (a sync, another panel's command): the fields
    // the user has not edited take its new values, the edited ones keep what was typed.
    void rebase();

    std::string& event_type() { return event_type_; }
    const std::string& event_type() const { return event_type_; }
    std::string& event_text() { return event_text_; }
    const std::string& event_text() const { return event_text_; }
    bool has_event_text() const;  // an event is being typed (not only spaces)

    // Summary save: one `set` per changed field.
    Outcome save(std::int64_t now_ms);
    // Adds the typed event and empties the box. The same event (incident, type
    // and text) submitted again within kRepeatWindowMs is a double submit (a
    // key pressed twice), not a second event: refused as "event_repeated".
    Outcome add_event(std::int64_t now_ms);
    static constexpr std::int64_t kRepeatWindowMs = 2000;
    // The transition is checked against the incident WITH the Summary's unsaved
    // edits (so "fill in the solution, press Solved" works); refused, nothing
    // changes, the edits included; allowed, the edits are saved, then the status.
    Outcome change_status(IncidentStatus to, std::int64_t now_ms);

    const std::vector<TimelineRow>& timeline();
    const std::vector<LogRow>& transaction_log();

private:
    Outcome commit_changes(std::int64_t now_ms);
    void refresh_rows();

    Replica& replica_;
    ListModel& list_;
    Principal who_;
    std::string actor_;
    LocalZone zone_;
    std::optional<std::uint32_t> row_;
    Draft draft_;
    Draft base_;  // the incident's values the draft was last loaded or rebased from
    std::string event_type_;
    std::string event_text_;
    struct AddedEvent {
        std::string incident_id, type, text;
        std::int64_t at_ms = 0;
    };
    std::optional<AddedEvent> last_added_;  // the last event added, against double submits
    // Display rows, rebuilt when the incident's history grows (every change adds to it).
    std::size_t rows_history_size_ = 0;
    std::uint64_t rows_changes_ = 0;  // Replica::changes_written() when they were built
    std::optional<std::uint32_t> rows_row_;
    std::vector<TimelineRow> timeline_;
    std::vector<LogRow> log_;
};

}  // namespace hotline::app
