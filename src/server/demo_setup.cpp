#include "server/demo_setup.hpp"

#include "app/demo_data.hpp"
#include "app/demo_records.hpp"
#include "app/demo_seed.hpp"
#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "server/users_api.hpp"

namespace hotline::server {
namespace {

constexpr std::string_view kDemoReplica = "demo";
constexpr std::uint64_t kDemoSeed = 20261123;

Result<std::size_t> create_users(Database& db, const app::DemoData& data, HashCost cost) {
    struct Wanted {
        std::string login, name, role;
    };
    std::vector<Wanted> wanted = {{"admin", "Administrator", "admin"}, {"manager", "Desk Manager", "manager"}};
    for (const auto& agent : data.agents) wanted.push_back({app::demo_login(agent.login), app::demo_login(agent.login), "agent"});
    for (const auto& e : data.engineers)
        wanted.push_back({app::demo_login(e.login), e.name, e.technician ? "technician" : "engineer"});
    // One hash for all: they share the password, and Argon2id is slow on purpose.
    auto hash = hash_password(kDemoPassword, cost);
    if (!hash) return hash.error();
    std::size_t created = 0;
    for (const Wanted& w : wanted) {
        auto existing = db.find_user(w.login);
        if (!existing) return existing.error();
        if (*existing) continue;
        if (auto made = db.create_user({w.login, w.name, w.role, *hash, true}); !made) return made.error();
        ++created;
    }
    return created;
}

Result<std::size_t> store_incidents(Database& db, const app::DemoData& data, std::int64_t now_ms, std::size_t incidents) {
    auto tx = db.begin_write();
    if (!tx) return tx.error();
    auto block = (*tx)->lease_numbers(std::string(kDemoReplica), static_cast<std::int64_t>(incidents));
    if (!block) return block.error();
    if (auto bound = (*tx)->bind_replica(std::string(kDemoReplica), "admin"); !bound) return bound.error();
    OpFactory factory{std::string(kDemoReplica)};
    factory.numbers().add_block(*block);
    auto ops = app::demo_operations(data, incidents, now_ms, kDemoSeed, factory);
    if (!ops) return ops.error();
    std::vector<NewOp> rows;
    rows.reserve(ops->size());
    for (const Operation& op : *ops) rows.push_back({op.id.to_string(), op.entity_id, op.actor, encode_operation(op)});
    if (auto appended = (*tx)->append_ops(rows); !appended) return appended.error();
    if (auto committed = (*tx)->commit(); !committed) return committed.error();
    return rows.size();
}

}  // namespace

Result<DemoSetupReport> set_up_demo(Database& db, const std::string& demo_data_path, HashCost cost, std::int64_t now_ms,
                                    std::size_t incidents) {
    auto data = app::load_demo_data(demo_data_path);
    if (!data) return data.error();
    DemoSetupReport report;
    auto users = create_users(db, *data, cost);
    if (!users) return users.error();
    report.users_created = *users;
    auto head = db.head_seq();
    if (!head) return head.error();
    if (*head == 0) {
        auto stored = store_incidents(db, *data, now_ms, incidents);
        if (!stored) return stored.error();
        report.operations_stored = *stored;
    }
    return report;
}

}  // namespace hotline::server
