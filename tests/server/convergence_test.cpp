// Issue 4's convergence test, end to end: the real server program (hotline_server, a child
// process on a SQLite file) and several client replicas (app::Replica + sync::SyncEngine
// over real HTTP), each behind a chaos transport that drops requests and replies,
// duplicates pushes and re-sends old ones late. Replicas edit at random, often offline,
// often the same fields of the same incidents (real conflicts), with status changes the
// server's guards will refuse, customer records and reference data of every kind
// (issue 8) created, edited and given to incidents, transfers to orders and their
// outcomes (issue 11, W8), the customer's answers to solutions (W6) committed as the
// app does, work timers and time entries (W4), child incidents and merges (W12). The server closes silent solved incidents by itself (W7: a sweep every second,
// a notice then the close, pulled by the replicas like any change). The server is killed
// with SIGKILL at random moments, also
// while a push is on the wire, and restarted on the same database.
//
// At the end (chaos off, server up, every engine ticked until idle) it checks:
//   1. every replica's desk equals the server's desk (ServerDesk::load of the SQLite file),
//      by a canonical fingerprint (desk_fingerprint.hpp), also after reopening from disk;
//   2. every operation any replica minted is in the server's log XOR in its rejections
//      (with a reason): none lost; no id twice in the log; a replica's conflict list holds
//      only ids the server rejected.
//
// With an adversary (adversary.hpp), a technician's replica pushes attacks between the steps:
// every attack must get its expected refusal, the honest replicas must still converge, and
// every honest operation must end stored or refused for a reason of its own, never for one
// of the adversary's (its ids taken, its replica squatted). The honest run is on SQLite; the
// adversarial one on SQLite and, in `server.postgres`, on PostgreSQL with three server
// processes sharing the database (issue 13): each client talks to one of them, the killer
// kills the process of the push it interrupts, and before the end a poll parked on each
// process must be woken by a push on the next (live updates across processes).
//
// Time is simulated for the engines (tick(now) with a clock the test advances, so backoff
// waits pass at once); the long poll uses a 5 ms timeout. Seeds are fixed; set
// HOTLINE_CONVERGENCE_SEED=<n> to run one other seed. The only non-determinism left is the
// exact moment a killer thread's SIGKILL lands inside a push (real time).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/replica.hpp"
#include "adversary.hpp"
#include "chaos_transport.hpp"
#include "core/acceptance.hpp"
#include "core/event_types.hpp"
#include "core/relations.hpp"
#include "core/schema.hpp"
#include "core/status.hpp"
#include "core/time_entries.hpp"
#include "core/transfer.hpp"
#include "desk_fingerprint.hpp"
#include "http_transport.hpp"
#include "server/credentials.hpp"
#include "server/db/database.hpp"
#include "server/http/http_client.hpp"
#include "server/server_desk.hpp"
#include "server/users_api.hpp"
#include "live_poll.hpp"
#include "server_fleet.hpp"
#include "server_process.hpp"
#include "server_test_support.hpp"
#include "sync/sync_engine.hpp"

#ifndef HOTLINE_SERVER_PROGRAM
#define HOTLINE_SERVER_PROGRAM ""
#endif

// CHECK_MESSAGE that also remembers a failure (the work folder is then kept).
#define EXPECT(cond, msg)                 \
    do {                                  \
        const bool expect_ok_ = (cond);   \
        if (!expect_ok_) passed = false;  \
        CHECK_MESSAGE(expect_ok_, msg);   \
    } while (false)

namespace {

using namespace hotline;
using namespace hotline::server_test;
using hotline::testing::desk_fingerprint;
using hotline::testing::first_difference;
namespace fs = std::filesystem;

constexpr const char* kPassword = "correct horse battery";
constexpr int kSteps = 700;             // one client acts per step
constexpr int kSettleRounds = 60;       // at most, at the end
constexpr std::int64_t kWaitTimeoutMs = 5;

struct Rng {
    std::mt19937_64 engine;
    explicit Rng(std::uint64_t seed) : engine(seed) {}
    std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(engine);
    }
    bool chance(int percent) { return uniform(0, 99) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(v.size()) - 1))];
    }
};

struct UserSpec {
    std::string login, role, replica;
};

// One client: its replica folder, replica, transports and engine, and every op id it minted.
struct Client {
    UserSpec user;
    std::string dir;
    std::string token;
    std::unique_ptr<HttpTransport> http;
    std::unique_ptr<ChaosTransport> chaos;
    std::unique_ptr<app::Replica> replica;
    std::unique_ptr<sync::SyncEngine> engine;
    std::size_t server = 0;  // which process of the fleet it talks to
    std::vector<OpId> minted;
    int offline_steps = 0;  // > 0: offline for that many more of its steps
    int reapplied = 0;      // conflicts re-applied as new operations

