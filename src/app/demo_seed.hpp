// Plays incident lives from the demo data set (demo_data.hpp) through the
// normal operations — create, set, add_event and guarded transitions — so a
// demo desk holds nothing the core would refuse: statuses reached by real
// transitions, solved incidents with their actual problem and solution, a
// transaction log and a timeline for each. Deterministic for a given data set,
// seed, replica and now_ms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/demo_data.hpp"
#include "app/demo_records.hpp"
#include "app/replica.hpp"

namespace hotline::app {

class App;

inline constexpr std::size_t kDemoIncidents = 300;

// Creates the demo company's records (demo_records.hpp; `records` of them) and adds `count`
// incidents about them whose lives end before now_ms (older ones further
// along: solved, closed, archived), then writes one snapshot. On a replica with
// changes newer than those lives, their times collapse onto the newest stamp
// (the HLC never goes back), so seed a fresh replica.
Outcome seed_incidents(Replica& replica, const DemoData& data, std::size_t count, std::int64_t now_ms,
                       std::uint64_t seed, BookSize records = {});

// The same records and lives as a list of operations minted by `factory` (the
// server seeds its log with them): each validated by a Desk of its own, in apply
// order, so every ref names a record created before.
Result<std::vector<Operation>> demo_operations(const DemoData& data, std::size_t count, std::int64_t now_ms,
                                               std::uint64_t seed, OpFactory& factory, BookSize records = {});

// P5: seeds an EMPTY replica with kDemoIncidents incidents from the data set at
// `path` and marks it as a demo (metadata "demo": true).
Outcome seed_demo(Replica& replica, const std::string& path, std::int64_t now_ms);

// For benchmarks, not the user path: adds `count` realistic incidents from the
// data set at `path`, about a company of `records` (customers, contacts, units), to
// the app's replica and refreshes its list.
Outcome seed_synthetic(App& app, const std::string& path, std::size_t count, std::int64_t now_ms,
                       BookSize records = {});

}  // namespace hotline::app
