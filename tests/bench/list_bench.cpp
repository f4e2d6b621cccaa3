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
#include "bench_report.hpp"

namespace hotline::bench {
namespace {

constexpr std::int64_t kNow = 1764000000000;
constexpr int kRounds = 15;  // each step is timed this many times; the best is printed (a shared machine)

// The best of kRounds runs of `step`, `reset` (untimed) before each.
template <typename Reset, typename Step>
double best_ms(Reset reset, Step step) {
    double best = 1e9;
    for (int i = 0; i < kRounds; ++i) {
        reset();
        const auto t0 = Clock::now();
        step();
        best = std::min(best, ms_since(t0));
    }
    return best;
}

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

    // As the browser benchmark types: one keystroke at a time, each narrowing the last.
    // A changed row empties the model's cache of recent results, as the first time a query is typed.
    auto fresh = [&](const std::string& query) {
        list.row_changed(0);
        list.set_query("");
        list.set_query(query);
    };
    std::string typed;
    for (char c : std::string("boil")) {
        const std::string before = typed;
        typed += c;
        const double ms = best_ms([&] { fresh(before); }, [&] { list.set_query(typed); });
        row("list: search \"" + typed + "\" (" + std::to_string(list.rows().size()) + " rows)", ms, "ms");
    }
    const double scratch = best_ms([&] { fresh("boil"); }, [&] { list.set_query("boi"); });
    row("list: search \"boi\" not typed before (every row)", scratch, "ms");
    row("list: the same, with the searches' cached hits", static_cast<double>(list.memory_bytes()) / 1e6, "MB");
    list.set_query("");

    // As a click on a header: from the default order (number, newest first) to the column.
    for (const auto& [name, column, ascending] : {std::tuple{"priority", app::Column::priority, true},
                                                  std::tuple{"updated", app::Column::updated, false},
                                                  std::tuple{"customer", app::Column::customer, true},
                                                  std::tuple{"title", app::Column::title, true}}) {
        const app::SortSpec sort{column, ascending};  // Emscripten's clang 14 cannot capture a structured binding
        const double ms = best_ms([&] { list.set_sort({}); }, [&] { list.set_sort(sort); });
        row(std::string("list: sort by ") + name, ms, "ms");
    }
    // An edit (or a synced change) of the sorted column: the row moves to its place.
    const auto changed = static_cast<std::uint32_t>(desk.incidents().size() / 2);
    const double edit = best_ms([] {}, [&] { list.row_changed(changed); });
    row("list: one changed row, sorted by customer", edit, "ms");

    // The registration lookup as the browser benchmark types it (its words, these records).
    app::CustomerLookup customers(desk);
    customers.refresh();
    const std::vector<std::string> words = {"dupont", "иван", "rossi", "hôtel", "boulangerie", "+33 4 7", "service@"};
    const app::KeystrokeTimes typed_words = app::time_customer_typing(customers, words);
    row("lookup (demo records): customer, mean per keystroke", typed_words.mean_ms, "ms");
    row("lookup (demo records): customer, worst keystroke", typed_words.worst_ms, "ms");
    std::printf("  %-52s %12s\n", "lookup (demo records): worst query", ("\"" + typed_words.worst_query + "\"").c_str());
}

}  // namespace hotline::bench