    void open_engine() {
        sync::SyncEngine::Options options;
        options.token = token;
        options.wait_timeout_ms = kWaitTimeoutMs;
        options.push_batch = 7;  // small batches: more pushes, more moments to be killed in
        options.want_numbers = 5;
        options.low_numbers = 3;
        engine = std::make_unique<sync::SyncEngine>(*replica, *chaos, options);
    }
    void reopen() {
        engine.reset();
        replica.reset();
        auto r = app::Replica::open(dir, user.replica);
        REQUIRE_MESSAGE(r.ok(), failure_text(r));
        replica = std::make_unique<app::Replica>(std::move(*r));
        open_engine();
    }
    // Mints with the replica's factory; the id is recorded only when the change was kept
    // (a refused change burns no id: the next op reuses it).
    bool commit(const std::function<Operation(OpFactory&)>& mint) {
        OpId id;
        Outcome ok = replica->commit_local([&](OpFactory& f) {
            Operation op = mint(f);
            id = op.id;
            return op;
        });
        if (ok) minted.push_back(id);
        return ok.ok();
    }
    bool idle(std::int64_t head) const {
        const auto& sync = replica->extra()["sync"];
        const bool no_rebuild = !sync.contains("rebuild") || sync["rebuild"].empty();
        return replica->outbox().empty() && no_rebuild && engine->cursor() == head && engine->status().pending == 0;
    }
};

std::string random_value(Rng& rng, FieldId field) {
    static const std::vector<std::string> words = {"pump", "valve", "leak", "noise", "fuse", "panel", "Ünit", "filter"};
    const auto& spec = field_spec(EntityKind::incident, field);
    switch (spec.kind) {
        case FieldKind::priority: return std::to_string(rng.uniform(1, 4));
        case FieldKind::choice: return std::string(spec.choices[static_cast<std::size_t>(
            rng.uniform(0, static_cast<std::int64_t>(spec.choices.size()) - 1))]);
        case FieldKind::date: return rng.chance(20) ? "" : "2026-0" + std::to_string(rng.uniform(1, 9)) + "-1" + std::to_string(rng.uniform(0, 9));
        default: break;
    }
    // Guarded fields are often emptied, so transitions that passed locally fail on the server.
    if (rng.chance(25)) return "";
    return rng.pick(words) + " " + std::to_string(rng.uniform(0, 99));
}

// The incident an edit goes to: mostly one of the first few (by id), so replicas collide.
const Incident* pick_incident(Rng& rng, const Desk& desk) {
    if (desk.incidents().empty()) return nullptr;
    std::vector<const Incident*> sorted;
    for (const auto& inc : desk.incidents()) sorted.push_back(&inc);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
    const std::int64_t hot = std::min<std::int64_t>(4, static_cast<std::int64_t>(sorted.size()));
    const std::int64_t n = rng.chance(60) ? hot : static_cast<std::int64_t>(sorted.size());
    return sorted[static_cast<std::size_t>(rng.uniform(0, n - 1))];
}

