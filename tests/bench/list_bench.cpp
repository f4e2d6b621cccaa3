#include "list_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "app/demo_data.hpp"
#include "app/demo_seed.hpp"
#include "app/list_model.hpp"
#include "app/lookup_timing.hpp"
#include "core/desk.hpp"
#include "core/incident_sla.hpp"
#include "bench_report.hpp"
#include "queue_bench.hpp"

namespace hotline::bench {
namespace {

constexpr std::int64_t kNow = 1764000000000;
}  // namespace

void run_list_bench(const std::string& demo_data_path, std::size_t incidents) {
    auto data = app::load_demo_data(demo_data_path);
    if (!data) {
        std::printf("  list: cannot load %s: %s\n", demo_data_path.c_str(), data.error().message.c_str());
        return;
    }
    OpFactory factory("r7");  // provisional numbers "P-r7-…": no letter of the typed query
    // The browser benchmark's desk: incidents about 10,000 accounts, 30,000 contacts, 100,000 units.
    auto ops = app::demo_operations(*data, incidents, kNow, 20251124 + incidents, factory, {10000, 30000, 100000});
    if (!ops) {
        std::printf("  list: cannot make the incidents: %s\n", ops.error().message.c_str());
        return;
    }
    Desk desk;
    for (const auto& op : *ops) desk.apply(op);
    ops->clear();

    auto t0 = Clock::now();
    app::ListModel list(desk);
    row("list: model build (" + std::to_string(desk.incidents().size()) + " incidents)", ms_since(t0), "ms");
    row("list: search index and sort keys", static_cast<double>(list.memory_bytes()) / 1e6, "MB");

    // The model lists its rows when they are read (as a frame draws them): every step measured
    // reads them.
    std::size_t shown = 0;
    auto read_rows = [&] { shown += list.rows().size(); };
    // As the browser benchmark types: one keystroke at a time, each narrowing the last.
    // A changed row empties the model's cache of recent results, as the first time a query is typed.
    auto fresh = [&](const std::string& query) {
        list.row_changed(0);
        list.set_query("");
        list.set_query(query);
        read_rows();
    };
    std::string typed;
    for (char c : std::string("boil")) {
        const std::string before = typed;
        typed += c;
        const double ms = best_ms([&] { fresh(before); }, [&] {
            list.set_query(typed);
            read_rows();
        });
        row("list: search \"" + typed + "\" (" + std::to_string(list.rows().size()) + " rows)", ms, "ms");
    }
    const double scratch = best_ms([&] { fresh("boil"); }, [&] {
        list.set_query("boi");
        read_rows();
    });
    row("list: search \"boi\" not typed before (every row)", scratch, "ms");
    row("list: the same, with the searches' cached hits", static_cast<double>(list.memory_bytes()) / 1e6, "MB");
    list.set_query("");

    // As a click on a header: from the default order (number, newest first) to the column.
    for (const auto& [name, column, ascending] : {std::tuple{"priority", app::Column::priority, true},
                                                  std::tuple{"updated", app::Column::updated, false},
                                                  std::tuple{"customer", app::Column::customer, true},
                                                  std::tuple{"title", app::Column::title, true}}) {
        const app::SortSpec sort{column, ascending};  // Emscripten's clang 14 cannot capture a structured binding
        const double ms = best_ms(
            [&] {
                list.set_sort({});
                read_rows();
            },
            [&] {
                list.set_sort(sort);
                read_rows();
            });
        row(std::string("list: sort by ") + name, ms, "ms");
    }
    // Issue 14: the SLA of every incident (the demo's Paris office calendar and a policy per
    // priority), computed when the policies load or change; then what a frame costs.
    const std::int64_t now_s = kNow / 1000 + 3 * 86400;
    t0 = Clock::now();
    const SlaPolicies policies = SlaPolicies::of(desk, now_s);
    row("list: SLA policies and their calendars' index", ms_since(t0), "ms");
    t0 = Clock::now();
    std::int64_t due_sum = 0;
    for (const Incident& incident : desk.incidents()) due_sum += incident_sla(policies, incident).resolution.clock.target;
    row("list: SLA of every incident, core alone", ms_since(t0), "ms");
    t0 = Clock::now();
    int frames = 1;
    while (list.refresh_sla(now_s)) ++frames;
    row("list: SLA of every incident (history walk, both metrics), " + std::to_string(frames) + " slices",
        ms_since(t0), "ms");
    const double due_sort = best_ms(
        [&] {
            list.set_sort({});
            read_rows();
        },
        [&] {
            list.set_sort({app::Column::due, true});
            read_rows();
        });
    row("list: sort by due", due_sort, "ms");
    std::int64_t left = 0;
    const double frame = best_ms([] {}, [&] {
        for (std::size_t i = 0; i < 40 && i < list.rows().size(); ++i) left += list.sla_status(list.rows()[i], now_s).remaining;
    });
    row("list: SLA countdown of 40 rows on screen (a frame)", frame, "ms");
    // Query Q of the peer benchmark: open incidents of priority 1-2 by SLA due, the first 50.
    constexpr std::uint8_t kOpen = (1u << static_cast<int>(IncidentStatus::registered)) |
                                   (1u << static_cast<int>(IncidentStatus::assigned)) |
                                   (1u << static_cast<int>(IncidentStatus::in_progress)) |
                                   (1u << static_cast<int>(IncidentStatus::transferred));
    std::vector<std::uint32_t> first50;
    const double query_q = best_ms(
        [&] {
            list.set_status_filter(app::kActiveStatuses);
            list.set_priority_filter(app::kAllPriorities);
            list.set_sort({});
            read_rows();
        },
        [&] {
            list.set_status_filter(kOpen);
            list.set_priority_filter(0b0011);
            list.set_sort({app::Column::due, true});
            first50.assign(list.rows().begin(), list.rows().begin() + std::min<std::size_t>(50, list.rows().size()));
        });
    row("list: query Q (open, priority <= 2, by SLA due, first 50 of " + std::to_string(list.rows().size()) + ")",
        query_q, "ms");
    if (left == 0 || first50.empty() || due_sum == 0 || shown == 0) std::printf("  WARNING: no SLA computed\n");
    list.set_status_filter(app::kActiveStatuses);
    list.set_priority_filter(app::kAllPriorities);
    list.set_sort({app::Column::customer, true});

    // An edit (or a synced change) of the sorted column: the row moves to its place.
    const auto changed = static_cast<std::uint32_t>(desk.incidents().size() / 2);
    const double edit = best_ms([] {}, [&] {
        list.row_changed(changed);
        read_rows();
    });
    row("list: one changed row, sorted by customer", edit, "ms");

    // The registration lookup as the browser benchmark types it (its words, these records).
    app::CustomerLookup customers(desk);
    customers.refresh();
    const std::vector<std::string> words = {"dupont", "иван", "rossi", "hôtel", "boulangerie", "+33 4 7", "service@"};
    const app::KeystrokeTimes typed_words = app::time_customer_typing(customers, words);
    row("lookup (demo records): customer, mean per keystroke", typed_words.mean_ms, "ms");
    row("lookup (demo records): customer, worst keystroke", typed_words.worst_ms, "ms");
    std::printf("  %-52s %12s\n", "lookup (demo records): worst query", ("\"" + typed_words.worst_query + "\"").c_str());

    run_queue_bench(desk, policies, now_s);
}

}  // namespace hotline::bench
