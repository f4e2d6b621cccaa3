#include "core/incident.hpp"

namespace hotline {

int Incident::priority() const {
    const std::string& p = value(FieldId::priority);
    return p.size() == 1 ? p[0] - '0' : 0;
}

Stamp Incident::stamp_of(FieldId f) const {
    for (const auto& fs : field_stamps)
        if (fs.field == f) return fs.stamp;
    return created;
}

void Incident::set_stamp(FieldId f, Stamp s) {
    for (auto& fs : field_stamps)
        if (fs.field == f) {
            fs.stamp = s;
            return;
        }
    field_stamps.push_back({f, s});
}

}  // namespace hotline