// Customer records and reference data (issue 8): created, edited, and given to incidents,
// often the same records by several replicas.
bool random_record_edit(Rng& rng, Client& c, std::int64_t now) {
    const std::string actor = "u:" + c.user.login;
    const Desk& desk = c.replica->desk();
    auto ids_of = [&](EntityKind kind) {
        std::vector<std::string> ids;
        for (const auto& e : desk.entities(kind)) ids.push_back(e.id);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    const std::vector<std::string> accounts = ids_of(EntityKind::account);
    const std::string n = std::to_string(rng.uniform(0, 999));
    const auto what = rng.uniform(0, 9);
    if (accounts.empty() || what < 2)
        return c.commit([&](OpFactory& f) { return f.create(actor, now, EntityKind::account, {{AccountField::name, "Acme " + n}}); });
    const std::string account = rng.pick(accounts);
    if (what < 4)
        return c.commit([&](OpFactory& f) {
            return f.create(actor, now, EntityKind::contact, {{ContactField::account, account}, {ContactField::name, "Ann " + n}});
        });
    if (what < 5)
        return c.commit([&](OpFactory& f) {
            return f.create(actor, now, EntityKind::unit, {{UnitField::serial, "SN-" + n}, {UnitField::account, account}});
        });
    if (what < 6 && c.user.role == "manager")
        return c.commit([&](OpFactory& f) {
            return f.create(actor, now, EntityKind::department, {{DepartmentField::name, "Dept " + n}},
                            "d" + std::to_string(rng.uniform(0, 2)));
        });
    if (what < 8) {
        const FieldId field = rng.chance(50) ? FieldId(AccountField::phone) : FieldId(AccountField::name);
        return c.commit([&](OpFactory& f) { return f.set_field(actor, now, EntityKind::account, account, field, "+39 " + n); });
    }
    const Incident* inc = pick_incident(rng, desk);
    if (!inc) return false;
    const std::string id = inc->id;
    return c.commit([&](OpFactory& f) { return f.set_field(actor, now, id, IncidentField::account, account); });
}

// Transfers (W8): an incident transferred to an order, an order moved on or finished (its
// outcome back on the incident), each a plan committed step by step, often on the same
// incidents and orders by several replicas at once.
bool random_order_edit(Rng& rng, Client& c, std::int64_t now) {
    const std::string actor = "u:" + c.user.login;
    const Desk& desk = c.replica->desk();
    const Incident* inc = pick_incident(rng, desk);
    if (!inc) return false;
    const auto orders = orders_of(desk, inc->id);
    auto plan = [&]() -> Result<Plan> {
        if (orders.empty() || rng.chance(30)) {
            // The desk transfers (a refused create would stay on the replica: records are never removed).
            if (c.user.role == "technician") return make_error("forbidden_role", "");
            const auto type = static_cast<OrderType>(rng.uniform(0, static_cast<std::int64_t>(std::size(kOrderTypeNames)) - 1));
            return plan_transfer(desk, *inc, {type, "1 Main St", rng.chance(50) ? "2026-01-15" : "", "", "SubCo", ""});
        }
        const auto to = static_cast<OrderStatus>(rng.uniform(0, kOrderStatusCount - 1));
        return plan_order_update(desk, *rng.pick(orders), to, rng.chance(70) ? "note " + std::to_string(rng.uniform(0, 99)) : "");
    }();
    if (!plan) return false;
    bool kept = false;
    for (const PlanStep& step : *plan) {
        if (!c.commit([&](OpFactory& f) { return step.mint(f, actor, now); })) break;
        kept = true;
    }
    return kept;
}

// W12: child incidents and merges, mostly among the same few incidents, so that two
// replicas merge one pair both ways, or merge while another edits, reopens or closes: the
// server's order decides and the later merge lands in its author's Conflicts.
// Technicians make neither (a parent not theirs is refused, and a refused create would
// stay on their replica).
bool random_relation_edit(Rng& rng, Client& c, std::int64_t now) {
    if (c.user.role == "technician") return false;
    const std::string actor = "u:" + c.user.login;
    const Desk& desk = c.replica->desk();
    const Incident* a = pick_incident(rng, desk);
    const Incident* b = pick_incident(rng, desk);
    if (!a || !b) return false;
    const std::string merged = a->id, into = b->id;
    if (rng.chance(60)) return c.commit([&](OpFactory& f) { return f.merge(actor, now, merged, into); });
    if (!check_parent(desk, {}, into)) return false;  // as the app offers it
    auto fields = child_fields(*b);
    fields.emplace_back(IncidentField::title, "Child " + std::to_string(rng.uniform(0, 999)));
    std::sort(fields.begin(), fields.end());
    return c.commit([&](OpFactory& f) { return f.create_incident(actor, now, fields); });
}

// W4: work timers started (stopping the person's others first) and stopped, and manual
// entries, by the desk; a person's timers on two offline replicas run at once until the
// next start stops both.
bool random_timer_edit(Rng& rng, Client& c, std::int64_t now) {
    if (c.user.role == "technician") return false;  // their incident may move on meanwhile
    const std::string actor = "u:" + c.user.login;
    const Desk& desk = c.replica->desk();
    const Incident* inc = pick_incident(rng, desk);
    if (!inc) return false;
    const std::string id = inc->id;
    const auto running = running_timers(desk, c.user.login);
    if (!running.empty() && rng.chance(40)) {
        const std::string entry = running.front()->id;
        return c.commit([&](OpFactory& f) {
            return f.set_field(actor, now, EntityKind::time_entry, entry, TimeEntryField::ended, std::to_string(now));
        });
    }
    if (rng.chance(30)) {
        auto fields = manual_entry_fields(id, c.user.login, rng.uniform(1, 90), "call");
        return c.commit([&](OpFactory& f) { return f.create(actor, now, EntityKind::time_entry, fields); });
    }
    const TimerStart start = plan_timer_start(desk, id, c.user.login, now);
    for (const std::string& entry : start.stop)
        if (!c.commit([&](OpFactory& f) {
                return f.set_field(actor, now, EntityKind::time_entry, entry, TimeEntryField::ended, std::to_string(now));
            }))
            return false;
    return c.commit([&](OpFactory& f) { return f.create(actor, now, EntityKind::time_entry, start.create); });
}

// W6: the customer's answer, committed as the app does: each step of the plan an operation.
bool random_answer(Rng& rng, Client& c, const Incident& inc, std::int64_t now) {
    const std::string actor = "u:" + c.user.login, id = inc.id;
    Result<IncidentPlan> plan = IncidentPlan{};
    switch (rng.uniform(0, 3)) {
        case 0: plan = plan_acceptance(inc); break;
        case 1: plan = plan_rejection(inc, "not fixed " + std::to_string(rng.uniform(0, 99))); break;
        case 2: plan = plan_rating(inc, std::to_string(rng.uniform(1, 5)), rng.chance(50) ? "fine" : ""); break;
        default: plan = plan_close_request(inc, ""); break;
    }
    if (!plan) return false;
    bool kept = true;
    for (const IncidentStep& step : *plan)
        kept = kept && c.commit([&](OpFactory& f) { return step_operation(f, actor, now, id, step); });
    return kept;
}

// One random local change; returns whether the replica kept it.
bool random_edit(Rng& rng, Client& c, std::int64_t now) {
    if (rng.chance(15)) return random_record_edit(rng, c, now);
    const std::string actor = "u:" + c.user.login;
    const Incident* inc = pick_incident(rng, c.replica->desk());
    const int kind = static_cast<int>(rng.uniform(0, 99));
    if (!inc || kind < 10) {
        std::vector<std::pair<FieldId, std::string>> fields = {{IncidentField::title, "Incident " + std::to_string(rng.uniform(0, 999))}};
        if (rng.chance(50)) fields.push_back({IncidentField::engineer, rng.chance(50) ? "bob" : "Bob Engineer"});
        return c.commit([&](OpFactory& f) { return f.create_incident(actor, now, fields); });
    }
    const std::string id = inc->id;
    if (kind < 50) {
        static const std::vector<FieldId> fields = {IncidentField::title,          IncidentField::priority,  IncidentField::customer_name,
                                                    IncidentField::department,     IncidentField::engineer,  IncidentField::actual_problem,
                                                    IncidentField::actual_solution, IncidentField::diagnosis, IncidentField::origin,
                                                    IncidentField::unit_warranty_end};
        const FieldId field = rng.pick(fields);
        const std::string value = random_value(rng, field);
        return c.commit([&](OpFactory& f) { return f.set_field(actor, now, id, field, value); });
    }
    if (kind < 62) {
        std::vector<std::string> types;
        for (const auto& t : c.replica->desk().event_types()) types.push_back(t.id);
        const std::string type = rng.pick(types);
        const std::string text = "note " + std::to_string(rng.uniform(0, 9999));
        return c.commit([&](OpFactory& f) { return f.add_event(actor, now, id, type, text); });
    }
    if (kind < 72) return random_answer(rng, c, *inc, now);
    if (kind < 88) {
        const auto to = static_cast<IncidentStatus>(rng.uniform(0, kStatusCount - 1));
        return c.commit([&](OpFactory& f) { return f.transition(actor, now, id, to); });
    }
    if (kind < 89) return random_order_edit(rng, c, now);
    if (kind < 93) return random_relation_edit(rng, c, now);
    if (kind < 97) return random_timer_edit(rng, c, now);
    // The event-type catalogue: managers only (a refused definition is not undone locally,
    // sync_engine's known limit, so other roles do not try).
    if (c.user.role != "manager") return false;
    const std::string key = "kind" + std::to_string(rng.uniform(0, 5));
    const std::string label = "Kind " + std::to_string(rng.uniform(0, 99));
    return c.commit([&](OpFactory& f) { return f.define_event_type(actor, now, key, label); });
}

// The user re-applies a refused change (a NEW operation: its id joins the minted ones)
// or discards it.
void resolve_a_conflict(Rng& rng, Client& c, std::int64_t now) {
    const auto& items = c.engine->conflicts().items();
    const OpId id = items[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(items.size()) - 1))].op.id;
    if (rng.chance(50)) {
        (void)c.engine->discard_conflict(id);
        return;
    }
    const std::size_t before = c.replica->outbox().ops().size();
    if (c.engine->reapply_conflict(id, now).ok()) {
        REQUIRE(c.replica->outbox().ops().size() == before + 1);
        c.minted.push_back(c.replica->outbox().ops().back().id);
        ++c.reapplied;
    }
}

