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

Result<std::vector<protocol::SequencedOp>> sweep_auto_close(ServerDesk& sd, Database& db, const AutoClosePolicy& policy,
                                                            std::int64_t now_ms) {
    if (!policy.enabled()) return std::vector<protocol::SequencedOp>{};
    if (auto caught_up = sd.catch_up(db); !caught_up) return caught_up.error();
    const auto intents = auto_close_intents(sd.desk(), policy, now_ms);
    if (intents.empty()) return std::vector<protocol::SequencedOp>{};
    return write_server_ops(sd, db, intents, now_ms);
}

}  // namespace hotline::server
