#include "app/demo_seed.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <queue>

#include "app/app.hpp"
#include "app/demo_records.hpp"

namespace hotline::app {
namespace {

constexpr std::uint64_t kDemoSeed = 20251124;
constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

// Where an incident's life ends, and how many lives end there (weights of 100).
enum class Goal : std::uint8_t { registered, assigned, in_progress, transferred, solved, accepted, closed, archived, dropped };
struct GoalWeight {
    Goal goal;
    int weight;
};
constexpr GoalWeight kGoals[] = {{Goal::registered, 12}, {Goal::assigned, 12}, {Goal::in_progress, 16},
                                 {Goal::transferred, 5}, {Goal::solved, 15},   {Goal::accepted, 12},
                                 {Goal::closed, 20},     {Goal::archived, 5},  {Goal::dropped, 3}};

// The steps of a life; each is a few operations at one moment.
enum class Stage : std::uint8_t { create, assign, start_work, diagnose, transfer, solve, accept, close, archive, drop, done };

Stage stage_after(Stage s, Goal g) {
    switch (s) {
        case Stage::create: return g == Goal::dropped ? Stage::drop : g == Goal::registered ? Stage::done : Stage::assign;
        case Stage::assign: return g == Goal::assigned ? Stage::done : Stage::start_work;
        case Stage::start_work: return Stage::diagnose;
        case Stage::diagnose:
            return g == Goal::transferred ? Stage::transfer : g == Goal::in_progress ? Stage::done : Stage::solve;
        case Stage::solve: return g == Goal::solved ? Stage::done : Stage::accept;
        case Stage::accept: return g == Goal::accepted ? Stage::done : Stage::close;
        case Stage::close: return g == Goal::closed ? Stage::done : Stage::archive;
        default: return Stage::done;
    }
}

// How long after the previous step a stage happens: [min, max] ms.
std::pair<std::int64_t, std::int64_t> delay_before(Stage s) {
    switch (s) {
        case Stage::assign: return {10 * kMinute, 4 * kHour};
        case Stage::start_work: return {30 * kMinute, kDay};
        case Stage::diagnose: return {10 * kMinute, 3 * kHour};
        case Stage::transfer: return {kHour, kDay};
        case Stage::solve: return {kHour, 3 * kDay};
        case Stage::accept: return {kHour, 4 * kDay};
        case Stage::close: return {kDay, 7 * kDay};
        case Stage::archive: return {14 * kDay, 30 * kDay};
        case Stage::drop: return {5 * kMinute, 2 * kHour};
        default: return {0, 0};
    }
}

struct Life {
    std::string id;
    const BookAccount* account = nullptr;
    const BookContact* contact = nullptr;
    const BookUnit* unit = nullptr;
    const DemoStory* story = nullptr;
    const DemoPerson* agent = nullptr;
    const DemoPerson* engineer = nullptr;
    const DemoPhrases* phrases = nullptr;
    Goal goal = Goal::registered;
    Stage next = Stage::create;
};

std::string with_argument(const std::string& phrase, const std::string& argument) {
    std::string out = phrase;
    if (auto at = out.find("{}"); at != std::string::npos) out.replace(at, 2, argument);
    return out;
}

class Player {
public:
    // Every operation of a life goes through `commit`: mint, apply, keep.
    using Commit = DemoCommit;

    Player(Commit commit, const DemoData& data, const DemoBook& book, std::uint64_t seed)
        : commit_(std::move(commit)), rng_(seed) {
        for (const auto& s : data.stories) stories_[s.lang + "/" + s.kind].push_back(&s);
        for (const auto& p : data.agents) agents_[p.lang].push_back(&p);
        for (const auto& p : data.engineers) engineers_[p.lang].push_back(&p);
        // The core would refuse an incident of an account that may not register calls.
        for (const auto& a : book.accounts)
            if (a.block_mode != "forbid") accounts_.push_back(&a);
        phrases_ = &data.phrases;
        resolution_codes_ = demo_resolution_codes(data).by_path;
    }

    Life cast() {
        Life life;
        life.account = rng_.pick(accounts_);
        life.contact = &rng_.pick(life.account->contacts);
        life.unit = &rng_.pick(life.account->units);
        const std::string& lang = life.account->lang;
        life.story = rng_.pick(stories_.at(lang + "/" + life.unit->kind));
        life.agent = rng_.pick(agents_.at(lang));
        life.engineer = rng_.pick(engineers_.at(lang));
        life.phrases = &phrases_->find(lang)->second;
        int roll = static_cast<int>(rng_.below(100));
        for (const auto& g : kGoals) {
            if (roll < g.weight) {
                life.goal = g.goal;
                break;
            }
            roll -= g.weight;
        }
        return life;
    }

    std::int64_t delay(Stage s) {
        auto [lo, hi] = delay_before(s);
        return rng_.between(lo, hi);
    }
    std::int64_t jitter(std::int64_t below) { return rng_.between(0, below - 1); }

