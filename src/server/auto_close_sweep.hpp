// W7 and W10 on the server: the sweep that gives solved incidents their closing notice,
// then closes them (core/auto_close.hpp says when), and archives incidents closed long
// enough (core/archive.hpp), through the server's write path (server_writes.hpp). Run on
// a timer by the server (SyncService::tick) and by tests.
//
// Safe to run at any time, any number of times, by several server processes on one
// PostgreSQL: the candidates are read from the desk, and each intent is decided again
// inside the write transaction on a desk caught up through it, so a notice, a close or an
// archiving another process (or an earlier sweep, before a restart) stored is never made
// twice.
#pragma once

#include <cstdint>
#include <vector>

#include "core/archive.hpp"
#include "core/auto_close.hpp"
#include "core/result.hpp"
#include "protocol/read_messages.hpp"
#include "server/db/database.hpp"
#include "server/server_desk.hpp"
#include "server/server_writes.hpp"

namespace hotline::server {

// The intents due on `desk` at `now_ms`: at most one per incident.
std::vector<ServerIntent> auto_close_intents(const Desk& desk, const AutoClosePolicy& policy, std::int64_t now_ms);
std::vector<ServerIntent> archive_intents(const Desk& desk, const ArchivePolicy& policy, std::int64_t now_ms);

// Catches up, then makes and stores what is due. Returns what was stored.
Result<std::vector<protocol::SequencedOp>> sweep_auto_close(ServerDesk& sd, Database& db, const AutoClosePolicy& policy,
                                                            std::int64_t now_ms);
Result<std::vector<protocol::SequencedOp>> sweep_archive(ServerDesk& sd, Database& db, const ArchivePolicy& policy,
                                                         std::int64_t now_ms);

}  // namespace hotline::server
