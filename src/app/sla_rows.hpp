// The SLA of every incident in the list (issue 14, S2): per row, the instants at which the
// running metric reaches Follow-up, Warning and Late, computed when the incident changes or
// the SLA policies and calendars do (core/incident_sla.hpp), never each frame. A frame
// reads a row's state by comparing those instants with the clock; the countdown of the few
// rows on screen is one calendar lookup each.
#pragma once

#include <cstdint>
#include <vector>

#include "core/desk.hpp"
#include "core/incident_sla.hpp"

namespace hotline::app {

class SlaRows {
public:
    // Rebuilds the policies when their records changed since the last call (or on the
    // first); returns true then, and every row must be set again (assign()).
    bool refresh_policies(const Desk& desk, std::int64_t now_s);
    // Every row of `incidents` to compute again: none is until compute_some() reaches it.
    void restart(std::size_t rows);
    // Computes the next `count` rows not computed since restart(); true when none is left.
    bool compute_some(const IncidentList& incidents, std::size_t count);
    bool complete() const { return next_ >= rows_.size(); }
    void set(std::uint32_t row, const Incident& incident);  // new (row == size()) or changed
    void clear_rows() { restart(0); }
    std::size_t size() const { return rows_.size(); }

    // Running metrics by deadline, soonest first; then paused ones; then the others.
    std::uint64_t sort_key(std::uint32_t row) const { return keys_[row]; }
    // The row's state at `now_s`, with the working time left (negative: overdue).
    SlaStatus status(std::uint32_t row, std::int64_t now_s) const;
    const SlaPolicies& policies() const { return policies_; }
    std::size_t memory_bytes() const { return rows_.capacity() * sizeof(Row) + keys_.capacity() * sizeof(std::uint32_t); }

private:
    struct Row {
        std::int64_t follow_up = 0, warning = 0, late = 0;  // the running metric's instants
        std::uint16_t calendar = 0;                         // the calendar counting now
        SlaStatus::State kind = SlaStatus::State::none;     // on_track (running), paused, met, breached, none
        SlaMetric metric = SlaMetric::response;
    };
    Row row_of(const Incident& incident) const;
    void put(std::size_t at, const Row& row);  // the row and its sort key
    static std::uint32_t key_of(const Row& row);

    SlaPolicies policies_;
    std::uint64_t version_ = 0;
    bool loaded_ = false;
    std::vector<Row> rows_;
    std::vector<std::uint32_t> keys_;  // sort_key() of each row, apart: the sort reads them alone
    std::size_t next_ = 0;  // rows before it are computed (since restart())
};

}  // namespace hotline::app
