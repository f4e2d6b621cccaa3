// Property (issue 8): random operations over every entity kind fold to the same state in
// any delivery order the rules allow — every operation after the creates of the records
// it changes or refers to — with re-deliveries. Several replicas with skewed clocks write
// the same fields of the same records (accounts, contacts, units, contracts, blocking
// reasons, keyed reference data defined by two replicas under one key, incidents that
// refer to them), so last-writer-wins decides often.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "desk_fingerprint.hpp"
#include "test_support.hpp"

using namespace hotline;
namespace ht = hotline::testing;

namespace {

struct Generated {
    std::vector<Operation> ops;                      // generation order: valid when applied in it
    std::vector<std::vector<std::size_t>> needs;     // per op: indices of the creates it needs first
};

std::string word(ht::Rng& rng) {
    static const std::vector<std::string> words = {"Ölkessel", "Север", "pompa", "valve", "Lefèvre", "😀 ok",
                                                   "leak",     "шум",   "fuse",  "Été",   "panel",   "filtro"};
    return ht::pick(rng, words) + " " + std::to_string(ht::uniform(rng, 0, 99));
}

// A value for a field that keeps every rule independent of delivery order: refs name
// records created earlier, contract periods always run forward, codes keep their level,
// blocking reasons only warn (a "forbid" one would refuse incidents depending on order).
std::string value_for(ht::Rng& rng, EntityKind kind, const FieldSpec& spec,
                      const std::map<EntityKind, std::vector<std::string>>& made) {
    switch (spec.kind) {
        case FieldKind::short_text: return word(rng);
        case FieldKind::long_text: return word(rng) + "\n" + word(rng);
        case FieldKind::date:
            if (kind == EntityKind::contract)
                return std::to_string(spec.id == ContractField::start ? ht::uniform(rng, 2020, 2024) : ht::uniform(rng, 2025, 2029)) +
                       "-0" + std::to_string(ht::uniform(rng, 1, 9)) + "-1" + std::to_string(ht::uniform(rng, 0, 9));
            return "2026-0" + std::to_string(ht::uniform(rng, 1, 9)) + "-2" + std::to_string(ht::uniform(rng, 0, 8));
        case FieldKind::priority: return std::to_string(ht::uniform(rng, 1, 4));
        case FieldKind::choice:
            if (kind == EntityKind::blocking_reason) return "warn";
            return std::string(spec.choices[static_cast<std::size_t>(
                ht::uniform(rng, 0, static_cast<std::int64_t>(spec.choices.size()) - 1))]);
        case FieldKind::flag: return ht::chance(rng, 50) ? "true" : "false";
        case FieldKind::count:
        case FieldKind::instant: return std::to_string(ht::uniform(rng, 0, 99'999));
        case FieldKind::ref: {
            auto it = made.find(spec.ref);
            if (it == made.end() || it->second.empty()) return "";
            return ht::pick(rng, it->second);
        }
    }
    return "";
}

// Fields a random `set` may write: not a code's parent (it would change levels), not a
// required ref (a contact keeps its account), not the ref fields of incidents (kept as made).
bool settable(EntityKind kind, const FieldSpec& spec) {
    if (spec.kind == FieldKind::ref && (spec.required || kind == EntityKind::reason_code ||
                                        kind == EntityKind::resolution_code))
        return false;
    if (kind == EntityKind::blocking_reason && spec.id == BlockingReasonField::mode) return false;
    if (kind == EntityKind::contract && (spec.id == ContractField::start || spec.id == ContractField::end)) return false;
    return true;
}

Generated generate(std::uint64_t seed, std::size_t count) {
    ht::Rng rng(seed);
    std::vector<OpFactory> replicas = {OpFactory("ra"), OpFactory("rb"), OpFactory("rc")};
    const std::vector<std::int64_t> skew = {0, -4000, 2500};
    const std::vector<EntityKind> kinds = {EntityKind::account,   EntityKind::contact,        EntityKind::unit,
                                           EntityKind::contract,  EntityKind::blocking_reason, EntityKind::department,
                                           EntityKind::reason_code, EntityKind::priority_code, EntityKind::incident};
    Desk desk;
    Generated g;
    std::map<EntityKind, std::vector<std::string>> made;
    std::map<std::string, std::size_t> creator;  // record id (kind-qualified) -> index of its first create
    auto key_of = [](EntityKind k, const std::string& id) { return std::string(entity_kind_name(k)) + "/" + id; };
    std::int64_t now = ht::kBaseMs;
    while (g.ops.size() < count) {
        now += ht::uniform(rng, 0, 900);
        const std::size_t r = static_cast<std::size_t>(ht::uniform(rng, 0, 2));
        OpFactory& f = replicas[r];
        const std::int64_t phys = now + skew[r];
        if (ht::chance(rng, 30)) f.clock().observe(desk.newest_hlc(), phys);
        const EntityKind kind = ht::pick(rng, kinds);
        const KindSpec& spec = kind_spec(kind);
        const bool create = made[kind].size() < 3 || ht::chance(rng, 15);
        Operation op;
        if (create) {
            std::vector<std::pair<FieldId, std::string>> fields;
            for (const FieldSpec& fs : spec.fields) {
                if (kind == EntityKind::reason_code && fs.id == ReasonCodeField::parent) continue;  // all general
                if ((fs.required && fs.initial.empty()) || ht::chance(rng, 40))
                    fields.emplace_back(fs.id, value_for(rng, kind, fs, made));
            }
            // Keyed kinds: few keys, so two replicas define the same one.
            const std::string key = spec.ids == IdScheme::keyed ? "k" + std::to_string(ht::uniform(rng, 0, 3)) : "";
            op = f.create("u:cat", phys, kind, std::move(fields), key);
        } else {
            const std::string id = ht::pick(rng, made[kind]);
            if (kind == EntityKind::incident && ht::chance(rng, 30)) {
                op = f.add_event("u:cat", phys, id, "note", word(rng));
            } else {
                std::vector<const FieldSpec*> candidates;
                for (const FieldSpec& fs : spec.fields)
                    if (settable(kind, fs)) candidates.push_back(&fs);
                const FieldSpec& fs = *ht::pick(rng, candidates);
                op = f.set_field("u:cat", phys, kind, id, fs.id, value_for(rng, kind, fs, made));
            }
        }
        if (desk.apply(op).kind == ApplyKind::rejected) {
            f = OpFactory(f.state());  // nothing burnt matters here; keep going
            continue;
        }
        std::vector<std::size_t> needs;
        auto need = [&](EntityKind k, const std::string& id) {
            auto it = creator.find(key_of(k, id));
            if (it != creator.end()) needs.push_back(it->second);
        };
        // Two creates of one key are concurrent definitions: neither waits for the other.
        if (!create) need(op.entity, op.entity_id);
        for (const auto& [fid, v] : op.fields)
            if (field_spec(op.entity, fid).kind == FieldKind::ref && !v.empty()) need(field_spec(op.entity, fid).ref, v);
        if (op.type == OpType::set && field_spec(op.entity, op.field).kind == FieldKind::ref && !op.text.empty())
            need(field_spec(op.entity, op.field).ref, op.text);
        if (create && creator.emplace(key_of(kind, op.entity_id), g.ops.size()).second) made[kind].push_back(op.entity_id);
        g.needs.push_back(std::move(needs));
        g.ops.push_back(std::move(op));
    }
    return g;
}

// A random order in which every op comes after the ops it needs, with some re-deliveries.
std::vector<Operation> allowed_order(const Generated& g, ht::Rng& rng) {
    std::vector<bool> done(g.ops.size(), false);
    std::vector<Operation> out;
    std::size_t left = g.ops.size();
    while (left > 0) {
        std::vector<std::size_t> ready;
        for (std::size_t i = 0; i < g.ops.size(); ++i) {
            if (done[i]) continue;
            bool ok = true;
            for (std::size_t n : g.needs[i]) ok = ok && (n == i || done[n]);
            if (ok) ready.push_back(i);
        }
        const std::size_t i = ht::pick(rng, ready);
        done[i] = true;
        --left;
        out.push_back(g.ops[i]);
        if (ht::chance(rng, 5)) out.push_back(g.ops[i]);  // delivered twice
    }
    return out;
}

}  // namespace

TEST_CASE("property: operations over every entity kind fold to the same state in any allowed order") {
    for (std::uint64_t seed : {11u, 12u, 13u, 14u}) {
        CAPTURE(seed);
        const Generated g = generate(seed, 300);
        Desk reference;
        for (const Operation& op : g.ops) REQUIRE(reference.apply(op).kind != ApplyKind::rejected);
        std::set<EntityKind> kinds;
        for (const Operation& op : g.ops) kinds.insert(op.entity);
        CHECK(kinds.size() >= 8);
        const std::string expected = ht::render_state(reference);
        ht::Rng rng(seed * 31);
        for (int round = 0; round < 6; ++round) {
            Desk desk;
            std::size_t rejected = 0;
            for (const Operation& op : allowed_order(g, rng)) rejected += desk.apply(op).kind == ApplyKind::rejected;
            CHECK(rejected == 0);
            const std::string got = ht::render_state(desk);
            CHECK_MESSAGE(got == expected, ht::first_difference(got, expected));
        }
    }
}
