#include "core/entity.hpp"

#include <array>
#include <vector>

namespace hotline {

const FieldValues& initial_values(EntityKind kind) {
    static const auto all = [] {
        std::array<FieldValues, kEntityKindCount> out;
        for (EntityKind k : kAllEntityKinds) {
            std::vector<std::string_view> initial;
            for (const FieldSpec& f : fields_of(k)) initial.push_back(f.initial);
            out[static_cast<std::size_t>(k)] = FieldValues(initial);
        }
        return out;
    }();
    return all[static_cast<std::size_t>(kind)];
}

int Entity::priority() const {
    const std::string_view p = value(IncidentField::priority);
    return p.size() == 1 ? p[0] - '0' : 0;
}

Stamp Entity::stamp_of(FieldId f) const {
    for (const auto& fs : field_stamps)
        if (fs.field == f) return fs.stamp;
    return created;
}

void Entity::set_stamp(FieldId f, Stamp s) {
    for (auto& fs : field_stamps)
        if (fs.field == f) {
            fs.stamp = s;
            return;
        }
    field_stamps.push_back({f, s});
}

std::string_view record_title(const Entity& record) {
    const std::string_view title = record.value(kind_spec(record.kind).title_field);
    return title.empty() ? std::string_view(record.id) : title;
}

Entity make_entity(EntityKind kind, std::string id) {
    Entity e;
    e.kind = kind;
    e.id = std::move(id);
    e.values = initial_values(kind);
    return e;
}

}  // namespace hotline
