// Property tests of the fold (state = fold of operations, ARCHITECTURE.md merge rules):
//   - set and add_event commute: any delivery order, with re-deliveries, gives the same
//     field values, field stamps and events on every incident;
//   - a snapshot (parts/from_parts) plus the remaining operations equals the straight fold;
//   - folding JSON round-tripped operations equals folding the originals.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/history.hpp"
#include "core/operation_json.hpp"
#include "test_support.hpp"

using namespace hotline;
namespace ht = hotline::testing;

namespace {

struct Split {
    std::vector<Operation> creations;  // in generation order
    std::vector<Operation> rest;       // set / add_event
};

Split split(const std::vector<Operation>& ops) {
    Split s;
    for (const auto& op : ops) (ht::is_creation(op) ? s.creations : s.rest).push_back(op);
    return s;
}

// Creations first (in order), then the rest shuffled, with some operations delivered again
// later (a retried push, an overlapping pull).
std::vector<Operation> delivery(ht::Rng& rng, const Split& s, std::size_t& redelivered) {
    std::vector<Operation> out = s.creations;
    std::vector<Operation> rest = s.rest;
    ht::shuffle(rng, rest);
    redelivered = 0;
    for (const auto& op : rest) {
        out.push_back(op);
        if (ht::chance(rng, 10)) {
            // Re-deliver an operation already delivered (possibly a creation).
            out.push_back(out[static_cast<std::size_t>(ht::uniform(rng, 0, static_cast<std::int64_t>(out.size()) - 1))]);
            ++redelivered;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("property: set and add_event fold to the same state in every delivery order") {
    ht::RandomOpsOptions options;
    options.replicas = 4;
    options.incidents = 5;
    options.event_types = true;  // definitions are creations: delivered first
    options.sync_percent = 25;
    std::size_t total_superseded = 0, total_orders = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        CAPTURE(seed);
        auto ops = ht::random_operations(seed, 250, options);
        Split s = split(ops);
        REQUIRE(s.rest.size() > 150);

        Desk reference;
        auto ref_counts = ht::apply_all(reference, ops);
        REQUIRE_MESSAGE(ref_counts.rejected == 0, ref_counts.first_error);
        const std::string want = ht::render_state(reference);

        ht::Rng rng(seed * 7919);
        for (int order = 0; order < 6; ++order) {
            CAPTURE(order);
            std::size_t redelivered = 0;
            auto delivered = delivery(rng, s, redelivered);
            Desk desk;
            auto counts = ht::apply_all(desk, delivered);
            REQUIRE_MESSAGE(counts.rejected == 0, counts.first_error);
            CHECK(counts.duplicate == redelivered);
            CHECK(counts.applied + counts.superseded == ops.size());
            total_superseded += counts.superseded;
            ++total_orders;

            std::string got = ht::render_state(desk);
            CHECK(got == want);
            // The same, spelled out on the data rather than on the rendering.
            REQUIRE(desk.incidents().size() == reference.incidents().size());
            for (const auto& ref_inc : reference.incidents()) {
                const Incident* inc = desk.find(ref_inc.id);
                REQUIRE(inc != nullptr);
                CHECK(inc->values == ref_inc.values);
                CHECK(inc->updated_ms == ref_inc.updated_ms);
                for (const auto& spec : fields_of(EntityKind::incident))
                    CHECK(desk.to_hlc(inc->stamp_of(spec.id)) == reference.to_hlc(ref_inc.stamp_of(spec.id)));
                REQUIRE(inc->events.size() == ref_inc.events.size());
                for (std::size_t i = 0; i < inc->events.size(); ++i) {
                    CHECK(inc->events[i].id == ref_inc.events[i].id);
                    CHECK(desk.to_hlc(inc->events[i].stamp) == reference.to_hlc(ref_inc.events[i].stamp));
                }
                // Every write is accounted for: applied ones in the history, lost ones as superseded.
                CHECK(decode_history(inc->history, desk.actors(), EntityKind::incident).size() == decode_history(ref_inc.history, reference.actors(), EntityKind::incident).size());
            }
            CHECK(desk.newest_hlc() == reference.newest_hlc());
        }
    }
    // The generator makes concurrent writes, so the orders really did disagree on arrival.
    CHECK(total_superseded > total_orders);
}

TEST_CASE("property: last writer wins picks the write with the greatest HLC per field") {
    ht::RandomOpsOptions options;
    options.replicas = 5;
    options.incidents = 3;
    options.sync_percent = 10;
    for (std::uint64_t seed = 100; seed < 110; ++seed) {
        auto ops = ht::random_operations(seed, 300, options);
        Desk desk;
        REQUIRE(ht::apply_all(desk, ops).rejected == 0);
        // Expected value of each (incident, field): the create's value unless a set with a
        // greater HLC than every other write exists.
        for (const auto& inc : desk.incidents()) {
            for (const auto& spec : fields_of(EntityKind::incident)) {
                const Operation* best = nullptr;
                for (const auto& op : ops)
                    if (op.type == OpType::set && op.entity_id == inc.id && op.field == spec.id &&
                        (!best || op.hlc > best->hlc))
                        best = &op;
                if (best && best->hlc > desk.to_hlc(inc.created)) {
                    CHECK(inc.value(spec.id) == best->text);
                    CHECK(desk.to_hlc(inc.stamp_of(spec.id)) == best->hlc);
                } else {
                    CHECK(desk.to_hlc(inc.stamp_of(spec.id)) == desk.to_hlc(inc.created));
                }
            }
        }
    }
}

TEST_CASE("property: snapshot + remaining operations equals the straight fold") {
    ht::RandomOpsOptions options;
    options.transitions = true;
    options.event_types = true;
    options.renumbers = true;
    for (std::uint64_t seed : {5u, 6u, 7u, 8u}) {
        CAPTURE(seed);
        auto ops = ht::random_operations(seed, 300, options);
        Desk straight;
        REQUIRE(ht::apply_all(straight, ops).rejected == 0);

        ht::Rng rng(seed);
        Desk chunked;
        std::size_t i = 0;
        while (i < ops.size()) {
            auto n = static_cast<std::size_t>(ht::uniform(rng, 1, 60));
            for (; n > 0 && i < ops.size(); --n, ++i) REQUIRE(chunked.apply(ops[i]).kind != ApplyKind::rejected);
            auto rebuilt = Desk::from_parts(chunked.parts());
            REQUIRE(rebuilt.ok());
            chunked = std::move(rebuilt.value());
        }
        CHECK(ht::render_desk_full(chunked) == ht::render_desk_full(straight));
        CHECK(ht::same_parts(chunked.parts(), straight.parts()));
    }
}

TEST_CASE("property: folding JSON round-tripped operations equals folding the originals") {
    ht::RandomOpsOptions options;
    options.transitions = true;
    options.event_types = true;
    options.renumbers = true;
    for (std::uint64_t seed : {11u, 12u, 13u}) {
        auto ops = ht::random_operations(seed, 300, options);
        Desk direct, wire;
        REQUIRE(ht::apply_all(direct, ops).rejected == 0);
        for (const auto& op : ops) {
            auto back = decode_operation(encode_operation(op));
            REQUIRE(back.ok());
            REQUIRE(wire.apply(*back).kind != ApplyKind::rejected);
        }
        CHECK(ht::render_desk_full(wire) == ht::render_desk_full(direct));
    }
}

TEST_CASE("property: the generator is deterministic and its operations all apply") {
    ht::RandomOpsOptions options;
    options.transitions = true;
    options.event_types = true;
    options.renumbers = true;
    auto a = ht::random_operations(42, 500, options);
    auto b = ht::random_operations(42, 500, options);
    auto c = ht::random_operations(43, 500, options);
    CHECK(a == b);
    CHECK_FALSE(a == c);
    REQUIRE(a.size() == 500);
    CHECK(ht::random_operations(42, 0).empty());
    Desk desk;
    auto counts = ht::apply_all(desk, a);
    CHECK(counts.rejected == 0);
    CHECK(counts.duplicate == 0);
    CHECK(desk.incidents().size() == 4);
    // Each kind shows up, from several replicas.
    std::set<int> types;
    std::set<std::string> replicas;
    for (const auto& op : a) {
        types.insert(static_cast<int>(op.type));
        replicas.insert(op.id.replica);
    }
    CHECK(types.size() == 5);
    CHECK(replicas.size() == 4);  // ra, rb, rc and the server
    bool some_transition_applied = false;
    for (const auto& inc : desk.incidents()) some_transition_applied |= inc.status != IncidentStatus::registered;
    CHECK(some_transition_applied);
}

TEST_CASE("property: the generator makes the same operations with every compiler and standard library") {
    // Native (g++/libstdc++) and wasm (clang/libc++) runs must see the same operations, or a
    // failure seen in one build cannot be replayed in the other. The fingerprint covers
    // every field of every operation; if the generator is changed on purpose, update it.
    ht::RandomOpsOptions options;
    options.transitions = true;
    options.event_types = true;
    options.renumbers = true;
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    auto mix = [&h](const std::string& s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xffu) * 1099511628211ull;
    };
    for (const auto& op : ht::random_operations(2024, 600, options)) {
        mix(op.id.to_string());
        mix(op.hlc.to_string());
        mix(op.actor);
        mix(op.entity_id);
        mix(std::to_string(static_cast<int>(op.entity)) + "/" + std::to_string(static_cast<int>(op.type)) + "/" +
            std::to_string(static_cast<int>(op.field.value)) + "/" + std::to_string(static_cast<int>(op.to)));
        for (const auto& [f, v] : op.fields) mix(std::to_string(static_cast<int>(f.value)) + "=" + v);
        mix(op.number.display());
        mix(op.text);
        mix(op.event_type);
    }
    CHECK(h == 6101063920409990745ull);
}