    Outcome play(Life& life, std::int64_t t) {
        const DemoStory& story = *life.story;
        const std::string& agent = life.agent->login;
        const std::string& engineer = life.engineer->login;
        switch (life.next) {
            case Stage::create: {
                Outcome done = create(life, t);
                if (!done) return done;
                std::string_view type = story.origin == "email" ? "email_in" : story.origin == "phone" ? "call_in" : "note";
                return event(life, agent, t, type, story.first_contact);
            }
            case Stage::assign:
                return all({set(life, agent, t, IncidentField::department, life.engineer->department),
                            // The field holds the login: visibility is decided by it (authorization.hpp).
                            set(life, agent, t, IncidentField::engineer, demo_login(life.engineer->login)),
                            event(life, agent, t, "assignment", with_argument(life.phrases->assigned, life.engineer->name)),
                            transition(life, agent, t, IncidentStatus::assigned)});
            case Stage::start_work:
                return all({transition(life, engineer, t, IncidentStatus::in_progress),
                            event(life, engineer, t + 2 * kMinute, "call_out", story.call_out)});
            case Stage::diagnose:
                return all({set(life, engineer, t, IncidentField::diagnosis, story.diagnosis),
                            event(life, engineer, t, "note", story.note)});
            case Stage::transfer:
                return all({event(life, engineer, t, "note", life.phrases->transferred),
                            transition(life, engineer, t, IncidentStatus::transferred)});
            case Stage::solve:
                return all({set(life, engineer, t, IncidentField::actual_problem, story.actual_problem),
                            set(life, engineer, t, IncidentField::actual_solution, story.actual_solution),
                            // W5: the code from the tree, not the text older versions stored.
                            set(life, engineer, t, IncidentField::resolution_code,
                                resolution_codes_.at(story.resolution_general + "/" + story.resolution_specific)),
                            transition(life, engineer, t, IncidentStatus::solved),
                            event(life, engineer, t + kMinute, "email_out", life.phrases->solved)});
            case Stage::accept:
                return all({event(life, agent, t, "email_in", story.customer_reply),
                            transition(life, agent, t, IncidentStatus::accepted)});
            case Stage::close: return transition(life, agent, t, IncidentStatus::closed);
            case Stage::archive: return transition(life, agent, t, IncidentStatus::archived);
            case Stage::drop:
                return all({event(life, agent, t, "note", life.phrases->duplicate),
                            transition(life, agent, t, IncidentStatus::closed)});
            case Stage::done: return {};
        }
        return {};
    }

private:
    Outcome create(Life& life, std::int64_t t) {
        const BookAccount& a = *life.account;
        const BookContact& c = *life.contact;
        const BookUnit& u = *life.unit;
        const DemoStory& s = *life.story;
        // Now and then the caller rates it one step more or less urgent than usual.
        int priority = std::clamp(s.priority + static_cast<int>(rng_.below(5) == 0) - static_cast<int>(rng_.below(5) == 0),
                                  kPriorityCritical, kPriorityLow);
        std::vector<std::pair<FieldId, std::string>> fields = {
            {IncidentField::title, s.title},
            {IncidentField::description, s.description},
            {IncidentField::account, a.id},
            {IncidentField::contact, c.id},
            {IncidentField::unit, u.id},
            // The snapshot the registration form takes from the chosen records (registration.hpp).
            {IncidentField::customer_name, a.name},
            {IncidentField::customer_contact, c.name},
            {IncidentField::customer_address, a.address},
            {IncidentField::customer_phone, c.phone.empty() ? a.phone : c.phone},
            {IncidentField::customer_fax, a.fax},
            {IncidentField::customer_email, c.email.empty() ? a.email : c.email},
            {IncidentField::unit_item, u.item},
            {IncidentField::unit_serial, u.serial},
            {IncidentField::unit_warranty_end, u.warranty_end},
            {IncidentField::unit_contract, u.contract < 0 ? std::string() : a.contracts[static_cast<std::size_t>(u.contract)].name},
            {IncidentField::reason_general, s.reason_general},
            {IncidentField::reason_specific, s.reason_specific},
            {IncidentField::priority, std::to_string(priority)},
            {IncidentField::origin, s.origin},
        };
        std::erase_if(fields, [](const auto& f) { return f.second.empty(); });
        return commit_([&](OpFactory& factory) {
            Operation op = factory.create_incident(life.agent->login, t, std::move(fields));
            life.id = op.entity_id;
            return op;
        });
    }

