// Desk::replay_entity (desk.hpp): one record rebuilt in a given operation order.
#include <algorithm>
#include <set>

#include "core/desk.hpp"

namespace hotline {

std::vector<ApplyResult> Desk::replay_entity(EntityKind kind, std::string_view id, std::span<const Operation> ops,
                                             std::span<const OpId> dropped) {
    std::vector<ApplyResult> results;
    results.reserve(ops.size());
    Table& t = table(kind);
    std::optional<std::uint32_t> slot;
    std::optional<Entity> former;
    if (auto row = t.index.find(id, t.rows)) {
        slot = *row;
        t.index.erase(id, t.rows);  // before the row loses its id
        former = std::move(t.rows[*row]);
        t.rows[*row] = Entity{};
    }
    std::vector<bool> seen_before(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) seen_before[i] = has_applied(ops[i].id);
    std::set<OpId> done;  // ids replayed so far: a repeat is a duplicate
    const std::string label(kind_spec(kind).label);
    for (const Operation& op : ops) {
        if (op.entity != kind || op.entity_id != id) {
            results.push_back({ApplyKind::rejected, make_error("wrong_record", "Operation " + op.id.to_string() +
                                                                                   " is not about " + label + " " +
                                                                                   std::string(id))});
            continue;
        }
        if (!done.insert(op.id).second) {
            results.push_back({ApplyKind::duplicate, {}});
            continue;
        }
        // Before the create has been replayed the record does not exist, so
        // every other op is refused as apply() would refuse it.
        results.push_back(apply_one(op, true, slot));
        if (!slot && op.type == OpType::create && results.back().kind != ApplyKind::rejected)
            slot = static_cast<std::uint32_t>(t.rows.size() - 1);
    }
    if (!t.index.contains(id, t.rows) && former) {
        // Nothing created it: keep the former state rather than leave a hole in the list.
        for (auto& r : results)
            if (r.kind != ApplyKind::rejected)
                r = {ApplyKind::rejected, make_error("unknown_" + std::string(kind_spec(kind).name),
                                                     label + " " + std::string(id) +
                                                         " is not created by the replayed operations")};
        t.rows[*slot] = std::move(*former);
        t.index.insert(*slot, t.rows);
        for (std::size_t i = 0; i < ops.size(); ++i) {
            auto r = replica_index_.find(ops[i].id.replica);
            if (seen_before[i] && r != replica_index_.end()) seen_.insert(r->second, ops[i].id.counter);
        }
        return results;
    }
    for (const OpId& dropped_id : dropped) {
        if (!has_applied(dropped_id)) continue;
        bool replayed = std::any_of(ops.begin(), ops.end(), [&](const Operation& op) { return op.id == dropped_id; });
        if (!replayed) unsee(replica_index_.find(dropped_id.replica)->second, dropped_id.counter);
    }
    return results;
}

}  // namespace hotline
