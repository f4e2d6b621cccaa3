#include "adversary.hpp"

#include <chrono>
#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "server/http/http_client.hpp"
#include "service_fixture.hpp"

namespace hotline::server_test {
namespace {

constexpr std::int64_t kYearMs = 365LL * 24 * 3600 * 1000;
constexpr std::uint32_t kFullCounter = std::numeric_limits<std::uint32_t>::max();  // 4294967295
constexpr int kKinds = 6;
constexpr const char* kKindNames[kKinds] = {"foreign ids", "bound replica", "far future", "numbers", "unseen", "impersonation"};

// The server runs on this machine: its clock is this one.
std::int64_t server_now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string actor() { return std::string("u:") + Adversary::kLogin; }

// Mints as another replica from operation `first` on, so that ids, stamps and provisional
// numbers all name that replica, as its own would.
OpFactory impostor(const OpId& first) {
    OpFactory::State state;
    state.replica = first.replica;
    state.last_counter = first.counter - 1;
    state.last_hlc.replica = first.replica;
    return OpFactory(state);
}

// An incident of eve's, as far as its fields go.
Operation incident(OpFactory& f, const std::string& title) {
    return f.create_incident(actor(), server_now(), {{IncidentField::title, title}, {IncidentField::engineer, Adversary::kLogin}});
}

}  // namespace

struct Adversary::Answer {
    int status = 0;  // 0: no answer
    nlohmann::json body;
};

Adversary::Adversary(std::string token, std::uint16_t port, server::Database& reader)
    : token_(std::move(token)), port_(port), reader_(reader) {}

Adversary::Answer Adversary::push(const std::string& replica, const std::vector<Operation>& ops, int want_numbers) {
    // A connection per push: the server may have been killed since the last one.
    server::http::HttpClient client("127.0.0.1", port_, std::chrono::seconds(10));
    auto reply = client.request("POST", "/api/v1/push", test::ServiceFixture::push_body(replica, ops, want_numbers), token_);
    if (!reply) return {};
    return {reply->status, nlohmann::json::parse(reply->body, nullptr, false)};
}

std::int64_t Adversary::head() {
    auto seq = reader_.head_seq();
    return seq ? *seq : -1;
}

void Adversary::expect(const std::string& attack, const std::string& replica, const std::vector<Operation>& ops,
                       const Expected& expected) {
    const std::int64_t before = head();
    const Answer answer = push(replica, ops);
    if (answer.status != 200 || !answer.body.contains("results") || answer.body["results"].size() != ops.size()) {
        fail(attack + ": answered " + std::to_string(answer.status) + " " + answer.body.dump());
        return;
    }
    bool any_stored = false;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const auto& r = answer.body["results"][i];
        const std::string status = r.value("status", "");
        const std::string got = status == "rejected" ? r.value("code", "") : status;
        if (got != expected[i])
            fail(attack + ": " + ops[i].id.to_string() + " got " + got + " (" + r.value("message", "") +
                 "), expected " + expected[i]);
        if (status == "applied" || status == "superseded") {
            any_stored = true;
            accepted_.insert(ops[i].id.to_string());
        }
    }
    if (!any_stored && head() != before)
        fail(attack + ": everything was refused, yet the log grew from " + std::to_string(before) + " to " +
             std::to_string(head()));
}

void Adversary::squat(const std::string& replica, const std::string& owner) {
    // Operations under the replica's own first ids, each refused for another reason: a push
    // of nothing acceptable must neither bind the replica to eve nor remember these ids as
    // refused, or its owner's first operations would be.
    OpFactory as_owner = impostor(OpId{replica, 1});
    Operation future = incident(as_owner, "Squatted");
    future.hlc.wall_ms = server_now() + 3 * kYearMs;
    const Operation probe = as_owner.set_field(actor(), server_now(), "zz9:1", IncidentField::title, "Probe");
    const Operation posing =
        as_owner.create_incident("u:" + owner, server_now(), {{IncidentField::title, "In another's name"}});
    expect("squat " + replica, replica, {future, probe, posing}, {"clock_ahead", "forbidden_incident", "forbidden_actor"});
    ++counts_["squat"];
}

void Adversary::attack(const Victim& victim) {
    for (int tries = 0; tries < kKinds; ++tries) {
        const int kind = next_kind_;
        next_kind_ = (next_kind_ + 1) % kKinds;
        if (attack_kind(kind, victim)) {
            ++counts_[kKindNames[kind]];
            return;
        }
    }
}

bool Adversary::attack_kind(int kind, const Victim& victim) {
    switch (kind) {
        case 0: foreign_ids(victim); return true;
        case 1: return bound_replica(victim);
        case 2: far_future(); return true;
        case 3: numbers(victim); return true;
        case 4: return unseen(victim);
        case 5: impersonation(); return true;
    }
    return false;
}

