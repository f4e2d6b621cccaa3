#include "queue_bench.hpp"

#include <cstdio>
#include <string>

#include "bench_report.hpp"
#include "core/entitlements.hpp"
#include "core/entity_rules.hpp"
#include "core/op_factory.hpp"
#include "core/queues.hpp"
#include "core/workload.hpp"

namespace hotline::bench {

void run_queue_bench(Desk& desk, const SlaPolicies& policies, std::int64_t now_s) {
    const Entity* queue = desk.find(EntityKind::queue, "second_line");
    if (!queue) {
        std::printf("  queues: the demo desk has no Second line queue\n");
        return;
    }
    OpFactory factory("rq");
    std::size_t open = 0, queued = 0;
    const std::int64_t now_ms = now_s * 1000;
    for (std::uint32_t row = 0; row < desk.incidents().size(); ++row) {
        const Incident& incident = desk.incidents()[row];
        if (!awaits_work(incident.status) || open++ % 10 != 0) continue;
        const std::string id = incident.id;
        desk.apply(factory.set_field("u:admin", now_ms, EntityKind::incident, id, IncidentField::queue, "second_line"));
        desk.apply(factory.set_field("u:admin", now_ms, EntityKind::incident, id, IncidentField::assignee, ""));
        queued += waits_in_queue(desk.incidents()[row]) ? 1 : 0;
    }
    std::size_t depth = 0;
    row("queues: depth of every queue (" + std::to_string(queued) + " waiting)",
        best_ms([] {}, [&] { depth = queue_depths(desk).at("second_line"); }), "ms");
    const Incident* next = nullptr;
    row("queues: the next due of " + std::to_string(depth) + " waiting (their SLA)",
        best_ms([] {}, [&] { next = next_in_queue(desk, policies, "second_line", now_s); }), "ms");
    std::size_t eligible = 0;
    row("workload: least loaded engineer (open work of every incident)", best_ms([] {}, [&] {
            eligible = next ? least_loaded(desk, *next, queue)->eligible : 0;
        }), "ms");
    // Castle Print Studio's support pack (a hand-written demo customer).
    std::string account;
    for (const Entity& a : desk.entities(EntityKind::account))
        if (a.value(AccountField::name) == "Castle Print Studio") account = a.id;
    std::size_t packs = 0;
    row("entitlements: an account's, with what is left", best_ms([] {}, [&] {
            packs = account_entitlements(desk, account, utc_date(now_ms), now_ms).size();
        }), "ms");
    if (!next || eligible == 0 || packs == 0) std::printf("  WARNING: queue, workload or entitlement not found\n");
}

}  // namespace hotline::bench
