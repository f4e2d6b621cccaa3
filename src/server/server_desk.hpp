// The server's copy of the desk: every stored operation folded in sequence
// order with the same Desk::apply the clients use, so validating a push is one
// apply. `seq` is the last stored sequence number folded in. With PostgreSQL
// several processes share the log: each catches up (ops_after(seq)) inside its
// write transaction before validating, so all of them decide on the same state.
//
// The server mints operations of its own (server_writes.hpp) as replica "server", actor
// "s:server"; its counter continues from the log.
#pragma once

#include <cstdint>
#include <string>

#include "core/desk.hpp"
#include "core/incident_plan.hpp"
#include "core/op_factory.hpp"
#include "core/result.hpp"
#include "protocol/push_messages.hpp"
#include "server/db/database.hpp"

namespace hotline::server {

using protocol::kServerActor;
using protocol::kServerReplica;

// The row that stores `op` in the log.
NewOp stored_form(const Operation& op);

class ServerDesk {
public:
    // Folds the whole log.
    static Result<ServerDesk> load(Database& db);

    const Desk& desk() const { return desk_; }
    Desk& desk() { return desk_; }
    std::int64_t seq() const { return seq_; }
    void advance(std::int64_t seq) { seq_ = seq; }

    // Folds operations stored by other processes since seq(); a desk marked unstored is
    // folded again from the start instead.
    Outcome catch_up(Database& db);
    Outcome catch_up(WriteTransaction& tx);

    // After a failed write transaction: the desk may hold operations that storage does
    // not. It is folded again from the log now, or, if storage cannot be read now, by the
    // next catch_up (every request catches up before it reads the desk).
    void discard_unstored(Database& db);

    // A renumber operation for `incident_id`, minted by the server (server_writes.hpp).
    Operation mint_renumber(const std::string& incident_id, std::int64_t number, std::int64_t now_ms);
    // One step of a change the server plans on an incident (automatic closing, W7).
    Operation mint_step(const std::string& incident_id, const IncidentStep& step, std::int64_t now_ms);
    // A field of a record the server keeps up to date (a calendar's time zone rule).
    Operation mint_set(EntityKind kind, const std::string& id, FieldId field, std::string value, std::int64_t now_ms);

private:
    ServerDesk() : factory_(std::string(kServerReplica)) {}
    template <typename Source>
    Outcome refresh(Source& source);
    template <typename Source>
    Outcome fold_from(Source& source);
    Outcome fold(const StoredOp& stored);
    void sync_factory();

    Desk desk_;
    OpFactory factory_;
    std::int64_t seq_ = 0;
    bool unstored_ = false;  // may hold what storage does not: fold again before use
};

}  // namespace hotline::server