std::string login(std::uint16_t port, const std::string& user) {
    auto token = sign_in(port, user, kPassword);
    REQUIRE_MESSAGE(token.ok(), failure_text(token));
    return *token;
}

struct Figures {
    std::size_t minted = 0, applied = 0, superseded = 0, rejected = 0, log_ops = 0, conflicts = 0;
    int kills = 0, kills_mid_request = 0, reapplied = 0, attacks = 0;
    ChaosCounters chaos;
};

constexpr int kAttackEvery = 40;  // steps between two of the adversary's attacks
// The reasons the adversary's attacks are refused for: no honest operation may end with one.
const std::set<std::string> kAttackCodes = {"forbidden_replica", "forbidden_actor", "forbidden_incident",
                                            "clock_ahead",       "number_in_use",   "number_not_leased"};

// The server program reads HOTLINE_POSTGRES at every (re)start; set for one run.
struct PostgresForServer {
    explicit PostgresForServer(const std::string& connection) { ::setenv("HOTLINE_POSTGRES", connection.c_str(), 1); }
    ~PostgresForServer() { ::unsetenv("HOTLINE_POSTGRES"); }
    PostgresForServer(const PostgresForServer&) = delete;
    PostgresForServer& operator=(const PostgresForServer&) = delete;
};

// W7 in the run: the server program sweeps every second, closes a solved incident after 7
// days of silence (simulated time starts a month back, so many are due at once), and with no
// days between notice and close, closes it at the sweep after its notice.
struct AutoCloseForServer {
    AutoCloseForServer() {
        ::setenv("HOTLINE_SWEEP_SECONDS", "1", 1);
        ::setenv("HOTLINE_AUTO_CLOSE_DAYS", "7", 1);
        ::setenv("HOTLINE_CLOSE_NOTICE_DAYS", "0", 1);
    }
    ~AutoCloseForServer() {
        for (const char* name : {"HOTLINE_SWEEP_SECONDS", "HOTLINE_AUTO_CLOSE_DAYS", "HOTLINE_CLOSE_NOTICE_DAYS"})
            ::unsetenv(name);
    }
    AutoCloseForServer(const AutoCloseForServer&) = delete;
    AutoCloseForServer& operator=(const AutoCloseForServer&) = delete;
};

