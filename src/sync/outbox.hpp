// The replica's pending operations: every local operation from the moment it is
// committed until the server has answered for it and the pull has passed it.
// Kept in the file "outbox" of the replica directory, oldest first, in the
// store's record framing (record_format.hpp: a log-kind file of operation
// records), so damage costs only the damaged records, like the store.
//
//   append()  appends and flushes (durable on return natively)
//   remove()  rewrites the file atomically without the given ids
//
// The outbox is separate from the store's snapshot + log: a compaction may
// snapshot the desk with pending operations in it; the outbox still lists them,
// so a restart neither loses nor duplicates them.
#pragma once

#include <cstddef>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"

namespace hotline::sync {

class Outbox {
public:
    // Reads "<dir>/outbox" (a missing file is an empty outbox). Damaged records are
    // skipped and described in problems(); the file is then rewritten intact.
    static Result<Outbox> open(const std::string& dir);

    const std::vector<Operation>& ops() const { return ops_; }
    std::size_t size() const { return ops_.size(); }
    bool empty() const { return ops_.empty(); }
    bool contains(const OpId& id) const;
    // Whether any pending operation is about incident `entity_id`.
    bool touches(EntityKind kind, std::string_view id) const;  // holds an op on that record
    const std::vector<std::string>& problems() const { return problems_; }

    Outcome append(const Operation& op);
    Outcome remove(const std::set<OpId>& ids);

    static constexpr const char* kFileName = "outbox";

private:
    explicit Outbox(std::string path) : path_(std::move(path)) {}
    Outcome rewrite();

    std::string path_;
    std::vector<Operation> ops_;
    std::vector<std::string> problems_;
};

}  // namespace hotline::sync
