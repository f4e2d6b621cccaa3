// W2: what a technician's device is sent of an incident handed over to someone else.
// Their device held it at its pull cursor; the pull sends the incident's operations after
// the cursor up to and including the one that took it from them, and none after, so the
// device learns it is no longer theirs (check_workable, handover.hpp) and leaves it out of
// its lists. A device that did not hold it at its cursor (a fresh one) is sent nothing of it.
// Whether the device held it is replayed from the incident's stored operations in server
// order (the assignee and engineer by last writer wins, and its author), asked only of
// incidents whose history names the technician (ever_held) and once per incident per pull.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/authorization.hpp"
#include "core/desk.hpp"
#include "server/db/database.hpp"

namespace hotline::server {

class HandedOver {
public:
    HandedOver(Database& db, const Principal& who, std::int64_t cursor) : db_(db), who_(who), cursor_(cursor) {}

    // The seq of the operation that took `incident` from `who` after the cursor, while their
    // device held it; nothing when it was not theirs at the cursor or was not taken since.
    Result<std::optional<std::int64_t>> taken_at(const Desk& desk, const Incident& incident);

private:
    Result<std::optional<std::int64_t>> replay(const std::string& incident_id);

    Database& db_;
    const Principal& who_;
    std::int64_t cursor_;
    std::unordered_map<std::string, std::optional<std::int64_t>> known_;
};

}  // namespace hotline::server