// What the adversary may know of an honest replica: its id, its next op id, whether the
// server has bound it, and incidents that are not eve's.
Victim victim_of(const Client& c, server::Database& reader) {
    Victim v;
    v.replica = c.user.replica;
    for (const OpId& id : c.minted) v.next_counter = std::max(v.next_counter, id.counter + 1);
    if (!c.minted.empty()) {
        auto found = reader.find_op(c.minted.front().to_string());
        auto refused = reader.find_rejection(c.minted.front().to_string());
        v.bound = (found && found->has_value()) || (refused && refused->has_value());
    }
    for (const Incident& inc : c.replica->desk().incidents())
        if (inc.created_by != std::string("u:") + Adversary::kLogin) v.incidents.push_back(inc.id);
    std::sort(v.incidents.begin(), v.incidents.end());
    return v;
}

// Live updates between the processes of a fleet (issue 13): a poll parked on each process
// is woken by a push of a new incident on the next one, from ann's second replica (whose
// operations no test client minted; the clients pull the incidents like any other).
constexpr const char* kLiveReplica = "annlive";
void check_live_updates(ServerFleet& fleet, std::int64_t head) {
    OpFactory factory(kLiveReplica);
    const std::string token = login(fleet.at(0).port(), "ann");  // sessions are shared: valid on every process
    for (std::size_t k = 0; k < fleet.size(); ++k)
        check_woken_across(fleet.at((k + 1) % fleet.size()).port(), token, fleet.at(k).port(), token, "ann", factory,
                           head, "Live update " + std::to_string(k));
}

