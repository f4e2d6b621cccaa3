#include "test_support.hpp"

#include "desk_fingerprint.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/history.hpp"
#include "core/op_factory.hpp"
#include "core/workflow.hpp"

namespace hotline::testing {

std::int64_t uniform(Rng& rng, std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<std::int64_t>(rng() % span);  // bias is negligible for test ranges
}

bool chance(Rng& rng, int percent) { return uniform(rng, 0, 99) < percent; }

namespace {

const std::vector<std::string>& words() {
    static const std::vector<std::string> w = {
        "printer", "jammed",  "reboot",  "offline", "X-200",   "serial", "warranty", "Иванова",
        "принтер", "не",      "печатает", "Café",   "naïve",   "Grüße",  "señor",    "Ærø",
        "北京",    "🙂",      "a\tb",    "#42",     "(urgent)", "'quoted'", "\"dq\"",  "back\\slash",
        "ключ",    "Łódź",    "ça",      "fin."};
    return w;
}

std::string random_words(Rng& rng, std::size_t max_bytes, bool multiline) {
    std::string out;
    auto n = uniform(rng, 1, 12);
    for (std::int64_t i = 0; i < n; ++i) {
        const std::string& w = pick(rng, words());
        std::string sep = out.empty() ? "" : (multiline && chance(rng, 15) ? "\n" : " ");
        if (out.size() + sep.size() + w.size() > max_bytes) break;
        out += sep;
        out += w;
    }
    if (out.empty()) out = "x";
    return out;
}

std::string two_digits(std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string random_field_value(Rng& rng, FieldId field) {
    const FieldSpec& spec = field_spec(EntityKind::incident, field);
    switch (spec.kind) {
        case FieldKind::short_text:
            if (field != IncidentField::title && chance(rng, 8)) return "";
            return random_words(rng, 200, false);
        case FieldKind::long_text:
            if (chance(rng, 5)) return "";
            return random_words(rng, 400, true);
        case FieldKind::date:
            if (chance(rng, 10)) return "";
        {
            // One draw per statement: the operands of + are evaluated in an unspecified order
            // (g++ and clang differ), which would make the values compiler-dependent.
            auto year = uniform(rng, 2000, 2099);
            auto month = uniform(rng, 1, 12);
            auto day = uniform(rng, 1, 28);
            return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
        }
        case FieldKind::priority:
            return std::to_string(uniform(rng, kPriorityCritical, kPriorityLow));
        case FieldKind::choice: {
            auto i = static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(spec.choices.size()) - 1));
            return std::string(spec.choices[i]);
        }
        case FieldKind::flag: return std::string(chance(rng, 50) ? kFlagTrue : kFlagFalse);
        case FieldKind::ref: return "";  // a ref must name a record: the generators pick one themselves
        case FieldKind::count:
        case FieldKind::instant: return std::to_string(uniform(rng, 0, kCountMax));
    }
    return "";
}

// The incident's own fields (the refs to customer records come after them).
FieldId random_field(Rng& rng) {
    return FieldId(static_cast<std::uint8_t>(uniform(rng, 0, static_cast<std::int64_t>(IncidentField::account) - 1)));
}

bool is_creation(const Operation& op) {
    return op.type == OpType::create;  // incident or event type
}

std::vector<Operation> random_operations(std::uint64_t seed, std::size_t count, const RandomOpsOptions& options) {
    Rng rng(seed);
    const int nrep = std::clamp(options.replicas, 1, 20);
    const int nincidents = std::max(options.incidents, 1);
    static const std::vector<std::string> actors = {"u:ivanova", "u:petrov", "u:dupont", "u:garcia",
                                                    "u:o.smith", "s:email-in"};
    static const std::vector<std::string> custom_types = {"visit", "callback", "parts_order", "remote_session"};

    std::vector<OpFactory> factories;
    std::vector<std::int64_t> skew;
    std::vector<std::set<std::string>> known(static_cast<std::size_t>(nrep));
    for (int i = 0; i < nrep; ++i) {
        factories.emplace_back(std::string("r") + static_cast<char>('a' + i));
        skew.push_back(i == 0 ? 0 : uniform(rng, -120000, 120000));  // laptops up to 2 min off
    }
    factories[0].numbers().add_block({1000, 1000 + nincidents / 2});
    OpFactory server("srv");
    std::int64_t next_final = 50000;

    Desk desk;
    std::vector<Operation> out;
    std::vector<std::string> incident_ids;
    std::int64_t now = kBaseMs;

    auto emit = [&](const Operation& op) {
        ApplyResult r = desk.apply(op);
        if (r.kind == ApplyKind::rejected || r.kind == ApplyKind::duplicate)
            throw std::logic_error("random_operations made an operation the desk refuses: " + r.error.code +
                                   ": " + r.error.message + " (" + op.id.to_string() + ")");
        out.push_back(op);
    };

    while (out.size() < count) {
        now += chance(rng, 20) ? 0 : uniform(rng, 1, 1500);
        auto ri = static_cast<std::size_t>(uniform(rng, 0, nrep - 1));
        OpFactory& f = factories[ri];
        const std::int64_t phys = now + skew[ri];
        const std::string& actor = pick(rng, actors);
        if (chance(rng, options.sync_percent)) f.clock().observe(desk.newest_hlc(), phys);

        if (incident_ids.size() < static_cast<std::size_t>(nincidents)) {
            std::vector<std::pair<FieldId, std::string>> fields;
            fields.emplace_back(IncidentField::title, random_field_value(rng, IncidentField::title));
            for (std::size_t k = 1; k < static_cast<std::size_t>(IncidentField::account); ++k)
                if (chance(rng, 25)) {
                    auto fid = FieldId(static_cast<std::uint8_t>(k));
                    fields.emplace_back(fid, random_field_value(rng, fid));
                }
            Operation op = f.create_incident(actor, phys, std::move(fields));
            emit(op);
            incident_ids.push_back(op.entity_id);
            known[ri].insert(op.entity_id);
            continue;
        }

        const std::string& iid = pick(rng, incident_ids);
        if (!known[ri].count(iid)) {  // a replica edits only incidents it has received
            f.clock().observe(desk.to_hlc(desk.find(iid)->created), phys);
            known[ri].insert(iid);
        }
        const Incident& inc = *desk.find(iid);
        auto roll = uniform(rng, 0, 99);

        if (options.renumbers && roll < 5) {
            std::vector<std::string> provisional;
            for (const auto& i : desk.incidents())
                if (!i.number.is_final()) provisional.push_back(i.id);
            if (!provisional.empty()) {
                server.clock().observe(desk.newest_hlc(), now);
                emit(server.renumber("s:sync", now, pick(rng, provisional), next_final++));
                continue;
            }
        }
        if (options.event_types && roll >= 5 && roll < 9) {
            std::string key = pick(rng, custom_types);  // not in one argument list: see random_field_value
            std::string label = random_words(rng, 60, false);
            emit(f.define_event_type(actor, phys, key, label));
            continue;
        }
        if (options.transitions && roll >= 9 && roll < 20) {
            std::vector<IncidentStatus> targets;
            for (auto t : allowed_targets(inc.status))
                if (t != IncidentStatus::archived && check_transition(inc, t)) targets.push_back(t);
            if (!targets.empty()) {
                emit(f.transition(actor, phys, iid, pick(rng, targets)));
                continue;
            }
        }
        if (roll >= 60) {
            std::vector<std::string> types;
            for (const auto& t : desk.event_types()) types.push_back(t.id);
            std::string text = chance(rng, 5) ? std::string() : random_words(rng, 300, true);
            emit(f.add_event(actor, phys, iid, pick(rng, types), std::move(text)));
            continue;
        }
        FieldId field = random_field(rng);
        // Fewer fields than 23 make concurrent writes to the same field more likely.
        if (chance(rng, 50)) field = pick(rng, std::vector<FieldId>{IncidentField::title, IncidentField::priority,
                                                                    IncidentField::engineer, IncidentField::actual_problem});
        if (field == IncidentField::title && chance(rng, 50)) field = IncidentField::customer_phone;
        emit(f.set_field(actor, phys, iid, field, random_field_value(rng, field)));
    }
    return out;
}

ApplyCounts apply_all(Desk& desk, const std::vector<Operation>& ops) {
    ApplyCounts c;
    for (const auto& op : ops) {
        ApplyResult r = desk.apply(op);
        switch (r.kind) {
            case ApplyKind::applied: ++c.applied; break;
            case ApplyKind::superseded: ++c.superseded; break;
            case ApplyKind::duplicate: ++c.duplicate; break;
            case ApplyKind::rejected:
                if (c.rejected++ == 0) c.first_error = r.error.code + ": " + r.error.message;
                break;
        }
    }
    return c;
}

namespace {

std::string escaped(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\\') out += "\\\\";
        else out += c;
    }
    return out;
}

std::vector<const Entity*> sorted_records(const Desk& desk, EntityKind kind) {
    std::vector<const Entity*> v;
    for (const auto& e : desk.entities(kind)) v.push_back(&e);
    std::sort(v.begin(), v.end(), [](const Entity* a, const Entity* b) { return a->id < b->id; });
    return v;
}

// The records of kinds other than incidents and event types: creation and every field.
void render_other_kinds(std::ostringstream& os, const Desk& desk) {
    for (EntityKind kind : kAllEntityKinds) {
        if (kind == EntityKind::incident || kind == EntityKind::event_type) continue;
        for (const Entity* e : sorted_records(desk, kind)) {
            os << entity_kind_name(kind) << ' ' << e->id << " created=" << stamp_text(desk, e->created)
               << " by=" << e->created_by << "\n";
            for (const auto& spec : fields_of(kind))
                os << "  " << spec.name << "=\"" << escaped(e->value(spec.id)) << "\" @"
                   << stamp_text(desk, e->stamp_of(spec.id)) << "\n";
        }
    }
}

void render_state_to(std::ostringstream& os, const Desk& desk, bool full) {
    for (const Incident* inc : sorted_records(desk, EntityKind::incident)) {
        os << "incident " << inc->id << " number=" << inc->number.display() << " aliases=[";
        for (const auto& a : inc->number_aliases) os << a << ";";
        os << "] status=" << status_name(inc->status) << " created=" << stamp_text(desk, inc->created)
           << " by=" << inc->created_by << "\n";
        if (full) os << "  superseded=" << inc->superseded_writes << " updated_ms=" << inc->updated_ms << "\n";
        for (const auto& spec : fields_of(EntityKind::incident))
            os << "  " << spec.name << "=\"" << escaped(inc->value(spec.id)) << "\" @"
               << stamp_text(desk, inc->stamp_of(spec.id)) << "\n";
        for (const auto& ev : inc->events)
            os << "  event " << ev.id << " @" << stamp_text(desk, ev.stamp) << " " << ev.actor << " " << ev.type
               << " \"" << escaped(ev.text) << "\"\n";
        if (full)
            for (const auto& e : decode_history(inc->history, desk.actors(), EntityKind::incident))
                os << "  tx " << static_cast<int>(e.kind) << " " << e.wall_ms << " " << e.actor << " " << e.field
                   << " \"" << escaped(e.old_value) << "\" -> \"" << escaped(e.new_value) << "\"\n";
    }
    render_other_kinds(os, desk);
    std::map<std::string, std::string> types;
    for (const Entity& t : desk.event_types())
        types[t.id] = "\"" + escaped(t.value(EventTypeField::label)) + "\" @" +
                      stamp_text(desk, t.stamp_of(EventTypeField::label));
    for (const auto& [key, rest] : types) os << "event_type " << key << " " << rest << "\n";
}

}  // namespace

std::string render_state(const Desk& desk) {
    std::ostringstream os;
    render_state_to(os, desk, false);
    return os.str();
}

std::string render_desk_full(const Desk& desk) {
    std::ostringstream os;
    render_state_to(os, desk, true);
    std::map<std::string, std::string> seen;
    const auto& ranges = desk.seen().ranges();
    for (std::size_t i = 0; i < ranges.size() && i < desk.replicas().size(); ++i) {
        std::string s = "1.." + std::to_string(ranges[i].contiguous);
        for (auto c : ranges[i].beyond) s += "," + std::to_string(c);
        seen[desk.replicas()[i]] = s;
    }
    for (const auto& [replica, s] : seen) os << "seen " << replica << " " << s << "\n";
    os << "newest " << desk.newest_hlc().to_string() << "\n";
    return os.str();
}

bool same_parts(const Desk::Parts& a, const Desk::Parts& b) {
    return a.replicas == b.replicas && a.entities == b.entities && a.seen == b.seen && a.newest_hlc == b.newest_hlc;
}

}  // namespace hotline::testing
