#include "core/transaction_log.hpp"

#include <array>

namespace hotline {

std::vector<TxEntry> render_transaction_log(const Desk& desk, const Incident& incident) {
    std::vector<TxEntry> raw = decode_history(incident.history, desk.actors());

    // The history stores only the old side of each applied field change. Walking
    // backwards, the new side is the old side of the field's next change, or the
    // current value for its last change; and what remains at the front is the
    // field's value at creation.
    std::array<std::string, kFieldCount> later = incident.values;
    for (auto it = raw.rbegin(); it != raw.rend(); ++it) {
        if (it->kind != TxKind::field) continue;
        auto id = field_by_name(it->field);
        if (!id) continue;
        auto& next = later[static_cast<std::size_t>(*id)];
        it->new_value = std::move(next);
        next = it->old_value;
    }
    const std::array<std::string, kFieldCount>& initial = later;

    std::vector<TxEntry> out;
    out.reserve(raw.size() + kFieldCount);
    for (auto& e : raw) {
        if (e.kind != TxKind::created) {
            out.push_back(std::move(e));
            continue;
        }
        out.push_back(e);
        for (const auto& spec : all_fields()) {
            const std::string& v = initial[static_cast<std::size_t>(spec.id)];
            if (!v.empty()) out.push_back(TxEntry{TxKind::field, e.wall_ms, e.actor, std::string(spec.name), "", v});
        }
    }
    return out;
}

}  // namespace hotline