void run_convergence(std::uint64_t seed, Backend backend, bool adversarial, std::size_t processes) {
    const std::string program = HOTLINE_SERVER_PROGRAM;
    REQUIRE_MESSAGE(!program.empty(), "built without HOTLINE_SERVER_PROGRAM");
    Rng rng(seed);
    // The pid in the name: another run of the server tests in the same build tree (a
    // colleague's ctest) must not wipe this run's database. Removed when the run passes.
    const std::string work = (fs::current_path() / ("convergence-" + std::string(backend_name(backend)) +
                                                    (adversarial ? "-adversary-" : "-") + std::to_string(seed) + "-" +
                                                    std::to_string(::getpid())))
                                 .string();
    fs::remove_all(work);
    fs::create_directories(work);
    // SQLite: a file of the run's folder. PostgreSQL: the test server's schema, emptied.
    const std::string db_path = work + "/server.db";
    std::optional<TestDatabase> postgres;
    std::optional<PostgresForServer> server_on_postgres;
    if (backend == Backend::postgres) {
        postgres.emplace(fresh_database(Backend::postgres, "convergence"));
        server_on_postgres.emplace(postgres->location);
    }
    auto open_database = [&] {
        if (postgres) return postgres->open_again();
        auto db = server::open_sqlite(db_path);
        HOTLINE_REQUIRE_OK(db);
        return std::move(*db);
    };

    // Users straight into the database, before the server starts.
    const std::vector<UserSpec> users = {
        {"ann", "agent", "ann1"}, {"bob", "engineer", "bob1"}, {"cat", "manager", "cat1"}, {"dan", "agent", "dan1"}};
    {
        REQUIRE(server::init_credentials().ok());
        auto db = open_database();
        HOTLINE_REQUIRE_OK(db->migrate());
        std::vector<UserSpec> accounts = users;
        if (adversarial) accounts.push_back({Adversary::kLogin, "technician", Adversary::kReplica});
        for (const auto& u : accounts) {
            auto record = server::new_user(u.login, u.login == "bob" ? "Bob Engineer" : u.login, u.role, kPassword,
                                           server::HashCost::minimal);
            HOTLINE_REQUIRE_OK(record);
            HOTLINE_REQUIRE_OK(db->create_user(*record));
        }
    }
    const AutoCloseForServer auto_close;
    ServerFleet fleet(program, db_path, work, processes);
    HOTLINE_REQUIRE_OK(fleet.start_all());
    auto reader = open_database();
    std::optional<Adversary> adversary;  // talks to process 0
    if (adversarial) adversary.emplace(login(fleet.at(0).port(), Adversary::kLogin), fleet.at(0).port(), *reader);

    std::vector<std::unique_ptr<Client>> clients;
    // Simulated time runs much faster than real time: starting a month back keeps every
    // stamp behind the real server's clock, which refuses stamps more than 10 minutes ahead
    // of it (clock_ahead). Honest replicas are never ahead; old stamps are normal offline work.
    constexpr std::int64_t kMonthMs = 30LL * 24 * 3600 * 1000;
    std::int64_t now =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count() -
        kMonthMs;
    const ChaosRates rates{/*drop_request*/ 8, /*drop_reply*/ 8, /*duplicate*/ 8, /*stale*/ 6, /*delay*/ 10};
    for (std::size_t i = 0; i < users.size(); ++i) {
        auto c = std::make_unique<Client>();
        c->user = users[i];
        c->dir = work + "/" + users[i].replica;
        c->server = i % fleet.size();  // clients spread over the processes
        c->token = login(fleet.at(c->server).port(), users[i].login);
        c->http = std::make_unique<HttpTransport>(fleet.at(c->server).port());
        c->chaos = std::make_unique<ChaosTransport>(*c->http, seed * 1000 + i, rates);
        c->reopen();
        clients.push_back(std::move(c));
    }

    Figures fig;
    bool passed = true;
    // A killer thread armed from inside a request (before_send): SIGKILL after a short real
    // delay, so the client's server process dies before, during or just after handling that
    // push. The others keep serving.
    std::optional<std::thread> killer;
    std::size_t killed = 0;  // the process the killer kills
    auto restart = [&](std::size_t k) {
        if (killer) {
            killer->join();
            killer.reset();
        }
        ++fig.kills;
        auto moved = fleet.restart(k);
        HOTLINE_REQUIRE_OK(moved);
        if (!*moved) return;
        for (auto& c : clients)
            if (c->server == k) c->http->set_port(fleet.at(k).port());
        if (adversary && k == 0) adversary->set_port(fleet.at(k).port());
    };
    for (std::size_t i = 0; i < clients.size(); ++i) {
        clients[i]->chaos->before_send = [&, i, delay_rng = std::make_shared<Rng>(seed * 7919 + i)](
                                             const std::string& method, const std::string& path) {
            if (killer || method != "POST" || path != "/push" || !delay_rng->chance(6)) return;
            const auto delay = std::chrono::microseconds(delay_rng->uniform(0, 4000));
            ++fig.kills_mid_request;
            killed = clients[i]->server;
            killer.emplace([&fleet, k = killed, delay] {
                std::this_thread::sleep_for(delay);
                fleet.at(k).kill_signal(SIGKILL);
            });
        };
    }
    // One process at random (no draw with one: the single-process runs stay as they were).
    auto any_process = [&] {
        return fleet.size() == 1 ? std::size_t{0}
                                 : static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(fleet.size()) - 1));
    };

    // --- Random work -------------------------------------------------------------------
    // Before anyone pushed: dan's replica id, squatted with operations all refused.
    if (adversary) adversary->squat(clients.back()->user.replica, clients.back()->user.login);
    for (int step = 0; step < kSteps; ++step) {
        // Between two steps the server is up and no honest request is under way.
        if (adversary && step % kAttackEvery == kAttackEvery - 1)
            adversary->attack(victim_of(*clients[static_cast<std::size_t>(step / kAttackEvery) % clients.size()], *reader));
        now += rng.uniform(0, 1500);
        Client& c = *clients[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(clients.size()) - 1))];
        if (c.offline_steps > 0) {
            --c.offline_steps;
        } else if (rng.chance(6)) {
            c.offline_steps = static_cast<int>(rng.uniform(3, 25));
        }
        c.chaos->offline = c.offline_steps > 0;
        const auto edits = rng.uniform(0, 4);
        for (std::int64_t k = 0; k < edits; ++k) random_edit(rng, c, now);
        if (!c.engine->conflicts().empty() && rng.chance(8)) resolve_a_conflict(rng, c, now);
        // Held answers mostly arrive before the next tick; sometimes only after it, when the
        // engine may already have given up on them (request_timeout_ms) and must drop them.
        const bool late = rng.chance(30);
        if (!late) c.chaos->deliver_held();
        // Sometimes an offline replica is not even ticked (a closed laptop).
        if (c.offline_steps == 0 || rng.chance(50)) {
            const auto ticks = rng.uniform(1, 4);
            for (std::int64_t t = 0; t < ticks; ++t) {
                c.engine->tick(now);
                now += rng.uniform(0, 2500);
            }
        }
        if (late) c.chaos->deliver_held();
        if (killer) restart(killed);
        if (rng.chance(2)) restart(any_process());  // between requests
        if (rng.chance(1)) c.reopen();  // the app was closed and opened again
    }

    // --- Settle: chaos off, everyone online, tick until all are idle --------------------
    if (killer) restart(killed);
    for (auto& c : clients) {
        c->chaos->enabled = false;
        c->chaos->offline = false;
        c->chaos->before_send = nullptr;
    }
    auto settle = [&] {
        bool settled = false;
        for (int round = 0; round < kSettleRounds && !settled; ++round) {
            for (auto& c : clients) {
                now += 61000;
                c->engine->retry_now();
                for (int t = 0; t < 4; ++t) {
                    c->chaos->deliver_held();
                    c->engine->tick(now += 100);
                }
            }
            auto head = reader->head_seq();
            HOTLINE_REQUIRE_OK(head);
            settled = true;
            for (auto& c : clients) settled = settled && c->idle(*head);
        }
        std::ostringstream states;
        for (auto& c : clients)
            states << c->user.replica << ": outbox " << c->replica->outbox().ops().size() << ", cursor "
                   << c->engine->cursor() << ", state " << sync::sync_state_name(c->engine->status().state) << " "
                   << c->engine->status().last_error << "; ";
        REQUIRE_MESSAGE(settled, "replicas did not settle: " << states.str());
    };
    settle();
    if (fleet.size() > 1) {
        auto head = reader->head_seq();
        HOTLINE_REQUIRE_OK(head);
        check_live_updates(fleet, *head);
    }
    // The server's sweeps (every second) give notices to and close what the last pushes made
    // due; then everyone pulls them, and nothing more is due.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    settle();
    // The full counter: eve's incident stamped a minute ahead with counter 4294967295, pulled
    // by the manager, whose edit made after it must win (a wrapping counter would stamp it
    // below eve's and lose it as superseded).
    std::optional<OpId> after_full_counter;
    std::string full_counter_incident;
    if (adversary) {
        full_counter_incident = adversary->full_counter_incident();
        settle();
        Client& manager = *clients[2];
        REQUIRE(manager.replica->desk().find(full_counter_incident));
        REQUIRE(manager.commit([&](OpFactory& f) {
            return f.set_field("u:" + manager.user.login, now, full_counter_incident, IncidentField::title,
                               "Set after a full counter");
        }));
        after_full_counter = manager.minted.back();
        settle();
    }
    fleet.stop_all();

    // --- 1. Same state everywhere --------------------------------------------------------
    auto server_desk = server::ServerDesk::load(*reader);
    HOTLINE_REQUIRE_OK(server_desk);
    const std::string expected = desk_fingerprint(server_desk->desk());
    std::size_t noticed = 0;  // W7: incidents the server gave a closing notice to
    for (const Incident& inc : server_desk->desk().incidents())
        noticed += std::any_of(inc.events.begin(), inc.events.end(),
                               [](const Event& e) { return e.type == kCloseNoticeEventType; });
    for (auto& c : clients) {
        CAPTURE(c->user.replica);
        const std::string got = desk_fingerprint(c->replica->desk());
        EXPECT(got == expected, first_difference(got, expected));
        c->reopen();  // what is on disk holds the same
        const std::string reloaded = desk_fingerprint(c->replica->desk());
        EXPECT(reloaded == expected, "after reopening: " << first_difference(reloaded, expected));
    }

    // --- 2. Every operation accounted for ------------------------------------------------
    auto log = reader->ops_after(0, 10'000'000);
    HOTLINE_REQUIRE_OK(log);
    std::set<std::string> in_log;
    for (const auto& stored : *log) {
        EXPECT(in_log.insert(stored.op_id).second, "op " << stored.op_id << " is in the log twice");
    }
    fig.log_ops = log->size();
    std::set<std::string> all_minted;
    for (auto& c : clients) {
        for (const auto& id : c->minted) {
            const std::string text = id.to_string();
            EXPECT(all_minted.insert(text).second, "op id " << text << " was minted twice");
            auto found = reader->find_op(text);
            auto refused = reader->find_rejection(text);
            HOTLINE_REQUIRE_OK(found);
            HOTLINE_REQUIRE_OK(refused);
            EXPECT(found->has_value() != refused->has_value(),
                          "op " << text << std::string(found->has_value() ? " is both stored and rejected" : " was lost"));
            if (refused->has_value()) {
                ++fig.rejected;
                EXPECT(!(*refused)->code.empty(), "op " << text << " was rejected without a reason");
                EXPECT(!kAttackCodes.count((*refused)->code),
                       "honest op " << text << " was rejected as " << (*refused)->code << ": " << (*refused)->message);
            }
        }
        for (const auto& conflict : c->engine->conflicts().items()) {
            ++fig.conflicts;
            auto refused = reader->find_rejection(conflict.op.id.to_string());
            HOTLINE_REQUIRE_OK(refused);
            EXPECT(refused->has_value(), "conflict " << conflict.op.id.to_string() << " ("
                                                            << conflict.reason.code << ") was never refused by the server");
        }
    }
    // Nothing in the log that no replica minted, but for the server's own renumbers, the
    // live-update checks' incidents and what the adversary pushed that was accepted.
    for (const auto& id : in_log)
        if (id.rfind(std::string(server::kServerReplica) + ":", 0) != 0 &&
            id.rfind(std::string(kLiveReplica) + ":", 0) != 0 && !(adversary && adversary->accepted().count(id)))
            EXPECT(all_minted.count(id), "the log holds " << id << ", which no replica minted");
    if (adversary) {
        fig.attacks = adversary->attacks();
        for (const std::string& failure : adversary->failures()) EXPECT(false, "attack: " << failure);
        EXPECT(adversary->attacks() >= 1 + kSteps / kAttackEvery, "only " << adversary->attacks() << " attacks");
        auto kept = reader->find_op(after_full_counter->to_string());
        HOTLINE_REQUIRE_OK(kept);
        EXPECT(kept->has_value(), "the edit after the full counter was not stored");
        const Incident* target = server_desk->desk().find(full_counter_incident);
        REQUIRE(target);
        EXPECT(target->value(IncidentField::title) == "Set after a full counter",
               "the edit after the full counter lost to it: the title is " << target->value(IncidentField::title));
    }
    fig.minted = all_minted.size();
    for (const auto& inc : server_desk->desk().incidents()) fig.superseded += inc.superseded_writes;
    fig.applied = fig.minted - fig.rejected;
    for (auto& c : clients) {
        const auto& k = c->chaos->counters();
        fig.chaos.requests += k.requests;
        fig.chaos.dropped_requests += k.dropped_requests;
        fig.chaos.dropped_replies += k.dropped_replies;
        fig.chaos.duplicated += k.duplicated;
        fig.chaos.stale_resent += k.stale_resent;
        fig.chaos.delayed += k.delayed;
        fig.reapplied += c->reapplied;
        fig.chaos.offline_refused += k.offline_refused;
    }
    MESSAGE("convergence seed " << seed << ": " << clients.size() << " replicas, " << fig.minted << " ops minted, "
                                << fig.applied << " stored (" << fig.superseded << " superseded), " << fig.rejected
                                << " rejected (" << fig.conflicts << " in conflict lists), " << fig.log_ops
                                << " in the log with renumbers, " << server_desk->desk().incidents().size()
 << " incidents (" << noticed
                                << " given a closing notice by the server); server killed " << fig.kills << " times (" << fig.kills_mid_request
                                << " armed during a push); " << fig.chaos.requests << " requests: "
                                << fig.chaos.dropped_requests << " dropped, " << fig.chaos.dropped_replies
                                << " replies dropped, " << fig.chaos.duplicated << " duplicated, "
                                << fig.chaos.stale_resent << " stale re-sends, " << fig.chaos.delayed
                                << " answers delayed, " << fig.chaos.offline_refused << " refused offline; "
                                << fig.reapplied << " conflicts re-applied; " << fig.attacks << " attacks"
                                << (adversary ? " (" + adversary->summary() + ")" : std::string()));
    if (passed) {  // a failed run keeps its folder (server.db, server.log, replicas) to look at
        clients.clear();
        reader.reset();
        std::error_code ec;
        if (!std::getenv("HOTLINE_KEEP_CONVERGENCE")) fs::remove_all(work, ec);
    }
}