    Outcome set(const Life& life, const std::string& actor, std::int64_t t, FieldId f, const std::string& value) {
        return commit_([&](OpFactory& factory) { return factory.set_field(actor, t, life.id, f, value); });
    }
    Outcome event(const Life& life, const std::string& actor, std::int64_t t, std::string_view type,
                  const std::string& text) {
        return commit_(
            [&](OpFactory& factory) { return factory.add_event(actor, t, life.id, std::string(type), text); });
    }
    Outcome transition(const Life& life, const std::string& actor, std::int64_t t, IncidentStatus to) {
        return commit_([&](OpFactory& factory) { return factory.transition(actor, t, life.id, to); });
    }
    // The operations of a stage run in order (the braces above); the first refusal wins.
    static Outcome all(std::initializer_list<Outcome> outcomes) {
        for (const auto& o : outcomes)
            if (!o) return o;
        return {};
    }

    Commit commit_;
    DemoRng rng_;
    std::map<std::string, std::vector<const DemoStory*>, std::less<>> stories_;
    std::map<std::string, std::vector<const DemoPerson*>, std::less<>> agents_;
    std::map<std::string, std::vector<const DemoPerson*>, std::less<>> engineers_;
    std::vector<const BookAccount*> accounts_;
    const std::map<std::string, DemoPhrases, std::less<>>* phrases_ = nullptr;
    std::map<std::string, std::string, std::less<>> resolution_codes_;  // "<general>/<specific>" -> key
};

// Creates the company's records, then plays `count` lives through `commit`
// against them; stops at the first refusal.
Outcome play_lives(const Player::Commit& commit, const DemoData& data, std::size_t count, std::int64_t now_ms,
                   std::uint64_t seed, BookSize records) {
    // Creations spread over a period that grows with the count (a busy desk has
    // more per day), the last one a few minutes ago; no step happens after that.
    const std::int64_t span = std::clamp<std::int64_t>(static_cast<std::int64_t>(count) * 6 * kHour, 30 * kDay, 3 * 365 * kDay);
    const std::int64_t end = now_ms - 5 * kMinute;
    DemoBook book = make_demo_book(data, now_ms, records);
    // The records exist before the first incident names them.
    if (Outcome made = create_demo_records(book, data, commit, end - span - kDay); !made) return made;
    Player player(commit, data, book, seed);
    const std::int64_t gap = std::max<std::int64_t>(1, span / std::max<std::int64_t>(1, static_cast<std::int64_t>(count)));

    std::vector<Life> lives;
    lives.reserve(count);
    // Steps of all lives in time order, so the HLC sees each time as it comes.
    using Step = std::pair<std::int64_t, std::size_t>;  // time, life
    std::priority_queue<Step, std::vector<Step>, std::greater<>> steps;
    for (std::size_t i = 0; i < count; ++i) {
        lives.push_back(player.cast());
        steps.push({end - span + static_cast<std::int64_t>(i) * gap + player.jitter(gap), i});
    }
    while (!steps.empty()) {
        auto [t, i] = steps.top();
        steps.pop();
        Life& life = lives[i];
        if (auto played = player.play(life, t); !played) return played;
        life.next = stage_after(life.next, life.goal);
        if (life.next == Stage::done) continue;
        std::int64_t next_t = t + player.delay(life.next);
        if (next_t < end) steps.push({next_t, i});
    }
    return {};
}

}  // namespace

Outcome seed_incidents(Replica& replica, const DemoData& data, std::size_t count, std::int64_t now_ms,
                       std::uint64_t seed, BookSize records) {
    auto commit = [&](const Replica::Mint& mint) { return replica.commit(mint, Replica::Write::deferred); };
    Outcome played = play_lives(commit, data, count, now_ms, seed, records);
    // Even after a refusal: keep the disk in step with the desk, which holds what was played.
    Outcome written = replica.write_snapshot();
    return played ? written : played;
}

Result<std::vector<Operation>> demo_operations(const DemoData& data, std::size_t count, std::int64_t now_ms,
                                               std::uint64_t seed, OpFactory& factory, BookSize records) {
    Desk desk;  // validates each operation as a replica would
    std::vector<Operation> ops;
    auto commit = [&](const Replica::Mint& mint) -> Outcome {
        const OpFactory::State before = factory.state();
        Operation op = mint(factory);
        if (ApplyResult applied = desk.apply(op); applied.kind == ApplyKind::rejected) {
            factory = OpFactory(before);
            return applied.error;
        }
        ops.push_back(std::move(op));
        return {};
    };
    if (Outcome played = play_lives(commit, data, count, now_ms, seed, records); !played) return played.error();
    return ops;
}

Outcome seed_demo(Replica& replica, const std::string& path, std::int64_t now_ms) {
    auto data = load_demo_data(path);
    if (!data) return data.error();
    replica.extra()["demo"] = true;  // written with the snapshot's metadata
    return seed_incidents(replica, *data, kDemoIncidents, now_ms, kDemoSeed);
}

Outcome seed_synthetic(App& app, const std::string& path, std::size_t count, std::int64_t now_ms, BookSize records) {
    auto data = load_demo_data(path);
    if (!data) return data.error();
    Outcome seeded = seed_incidents(app.replica(), *data, count, now_ms, kDemoSeed + count, records);
    app.list().reload();
    return seeded;
}

}  // namespace hotline::app