void Adversary::foreign_ids(const Victim& victim) {
    // The victim's next ids, which it has not used yet: if the server remembered them as
    // refused, the victim's own operations would be refused when they come.
    std::vector<Operation> ops;
    OpFactory as_victim = impostor(OpId{victim.replica, victim.next_counter});
    for (int k = 0; k < 3; ++k) ops.push_back(incident(as_victim, "Foreign id"));
    expect("foreign ids of " + victim.replica, kReplica, ops, Expected(ops.size(), "forbidden_replica"));
}

bool Adversary::bound_replica(const Victim& victim) {
    // Under a replica nobody holds yet, an accepted operation would take it (first come);
    // that is the squat's case, with nothing acceptable.
    if (!victim.bound) return false;
    const std::int64_t before = head();
    OpFactory as_victim = impostor(OpId{victim.replica, victim.next_counter + 100});
    const Operation op = incident(as_victim, "Under another's replica");
    const Answer answer = push(victim.replica, {op});
    const bool has_error = answer.body.is_object() && answer.body.contains("error") && answer.body["error"].is_object();
    const std::string code = has_error ? answer.body["error"].value("code", "") : std::string();
    if (answer.status != 403 || code != "forbidden_replica")
        fail("push to " + victim.replica + "'s replica: answered " + std::to_string(answer.status) + " " +
             answer.body.dump());
    if (head() != before) fail("push to " + victim.replica + "'s replica: the log grew");
    return true;
}

void Adversary::far_future() {
    Operation years = incident(factory_, "From the future");
    years.hlc.wall_ms = server_now() + 3 * kYearMs;
    Operation full = incident(factory_, "From the future, counter full");
    full.hlc.wall_ms = server_now() + 5 * kYearMs;
    full.hlc.counter = kFullCounter;
    expect("far future", kReplica, {years, full}, {"clock_ahead", "clock_ahead"});
}

void Adversary::numbers(const Victim& victim) {
    const Answer leased = push(kReplica, {}, 2);
    if (leased.status != 200 || leased.body["number_blocks"].size() != 1) {
        fail("lease: answered " + std::to_string(leased.status) + " " + leased.body.dump());
        return;
    }
    const NumberBlock block{leased.body["number_blocks"][0]["first"], leased.body["number_blocks"][0]["last"]};
    factory_.numbers().add_block(block);
    Operation first = incident(factory_, "Leased number");
    Operation twice = incident(factory_, "Same number again");
    twice.number = first.number;
    // A number of the victim's block (one past the ones ever leased when it has none yet).
    auto theirs = reader_.number_blocks(victim.replica);
    const std::int64_t stolen = theirs && !theirs->empty() ? theirs->back().last : block.last + 1000;
    Operation other = incident(factory_, "Another replica's number");
    other.number = IncidentNumber{stolen, {}};
    expect("numbers", kReplica, {first, twice, other}, {"applied", "number_in_use", "number_not_leased"});
}

bool Adversary::unseen(const Victim& victim) {
    if (victim.incidents.empty()) return false;
    const std::string& target = victim.incidents.front();
    const std::int64_t now = server_now();
    std::vector<Operation> ops = {
        factory_.set_field(actor(), now, target, IncidentField::title, "Mine now"),
        factory_.add_event(actor(), now, target, "note", "Probing"),
        factory_.transition(actor(), now, target, IncidentStatus::in_progress),
        factory_.set_field(actor(), now, "zz9:1", IncidentField::title, "Does it exist?"),
    };
    expect("unseen incidents of " + victim.replica, kReplica, ops, Expected(ops.size(), "forbidden_incident"));
    return true;
}

void Adversary::impersonation() {
    Operation op = factory_.create_incident("u:ann", server_now(), {{IncidentField::title, "Ann did it"}});
    expect("impersonation", kReplica, {op}, {"forbidden_actor"});
}

std::string Adversary::full_counter_incident() {
    Operation op = incident(factory_, "Full counter");
    op.hlc.wall_ms = server_now() + 60'000;
    op.hlc.counter = kFullCounter;
    expect("full counter", kReplica, {op}, {"applied"});
    ++counts_["full counter"];
    return op.entity_id;
}

int Adversary::attacks() const {
    int total = 0;
    for (const auto& kind : counts_) total += kind.second;
    return total;
}

std::string Adversary::summary() const {
    std::string out;
    for (const auto& kind : counts_) out += (out.empty() ? "" : ", ") + std::to_string(kind.second) + " " + kind.first;
    return out;
}

}  // namespace hotline::server_test
