#include "server/auto_close_sweep.hpp"

namespace hotline::server {

std::vector<ServerIntent> auto_close_intents(const Desk& desk, const AutoClosePolicy& policy, std::int64_t now_ms) {
    std::vector<ServerIntent> intents;
    if (!policy.enabled()) return intents;
    for (const Incident& incident : desk.incidents()) {
        const auto step = auto_close_step(desk, incident, policy, now_ms);
        if (!step) continue;
        if (std::holds_alternative<EventStep>(*step)) intents.emplace_back(SendCloseNotice{incident.id, policy});
        else intents.emplace_back(AutoClose{incident.id, policy});
    }
    return intents;
}

std::vector<ServerIntent> archive_intents(const Desk& desk, const ArchivePolicy& policy, std::int64_t now_ms) {
    std::vector<ServerIntent> intents;
    if (!policy.enabled()) return intents;
    for (const Incident& incident : desk.incidents())
        if (archive_step(desk, incident, policy, now_ms)) intents.emplace_back(AutoArchive{incident.id, policy});
    return intents;
}

Result<std::vector<protocol::SequencedOp>> sweep_auto_close(ServerDesk& sd, Database& db, const AutoClosePolicy& policy,
                                                            std::int64_t now_ms) {
    if (!policy.enabled()) return std::vector<protocol::SequencedOp>{};
    return sweep_intents(sd, db, now_ms, [&](const Desk& desk) { return auto_close_intents(desk, policy, now_ms); });
}

Result<std::vector<protocol::SequencedOp>> sweep_archive(ServerDesk& sd, Database& db, const ArchivePolicy& policy,
                                                         std::int64_t now_ms) {
    if (!policy.enabled()) return std::vector<protocol::SequencedOp>{};
    return sweep_intents(sd, db, now_ms, [&](const Desk& desk) { return archive_intents(desk, policy, now_ms); });
}

}  // namespace hotline::server
