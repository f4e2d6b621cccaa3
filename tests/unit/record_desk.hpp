// A desk for tests of the rules over reference records (routing, queues): records made
// by a manager, incidents registered by an agent, each a second after the last.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/desk.hpp"
#include "core/op_factory.hpp"

namespace hotline::testing {

struct RecordDesk {
    Desk desk;
    OpFactory f{"r1"};
    std::int64_t now = 1800000000000;

    void make(EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields, std::string key = {}) {
        const ApplyResult r = desk.apply(f.create("u:mia", now += 1000, kind, std::move(fields), std::move(key)));
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
    }
    // A new incident titled "No hot water" with `fields`.
    const Incident& incident(std::vector<std::pair<FieldId, std::string>> fields) {
        fields.emplace_back(IncidentField::title, "No hot water");
        const Operation op = f.create_incident("u:ann", now += 1000, std::move(fields));
        REQUIRE(desk.apply(op).kind == ApplyKind::applied);
        return *desk.find(op.entity_id);
    }
};

}  // namespace hotline::testing
