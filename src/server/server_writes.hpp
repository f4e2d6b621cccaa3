// The one path by which the server makes operations of its own: the final number of an
// incident created offline with a provisional one, automatic closing (W7,
// core/auto_close.hpp: its notice, then the close), archiving (W10, core/archive.hpp) and
// the time zone rule of a calendar (S3, zoneinfo.hpp); later routing, email intake. A server operation belongs to replica "server" with actor
// "s:server" (protocol/push_messages.hpp), is stamped by the server's clock (ServerDesk's
// factory, which continues from the log), is applied to the server's desk and is stored
// in the same write transaction as what it goes with, with its sequence number, so
// clients pull it like any other operation.
//
// What the server wants done is an intent, not an operation: it is made only while the
// desk does not show it done. Asked again (a retried push, another server process on the
// same PostgreSQL, after a restart), nothing new is minted, so it is stored once; and a
// server operation's id comes from a counter that continues from the log, so no two are
// stored under one id.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/archive.hpp"
#include "core/auto_close.hpp"
#include "core/incident_sla.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"
#include "protocol/read_messages.hpp"
#include "server/db/database.hpp"
#include "server/server_desk.hpp"

namespace hotline::server {

// The next free final number for an incident that has only a provisional one.
struct GiveFinalNumber {
    std::string incident_id;
};

// W7: the notice that a solved incident the customer does not answer about will close,
// then the close; each made only while core/auto_close.hpp says it is the step due.
struct SendCloseNotice {
    std::string incident_id;
    AutoClosePolicy policy;
};
struct AutoClose {
    std::string incident_id;
    AutoClosePolicy policy;
};

// W10: archiving an incident closed long enough, made only while core/archive.hpp says it is due.
struct AutoArchive {
    std::string incident_id;
    ArchivePolicy policy;
};

// S3: a calendar's `zone_rule` as the server's zone files give it for its `time_zone`,
// made only while the record holds another (or none).
struct FillZoneRule {
    std::string calendar_id;
};

// S2, S6: the Warning or Late alert of an incident's running SLA target (core/escalation.hpp),
// made only while that alert is due and not yet on the incident. `policies` were read from
// the desk the sweep caught up.
struct Escalate {
    std::string incident_id;
    std::shared_ptr<const SlaPolicies> policies;
};

using ServerIntent = std::variant<GiveFinalNumber, SendCloseNotice, AutoClose, AutoArchive, FillZoneRule, Escalate>;

// Inside an open write transaction, on a desk caught up through it: the operation that
// does `intent`, already applied to the desk, for the caller to append in `tx`; nullopt
// when there is nothing to do. The Error is a storage failure (the caller rolls back and
// calls ServerDesk::discard_unstored).
Result<std::optional<Operation>> make_server_op(ServerDesk& sd, WriteTransaction& tx, const ServerIntent& intent,
                                                std::int64_t now_ms);

// A change the server makes on its own, not as part of a push: one write transaction that
// catches up, makes the operations of `intents`, stores and commits them. Returns them
// with their sequence numbers (none: all done already). On a failure nothing is stored
// and the desk forgets what it applied.
Result<std::vector<protocol::SequencedOp>> write_server_ops(ServerDesk& sd, Database& db,
                                                            std::span<const ServerIntent> intents, std::int64_t now_ms);

// A sweep: catches up, then stores what `intents_due(desk)` finds due (none: nothing).
template <typename IntentsDue>
Result<std::vector<protocol::SequencedOp>> sweep_intents(ServerDesk& sd, Database& db, std::int64_t now_ms,
                                                         IntentsDue intents_due) {
    if (auto caught_up = sd.catch_up(db); !caught_up) return caught_up.error();
    const std::vector<ServerIntent> intents = intents_due(sd.desk());
    if (intents.empty()) return std::vector<protocol::SequencedOp>{};
    return write_server_ops(sd, db, intents, now_ms);
}

// S3: the calendars whose rule differs from the zone files' (a new calendar, a zone
// changed, the server's tzdata updated).
std::vector<ServerIntent> zone_rule_intents(const Desk& desk);
// S2, S6: the incidents with an SLA alert due at `now_ms`.
std::vector<ServerIntent> escalation_intents(const Desk& desk, std::int64_t now_ms);

}  // namespace hotline::server
