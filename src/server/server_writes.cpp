#include "server/server_writes.hpp"

#include "core/escalation.hpp"
#include "server/zoneinfo.hpp"

namespace hotline::server {
namespace {

Result<std::optional<Operation>> give_final_number(ServerDesk& sd, WriteTransaction& tx, const GiveFinalNumber& intent,
                                                   std::int64_t now_ms) {
    const Entity* incident = sd.desk().find(intent.incident_id);
    if (!incident || incident->number.is_final()) return std::optional<Operation>();
    auto number = tx.next_number();
    if (!number) return number.error();
    Operation renumber = sd.mint_renumber(intent.incident_id, *number, now_ms);
    // The number comes from the counter leases share, so no incident holds it: a refusal
    // would mean a database edited by hand, and the incident simply stays provisional.
    if (sd.desk().apply(renumber).kind == ApplyKind::rejected) return std::optional<Operation>();
    return std::optional<Operation>(std::move(renumber));
}

// The step of type `Step` that `due_on(desk, incident)` says is due now, if it does (so
// never twice: once made, the desk no longer shows it due). W7: automatic closing's notice
// (the desk then shows it) and close (no longer Solved); W10: archiving (no longer Closed).
template <typename Step, typename DueOn>
std::optional<Operation> due_step(ServerDesk& sd, const std::string& incident_id, std::int64_t now_ms, DueOn due_on) {
    const Entity* incident = sd.desk().find(incident_id);
    if (!incident) return std::nullopt;
    const std::optional<IncidentStep> due = due_on(sd.desk(), *incident);
    if (!due || !std::holds_alternative<Step>(*due)) return std::nullopt;
    Operation op = sd.mint_step(incident_id, *due, now_ms);
    if (sd.desk().apply(op).kind == ApplyKind::rejected) return std::nullopt;
    return op;
}

// The rule the zone files give for the calendar's zone, when the record holds another.
std::optional<std::string> wanted_zone_rule(const Entity& calendar) {
    auto rule = system_zone_rule(calendar.value(CalendarField::time_zone));
    if (!rule || *rule == calendar.value(CalendarField::zone_rule)) return std::nullopt;
    return rule;
}

std::optional<Operation> fill_zone_rule(ServerDesk& sd, const FillZoneRule& fill, std::int64_t now_ms) {
    const Entity* calendar = sd.desk().find(EntityKind::calendar, fill.calendar_id);
    if (!calendar) return std::nullopt;
    auto rule = wanted_zone_rule(*calendar);
    if (!rule) return std::nullopt;
    Operation op = sd.mint_set(EntityKind::calendar, fill.calendar_id, CalendarField::zone_rule, std::move(*rule), now_ms);
    if (sd.desk().apply(op).kind == ApplyKind::rejected) return std::nullopt;
    return op;
}

}  // namespace

std::vector<ServerIntent> escalation_intents(const Desk& desk, std::int64_t now_ms) {
    std::vector<ServerIntent> intents;
    auto policies = std::make_shared<const SlaPolicies>(SlaPolicies::of(desk, now_ms / 1000));
    for (const Incident& incident : desk.incidents())
        if (due_escalation(*policies, incident, now_ms / 1000)) intents.emplace_back(Escalate{incident.id, policies});
    return intents;
}

std::vector<ServerIntent> zone_rule_intents(const Desk& desk) {
    std::vector<ServerIntent> intents;
    for (const Entity& calendar : desk.entities(EntityKind::calendar))
        if (wanted_zone_rule(calendar)) intents.emplace_back(FillZoneRule{calendar.id});
    return intents;
}

Result<std::optional<Operation>> make_server_op(ServerDesk& sd, WriteTransaction& tx, const ServerIntent& intent,
                                                std::int64_t now_ms) {
    struct Make {
        ServerDesk& sd;
        WriteTransaction& tx;
        std::int64_t now_ms;
        Result<std::optional<Operation>> operator()(const GiveFinalNumber& give) const {
            return give_final_number(sd, tx, give, now_ms);
        }
        Result<std::optional<Operation>> operator()(const SendCloseNotice& notice) const {
            return due_step<EventStep>(sd, notice.incident_id, now_ms, [&](const Desk& d, const Incident& i) {
                return auto_close_step(d, i, notice.policy, now_ms);
            });
        }
        Result<std::optional<Operation>> operator()(const AutoClose& close) const {
            return due_step<TransitionStep>(sd, close.incident_id, now_ms, [&](const Desk& d, const Incident& i) {
                return auto_close_step(d, i, close.policy, now_ms);
            });
        }
        Result<std::optional<Operation>> operator()(const AutoArchive& archive) const {
            return due_step<TransitionStep>(sd, archive.incident_id, now_ms, [&](const Desk& d, const Incident& i) {
                return archive_step(d, i, archive.policy, now_ms);
            });
        }
        Result<std::optional<Operation>> operator()(const FillZoneRule& fill) const {
            return fill_zone_rule(sd, fill, now_ms);
        }
        Result<std::optional<Operation>> operator()(const Escalate& escalate) const {
            return due_step<EventStep>(sd, escalate.incident_id, now_ms, [&](const Desk&, const Incident& i) {
                return std::optional<IncidentStep>(due_escalation(*escalate.policies, i, now_ms / 1000));
            });
        }
    };
    return std::visit(Make{sd, tx, now_ms}, intent);
}

Result<std::vector<protocol::SequencedOp>> write_server_ops(ServerDesk& sd, Database& db,
                                                            std::span<const ServerIntent> intents, std::int64_t now_ms) {
    auto tx = db.begin_write();
    if (!tx) return tx.error();
    std::vector<protocol::SequencedOp> made;
    // Any failure once the desk may hold what storage does not: roll back, then refold.
    auto undo = [&](const Error& e) -> Result<std::vector<protocol::SequencedOp>> {
        tx->reset();
        sd.discard_unstored(db);
        return e;
    };
    if (auto caught_up = sd.catch_up(**tx); !caught_up) return caught_up.error();  // folds only stored ops
    std::vector<NewOp> rows;
    for (const ServerIntent& intent : intents) {
        auto op = make_server_op(sd, **tx, intent, now_ms);
        if (!op) return undo(op.error());
        if (!*op) continue;
        rows.push_back(stored_form(**op));
        made.push_back({0, std::move(**op)});
    }
    if (made.empty()) return made;  // the transaction rolls back: nothing was taken
    auto seqs = (*tx)->append_ops(rows);
    if (!seqs) return undo(seqs.error());
    if (auto committed = (*tx)->commit(); !committed) return undo(committed.error());
    for (std::size_t i = 0; i < made.size(); ++i) made[i].seq = (*seqs)[i];
    sd.advance(seqs->back());
    return made;
}

}  // namespace hotline::server
