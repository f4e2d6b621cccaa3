// The conflict list: local operations the server refused (or that no longer
// apply after the incident was rebuilt in the server's order), each with its
// reason, kept until the user re-applies the change (as a NEW operation) or
// discards it. Persisted as JSON in the replica's metadata (extra()["sync"]
// ["conflicts"]); decoding is lenient per entry: an entry that does not decode
// is dropped (a conflict list must never stop the app from opening).
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/op_factory.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"

namespace hotline::sync {

struct Conflict {
    Operation op;          // the refused operation, as it was minted
    Error reason;          // the server's (or the local replay's) code and message
    std::int64_t at_ms = 0;  // when it was refused
};

class ConflictList {
public:
    const std::vector<Conflict>& items() const { return items_; }
    bool empty() const { return items_.empty(); }
    const Conflict* find(const OpId& id) const;
    // Adds, or updates the reason of an operation already listed (a retried push).
    void add(Conflict conflict);
    bool remove(const OpId& id);

    nlohmann::json to_json() const;
    static ConflictList from_json(const nlohmann::json& j);

private:
    std::vector<Conflict> items_;
};

// The same intent as `op`, minted anew by `factory` at `now_ms` (re-apply):
// a new id and stamp; a create gets a new number (and so becomes a new incident).
Operation remint(OpFactory& factory, const Operation& op, std::int64_t now_ms);

}  // namespace hotline::sync
