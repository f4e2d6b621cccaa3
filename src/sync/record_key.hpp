// How the sync engine names a record to rebuild in `rebuild_` (persisted in the replica's
// metadata): shared by the engine's files (sync_engine*.cpp), not a public interface.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "core/operation.hpp"
#include "core/schema.hpp"

namespace hotline::sync::detail {

// A record to rebuild, as kept in `rebuild_` (and persisted): an incident by its id, as
// before other kinds existed, any other record as "<kind>/<id>" ('/' is in no id).
inline std::string record_key(EntityKind kind, std::string_view id) {
    if (kind == EntityKind::incident) return std::string(id);
    return std::string(entity_kind_name(kind)) + "/" + std::string(id);
}
inline std::string record_key(const Operation& op) { return record_key(op.entity, op.entity_id); }

inline std::pair<EntityKind, std::string> parse_record_key(const std::string& key) {
    const auto slash = key.find('/');
    if (slash == std::string::npos) return {EntityKind::incident, key};
    const auto kind = kind_by_name(std::string_view(key).substr(0, slash));
    return {kind.value_or(EntityKind::incident), key.substr(slash + 1)};
}

}  // namespace hotline::sync::detail
