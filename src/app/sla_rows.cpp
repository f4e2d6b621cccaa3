#include "app/sla_rows.hpp"

#include <algorithm>
#include <limits>

namespace hotline::app {
namespace {

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
// Sort keys: deadlines as seconds since 1970 (to 2106), the rows without one just after them,
// all in 32 bits: two passes of the radix sort, over a dense array the sort reads in order.
constexpr std::uint32_t kAfterDeadlines = std::numeric_limits<std::uint32_t>::max() - 3;

}  // namespace

bool SlaRows::refresh_policies(const Desk& desk, std::int64_t now_s) {
    const std::uint64_t version = SlaPolicies::version(desk);
    if (loaded_ && version == version_) return false;
    policies_ = SlaPolicies::of(desk, now_s);
    version_ = version;
    loaded_ = true;
    return true;
}

SlaRows::Row SlaRows::row_of(const Incident& incident) const {
    Row row;
    const IncidentSla sla = incident_sla(policies_, incident);
    if (!sla.policy) return row;
    row.calendar = static_cast<std::uint16_t>(sla.calendar);
    const auto running = sla.running();
    if (!running) {
        row.kind = finished_state(sla);
        return row;
    }
    const MetricSla& m = sla.metric(*running);
    row.metric = *running;
    if (m.moments.late) {
        row.kind = SlaStatus::State::on_track;
        row.follow_up = m.moments.follow_up.value_or(*m.moments.late);
        row.warning = m.moments.warning.value_or(*m.moments.late);
        row.late = *m.moments.late;
    } else {
        // Stopped by a pause that has not ended, or no working time in sight: no deadline.
        const bool paused = !m.clock.pauses.empty() && m.clock.pauses.back().end == kOpenEnded;
        row.kind = paused ? SlaStatus::State::paused : SlaStatus::State::on_track;
        row.follow_up = row.warning = row.late = kNever;
    }
    return row;
}

void SlaRows::restart(std::size_t rows) {
    rows_.assign(rows, Row{});
    keys_.assign(rows, key_of(Row{}));
    next_ = 0;
}

bool SlaRows::compute_some(const IncidentList& incidents, std::size_t count) {
    const std::size_t end = std::min(rows_.size(), next_ + count);
    for (; next_ < end; ++next_) put(next_, row_of(incidents[next_]));
    return complete();
}

void SlaRows::set(std::uint32_t row, const Incident& incident) {
    if (row == rows_.size()) {
        rows_.emplace_back();
        keys_.emplace_back();
    }
    put(row, row_of(incident));
}

void SlaRows::put(std::size_t at, const Row& row) {
    rows_[at] = row;
    keys_[at] = key_of(row);
}

std::uint32_t SlaRows::key_of(const Row& r) {
    switch (r.kind) {
        case SlaStatus::State::on_track:
            return r.late == kNever ? kAfterDeadlines
                                    : static_cast<std::uint32_t>(std::clamp<std::int64_t>(r.late, 0, kAfterDeadlines - 1));
        case SlaStatus::State::paused: return kAfterDeadlines + 1;
        case SlaStatus::State::breached: return kAfterDeadlines + 2;
        case SlaStatus::State::follow_up:
        case SlaStatus::State::warning:
        case SlaStatus::State::late:
        case SlaStatus::State::met:
        case SlaStatus::State::none: return kAfterDeadlines + 3;
    }
    return kAfterDeadlines + 3;
}

SlaStatus SlaRows::status(std::uint32_t row, std::int64_t now_s) const {
    const Row& r = rows_[row];
    SlaStatus out;
    out.state = r.kind;
    if (r.kind != SlaStatus::State::on_track && r.kind != SlaStatus::State::paused) return out;
    out.metric = r.metric;
    if (r.kind == SlaStatus::State::paused || r.late == kNever) return out;
    out.due = r.late;
    const BusinessCalendar& calendar = policies_.calendar_at(r.calendar).hours;
    if (now_s < r.late) {
        out.remaining = calendar.working_seconds(now_s, r.late);
        out.state = now_s >= r.warning     ? SlaStatus::State::warning
                    : now_s >= r.follow_up ? SlaStatus::State::follow_up
                                           : SlaStatus::State::on_track;
    } else {
        out.remaining = -calendar.working_seconds(r.late, now_s);
        out.state = SlaStatus::State::late;
    }
    return out;
}

}  // namespace hotline::app