std::vector<std::uint64_t> seeds() {
    if (const char* s = std::getenv("HOTLINE_CONVERGENCE_SEED")) return {std::strtoull(s, nullptr, 10)};
    return {1, 2, 5};  // 5 found a rebuild replaying operations that depend on ones not pulled yet
}

}  // namespace

TEST_CASE("sqlite: convergence: replicas editing offline through a lossy network and a server killed mid-push "
          "end identical to the server, every operation accounted for") {
    for (std::uint64_t seed : seeds()) {
        CAPTURE(seed);
        run_convergence(seed, Backend::sqlite, false, 1);
    }
}

static std::uint64_t adversary_seed() {
    const char* one = std::getenv("HOTLINE_CONVERGENCE_SEED");
    return one ? std::strtoull(one, nullptr, 10) : 3;
}

TEST_CASE("sqlite: convergence: an adversarial replica's attacks are all refused, and the honest replicas still "
          "converge with no operation lost or refused because of it") {
    CAPTURE(adversary_seed());
    run_convergence(adversary_seed(), Backend::sqlite, true, 1);
}

// Issue 13: several processes on one PostgreSQL, as behind a load balancer.
TEST_CASE("postgres: convergence: three server processes on one database, clients spread over them, a process "
          "killed mid-push; live updates cross processes, the adversary is refused, the honest replicas converge") {
    CAPTURE(adversary_seed());
    run_convergence(adversary_seed(), Backend::postgres, true, 3);
}
