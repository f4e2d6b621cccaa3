#include "core/transaction_log.hpp"


namespace hotline {

std::vector<TxEntry> render_transaction_log(const Desk& desk, const Entity& record) {
    std::vector<TxEntry> raw = decode_history(record.history, desk.actors(), record.kind);

    // The history stores only the old side of each applied field change. Walking
    // backwards, the new side is the old side of the field's next change, or the
    // current value for its last change; and what remains at the front is the
    // field's value at creation.
    std::vector<std::string> later = record.values.to_strings();
    for (auto it = raw.rbegin(); it != raw.rend(); ++it) {
        if (it->kind != TxKind::field) continue;
        auto id = field_by_name(record.kind, it->field);
        if (!id) continue;
        auto& next = later[id->value];
        it->new_value = std::move(next);
        next = it->old_value;
    }
    const std::vector<std::string>& initial = later;

    std::vector<TxEntry> out;
    out.reserve(raw.size() + initial.size());
    for (auto& e : raw) {
        if (e.kind != TxKind::created) {
            out.push_back(std::move(e));
            continue;
        }
        out.push_back(e);
        for (const auto& spec : fields_of(record.kind)) {
            const std::string& v = initial[spec.id.value];
            if (!v.empty()) out.push_back(TxEntry{TxKind::field, e.wall_ms, e.actor, std::string(spec.name), "", v});
        }
    }
    return out;
}

std::int64_t last_became(const Desk& desk, const Incident& incident, IncidentStatus status) {
    std::int64_t at = incident.updated_ms;
    for (const TxEntry& e : decode_history(incident.history, desk.actors(), incident.kind))
        if (e.kind == TxKind::status && e.new_value == status_name(status)) at = e.wall_ms;
    return at;
}

}  // namespace hotline
