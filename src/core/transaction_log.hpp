// W15 as people read it, for a record of any kind: one row per change, oldest first. The creation is
// shown as one row per initial value. Neither initial nor new values are
// stored twice: they are recovered from the current values and the old side
// of each change (history.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "core/desk.hpp"
#include "core/history.hpp"

namespace hotline {

std::vector<TxEntry> render_transaction_log(const Desk& desk, const Entity& record);

// When `incident` last became `status` (its last transition to it, as applied); its
// `updated_ms` when its history holds none (older data).
std::int64_t last_became(const Desk& desk, const Incident& incident, IncidentStatus status);

}  // namespace hotline
