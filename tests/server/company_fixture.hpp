// A sync service with one signed-in user of each desk role (agent, manager, technician),
// each pushing from a replica of their own: for tests of customer records and reference
// data, which roles create and who may see.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "service_fixture.hpp"

namespace hotline::test {

struct Company : ServiceFixture {
    explicit Company(Backend backend, std::string_view name = "entities") : ServiceFixture(backend, name) {
        for (const char* role : {"agent", "manager", "technician"}) {
            add_user(role, role);
            tokens[role] = login(role);
        }
    }
    // Pushes `op` as `role` from that role's replica; returns the op's result status.
    std::string push_as(const std::string& role, const Operation& op) {
        auto r = push(tokens[role], replica_of(role), {op});
        REQUIRE(r.status == 200);
        return r.body["results"][0]["status"].get<std::string>();
    }
    std::string create(const std::string& role, EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields,
                       std::string key = {}) {
        Operation op = factory(role).create("u:" + role, now += 10, kind, std::move(fields), std::move(key));
        REQUIRE_MESSAGE(push_as(role, op) == "applied", encode_operation(op));
        return op.entity_id;
    }
    // The entity ids of `role`'s pull from `cursor`, in order; `cursor` moves on.
    std::vector<std::string> pulled_ids(const std::string& role, std::int64_t& cursor) {
        auto r = call("GET", "/pull", "", tokens[role], {{"cursor", std::to_string(cursor)}});
        REQUIRE(r.status == 200);
        std::vector<std::string> ids;
        for (const auto& e : r.body["ops"]) ids.push_back(e["op"]["entity_id"].get<std::string>());
        cursor = r.body["cursor"];
        return ids;
    }
    OpFactory& factory(const std::string& role) {
        auto it = factories.find(role);
        if (it == factories.end()) it = factories.emplace(role, OpFactory(replica_of(role))).first;
        return it->second;
    }
    static std::string replica_of(const std::string& role) { return role.substr(0, 3) + "rep"; }

    std::map<std::string, std::string> tokens;
    std::map<std::string, OpFactory> factories;
};

inline bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace hotline::test
