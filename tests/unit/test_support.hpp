// Shared helpers for the unit tests (core and store):
//   - a seeded PRNG with the SAME results natively and under Emscripten (the std
//     distributions differ between libstdc++ and libc++, so none is used here);
//   - random field values and a random operation generator built on OpFactory;
//   - canonical text renderings of a Desk, so two desks can be compared with one
//     CHECK and a failure shows what differs.
// Everything is deterministic for a given seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/schema.hpp"
#include "core/operation.hpp"

namespace hotline::testing {

// Base wall time of generated operations: 2025-11-24, inside the HLC's accepted range.
inline constexpr std::int64_t kBaseMs = 1764000000000;

using Rng = std::mt19937_64;

// Uniform integer in [lo, hi] (inclusive); identical on every standard library.
std::int64_t uniform(Rng& rng, std::int64_t lo, std::int64_t hi);
bool chance(Rng& rng, int percent);
template <typename T>
const T& pick(Rng& rng, const std::vector<T>& items) {
    return items[static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(items.size()) - 1))];
}
// Fisher-Yates with uniform() above (std::shuffle's result depends on the library).
template <typename T>
void shuffle(Rng& rng, std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
        auto j = static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(i) - 1));
        std::swap(items[i - 1], items[j]);
    }
}

// A valid (canonical) random value for a field: Latin, Cyrillic, accented and
// 4-byte UTF-8 text, multi-line long texts, dates, priorities, origins.
std::string random_field_value(Rng& rng, FieldId field);
// A random field that a `set` may write (any field).
FieldId random_field(Rng& rng);

struct RandomOpsOptions {
    int replicas = 3;          // replica ids "ra", "rb", "rc", ... (at most 20)
    int incidents = 4;         // incidents created (first, by random replicas)
    bool transitions = false;  // also emit workflow transitions that pass the guards
    bool event_types = false;  // also define event types (and use them in add_event)
    bool renumbers = false;    // a server replica "srv" renumbers provisional incidents
    int sync_percent = 30;     // chance per op that the author first observes the newest HLC
};

// `count` operations in generation order, including the incident creates (which come
// first) and the event type definitions. Applied in that order to a fresh Desk, none is
// rejected (each is applied or superseded). Replicas have skewed physical clocks and only
// sometimes see each other's stamps, so concurrent writes to one field do happen.
// Replica "ra" has a block of final numbers; the others issue provisional numbers.
std::vector<Operation> random_operations(std::uint64_t seed, std::size_t count,
                                         const RandomOpsOptions& options = {});

// Creates (incident or event type) must precede the operations that use them; set and
// add_event commute and may be delivered in any order.
bool is_creation(const Operation& op);

struct ApplyCounts {
    std::size_t applied = 0, superseded = 0, duplicate = 0, rejected = 0;
    std::string first_error;  // code + message of the first rejection
};
ApplyCounts apply_all(Desk& desk, const std::vector<Operation>& ops);

// The converged state: what every delivery order must agree on. Incidents sorted by id;
// for each: number, aliases, status, every field value with the HLC of its winning write
// (via Desk::to_hlc, so replica table order does not matter), events in order; then the
// event types with their labels and stamps. Arrival-dependent data (superseded counts,
// the history blob) is left out. Records of the other kinds follow, sorted by kind and id,
// with every field's value and stamp.
std::string render_state(const Desk& desk);
// render_state plus arrival-dependent data: superseded counts, updated_ms, created_by and
// the decoded history of each incident, and the applied-op set. Two desks that received the
// same operations in the same order render equal.
std::string render_desk_full(const Desk& desk);

// Field-by-field equality of two snapshots (Desk::Parts has no operator==).
bool same_parts(const Desk::Parts& a, const Desk::Parts& b);

}  // namespace hotline::testing
