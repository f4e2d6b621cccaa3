#include "core/entity.hpp"

namespace hotline {

int Entity::priority() const {
    const std::string& p = value(IncidentField::priority);
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

Entity make_entity(EntityKind kind, std::string id) {
    Entity e;
    e.kind = kind;
    e.id = std::move(id);
    const auto fields = fields_of(kind);
    e.values.reserve(fields.size());
    for (const FieldSpec& f : fields) e.values.emplace_back(f.initial);
    return e;
}

}  // namespace hotline
