#include "app/demo_records.hpp"

#include <map>

#include "core/text_fold.hpp"
#include "core/entity_rules.hpp"
#include "core/knowledge.hpp"

namespace hotline::app {
namespace {

constexpr std::int64_t kDay = 24 * 60 * 60'000LL;
constexpr std::uint64_t kBookSeed = 20261206;
constexpr std::string_view kAdmin = "u:admin";

// "Север|sever|f": what people read, the ASCII form emails use, and whether a
// first name is a woman's (her surname then takes the language's female suffix).
struct Part {
    std::string text, ascii;
    bool female = false;
};

std::string ascii_of(std::string_view text) {
    std::string out;
    for (char c : lookup_key(text))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    return out;
}

Part part(const std::string& written) {
    Part p;
    const std::size_t bar = written.find('|');
    p.text = written.substr(0, bar);
    if (bar == std::string::npos) {
        p.ascii = ascii_of(p.text);
        return p;
    }
    const std::size_t bar2 = written.find('|', bar + 1);
    p.ascii = written.substr(bar + 1, bar2 == std::string::npos ? std::string::npos : bar2 - bar - 1);
    p.female = bar2 != std::string::npos && written.substr(bar2 + 1) == "f";
    return p;
}

std::string fill(std::string pattern, std::string_view key, std::string_view value) {
    if (auto at = pattern.find(key); at != std::string::npos) pattern.replace(at, key.size(), value);
    return pattern;
}

std::string day(std::int64_t now_ms, std::int64_t days) { return utc_date(now_ms + days * kDay); }

std::string four_digits(std::uint64_t n) { return std::to_string(1000 + n % 9000); }

// The hand-written customers: their contact, units and the contracts those name.
BookAccount from_customer(const DemoCustomer& c, const DemoParts& parts, std::int64_t now_ms, DemoRng& rng) {
    BookAccount a{c.lang, c.name, c.address, c.phone, c.fax, c.email, {}, {}, {}, {}, {}, {}};
    a.contacts.push_back({c.contact, c.phone, c.email, parts.roles.front(), {}});
    for (const DemoUnit& u : c.units) {
        BookUnit unit{u.kind, u.item, u.serial, u.warranty_end, {}, -1};
        if (!u.contract.empty()) {
            int found = -1;
            for (std::size_t k = 0; k < a.contracts.size(); ++k)
                if (a.contracts[k].name == u.contract) found = static_cast<int>(k);
            if (found < 0) {
                const std::int64_t start = rng.between(-700, -30);
                a.contracts.push_back(
                    {u.contract, "service_contract", day(now_ms, start), day(now_ms, start + 730), {}, {}});
                found = static_cast<int>(a.contracts.size() - 1);
            }
            unit.contract = found;
        }
        a.units.push_back(std::move(unit));
    }
    // S7: its support pack runs for the year around today; its incidents get the High policy.
    if (c.pack_incidents > 0)
        a.contracts.push_back({c.pack_name, "service_contract", day(now_ms, -30), day(now_ms, 335), {},
                               std::to_string(c.pack_incidents)});
    return a;
}

// The k-th generated account of a language: a word and a form, never twice the same pair.
BookAccount generated_account(const std::string& lang, const DemoParts& parts, std::size_t k, std::int64_t now_ms,
                              DemoRng& rng) {
    const std::size_t words = parts.words.size();
    const Part word = part(parts.words[k % words]);
    const std::string form = parts.forms[(k / words + k) % parts.forms.size()];
    BookAccount a;
    a.lang = lang;
    a.name = fill(fill(parts.company, "{word}", word.text), "{form}", form);
    a.address = fill(fill(fill(parts.address, "{n}", std::to_string(1 + rng.below(120))), "{street}",
                          rng.pick(parts.streets)),
                     "{city}", rng.pick(parts.cities));
    a.phone = parts.phone + four_digits(rng.next());
    if (rng.below(3) == 0) a.fax = parts.phone + four_digits(rng.next());
    const std::string slug = word.ascii + (k >= words ? "-" + ascii_of(form) : std::string());
    a.email = "info@" + slug + "." + parts.domain;
    if (rng.below(3) == 0) {
        // Some contracts are ended: their units are no longer covered.
        const std::int64_t start = rng.between(-1100, -60);
        a.contracts.push_back({rng.pick(parts.contracts) + " " + std::to_string(100 + rng.below(900)),
                               rng.below(4) == 0 ? "warranty" : "service_contract", day(now_ms, start),
                               day(now_ms, start + 730), {}, {}});
    }
    return a;
}

BookContact generated_contact(const BookAccount& a, const DemoParts& parts, DemoRng& rng) {
    const Part first = part(rng.pick(parts.first_names));
    const Part last = part(rng.pick(parts.last_names));
    const Part suffix = part(parts.female_suffix.empty() ? std::string("|") : parts.female_suffix);
    const bool her = first.female && !parts.female_suffix.empty();
    const std::string domain = a.email.substr(a.email.find('@') + 1);
    return {first.text + " " + last.text + (her ? suffix.text : std::string()),
            parts.phone + four_digits(rng.next()),
            first.ascii + "." + last.ascii + (her ? suffix.ascii : std::string()) + "@" + domain, rng.pick(parts.roles),
            {}};
}

// A unit like one of the language's hand-written ones, with a serial of its own.
BookUnit generated_unit(const BookAccount& a, const std::vector<const DemoUnit*>& models, std::size_t n,
                        std::int64_t now_ms, DemoRng& rng) {
    const DemoUnit& model = *rng.pick(models);
    std::string prefix;
    for (char c : model.serial) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) || prefix.size() == 4) break;
        prefix += c;
    }
    BookUnit u{model.kind, model.item, (prefix.empty() ? "SN" : prefix) + "-" + std::to_string(300000 + n * 7),
               day(now_ms, rng.between(-3 * 365, 2 * 365)), {}, -1};
    if (!a.contracts.empty() && rng.below(5) < 3) u.contract = 0;
    return u;
}

using Fields = std::vector<std::pair<FieldId, std::string>>;

// Mints records a second apart; keeps the first refusal.
class Creator {
public:
    Creator(const DemoCommit& commit, std::int64_t t0) : commit_(commit), t_(t0) {}

    std::string make(EntityKind kind, Fields fields, std::string key = {}) {
        if (!outcome_) return {};
        std::erase_if(fields, [](const auto& f) { return f.second.empty(); });
        std::string id;
        outcome_ = commit_([&](OpFactory& f) {
            Operation op = f.create(std::string(kAdmin), t_, kind, std::move(fields), std::move(key));
            id = op.entity_id;
            return op;
        });
        t_ += 1000;
        return id;
    }
    const Outcome& outcome() const { return outcome_; }

private:
    const DemoCommit& commit_;
    std::int64_t t_;
    Outcome outcome_;
};

void create_code_tree(Creator& c, EntityKind kind, const DemoCodeTree& tree) {
    const FieldId label = kind == EntityKind::reason_code ? FieldId(ReasonCodeField::label) : FieldId(ResolutionCodeField::label);
    const FieldId parent = kind == EntityKind::reason_code ? FieldId(ReasonCodeField::parent) : FieldId(ResolutionCodeField::parent);
    for (const DemoCode& code : tree.codes) {
        if (code.parent.empty())
            c.make(kind, {{label, code.label}}, code.key);
        else
            c.make(kind, {{label, code.label}, {parent, code.parent}}, code.key);
    }
}

// W13: the demo's knowledge base, published, each article under its story's reason code.
void create_articles(Creator& c, const DemoData& data, const std::map<std::string, std::string, std::less<>>& reasons) {
    for (const DemoArticle& a : data.articles)
        c.make(EntityKind::article, {{ArticleField::title, a.title},
                                     {ArticleField::body, a.body},
                                     {ArticleField::reason_code, reasons.at(a.reason_general + "/" + a.reason_specific)},
                                     {ArticleField::language, a.lang},
                                     {ArticleField::state, std::string(kArticlePublished)}});
}

// S1-S3: the office's calendar (Paris hours, French public holidays) and a policy per
// priority; critical incidents count around the clock.
void create_sla(Creator& c) {
    c.make(EntityKind::calendar,
           {{CalendarField::name, "Paris office"},
            {CalendarField::time_zone, "Europe/Paris"},
            {CalendarField::zone_rule, "CET-1CEST,M3.5.0,M10.5.0/3"},
            {CalendarField::hours, "mon-fri 08:00-12:30 13:30-18:00; sat 09:00-12:00"},
            {CalendarField::holidays, "2026-12-25 Noël\n2027-01-01 Jour de l'an\n2027-03-29 Lundi de Pâques\n"
                                      "2027-05-01 Fête du travail\n2027-05-06 Ascension\n2027-05-08 Victoire 1945\n"
                                      "2027-05-17 Lundi de Pentecôte\n2027-07-14 Fête nationale\n2027-08-15 Assomption\n"
                                      "2027-11-01 Toussaint\n2027-11-11 Armistice\n2027-12-25 Noël"},
            {CalendarField::special_days, "2026-12-24 08:00-12:00; 2026-12-31 08:00-12:00"}},
           "paris_office");
    struct Policy {
        const char *key, *name, *priority, *calendar, *response, *resolution, *pauses;
    };
    static constexpr Policy kPolicies[] = {
        {"critical", "Critical, around the clock", "1", "", "30", "240", ""},
        {"high", "High", "2", "paris_office", "120", "960", "transferred"},
        {"normal", "Normal", "3", "paris_office", "480", "2400", "transferred"},
        {"low", "Low", "4", "paris_office", "960", "4800", "transferred"},
    };
    for (const Policy& p : kPolicies)
        c.make(EntityKind::sla_policy,
               {{SlaPolicyField::name, p.name},
                {SlaPolicyField::priority, p.priority},
                {SlaPolicyField::calendar, p.calendar},
                {SlaPolicyField::response_minutes, p.response},
                {SlaPolicyField::resolution_minutes, p.resolution},
                {SlaPolicyField::resolution_pauses, p.pauses}},
               p.key);
}

void create_reference_data(Creator& c, const DemoData& data) {
    std::map<std::string, std::string, std::less<>> departments;  // name -> key
    for (const DemoPerson& e : data.engineers) {
        auto [d, added] = departments.try_emplace(e.department, "dept_" + std::to_string(departments.size() + 1));
        if (added) c.make(EntityKind::department, {{DepartmentField::name, e.department}}, d->second);
        c.make(EntityKind::staff_profile,
               {{StaffProfileField::name, e.name},
                {StaffProfileField::department, d->second},
                {StaffProfileField::field_technician, std::string(e.technician ? kFlagTrue : kFlagFalse)}},
               demo_login(e.login));
    }
    // S4: critical incidents go to the first field technician and their department.
    for (const DemoPerson& e : data.engineers)
        if (e.technician) {
            c.make(EntityKind::routing_rule,
                   {{RoutingRuleField::name, "Critical calls to field service"},
                    {RoutingRuleField::position, "10"},
                    {RoutingRuleField::priority, "1"},
                    {RoutingRuleField::then_department, departments.at(e.department)},
                    {RoutingRuleField::then_assignee, demo_login(e.login)}},
                   "critical_to_field");
            break;
        }
    // S5: High calls wait in the second line's queue (the first remote engineer's
    // department) until one of them picks the next.
    for (const DemoPerson& e : data.engineers)
        if (!e.technician) {
            c.make(EntityKind::queue, {{QueueField::name, "Second line"}, {QueueField::department, departments.at(e.department)}},
                   "second_line");
            c.make(EntityKind::routing_rule,
                   {{RoutingRuleField::name, "High calls to the second line"},
                    {RoutingRuleField::position, "20"},
                    {RoutingRuleField::priority, "2"},
                    {RoutingRuleField::then_queue, "second_line"}},
                   "high_to_second_line");
            break;
        }
    create_code_tree(c, EntityKind::reason_code, demo_reason_codes(data));
    create_articles(c, data, demo_reason_codes(data).by_path);
    create_code_tree(c, EntityKind::resolution_code, demo_resolution_codes(data));
    create_sla(c);
}

void create_account(Creator& c, BookAccount& a) {
    a.id = c.make(EntityKind::account, {{AccountField::name, a.name}, {AccountField::address, a.address},
                                        {AccountField::phone, a.phone}, {AccountField::fax, a.fax},
                                        {AccountField::email, a.email}, {AccountField::language, a.lang}});
    for (BookContract& k : a.contracts)
        k.id = c.make(EntityKind::contract,
                      {{ContractField::account, a.id}, {ContractField::name, k.name},
                       {ContractField::coverage, k.coverage}, {ContractField::start, k.start},
                       {ContractField::end, k.end}, {ContractField::allowance_unit, k.allowance.empty() ? "" : "incidents"},
                       {ContractField::allowance, k.allowance},
                       {ContractField::sla_policy, k.allowance.empty() ? "" : "high"}});
    for (BookContact& p : a.contacts)
        p.id = c.make(EntityKind::contact, {{ContactField::account, a.id}, {ContactField::name, p.name},
                                            {ContactField::phone, p.phone}, {ContactField::email, p.email},
                                            {ContactField::role, p.role}});
    for (BookUnit& u : a.units)
        u.id = c.make(EntityKind::unit,
                      {{UnitField::serial, u.serial}, {UnitField::item, u.item}, {UnitField::account, a.id},
                       {UnitField::install_address, a.address}, {UnitField::warranty_end, u.warranty_end},
                       {UnitField::contract, u.contract < 0 ? std::string() : a.contracts[static_cast<std::size_t>(u.contract)].id}});
    if (!a.block_mode.empty())
        c.make(EntityKind::blocking_reason, {{BlockingReasonField::account, a.id},
                                             {BlockingReasonField::text, a.block_text},
                                             {BlockingReasonField::mode, a.block_mode}});
}

}  // namespace

Outcome create_demo_records(DemoBook& book, const DemoData& data, const DemoCommit& commit, std::int64_t t0) {
    Creator c(commit, t0);
    create_reference_data(c, data);
    for (BookAccount& a : book.accounts) create_account(c, a);
    return c.outcome();
}

std::string demo_login(const std::string& actor) { return actor.starts_with("u:") ? actor.substr(2) : actor; }

DemoBook make_demo_book(const DemoData& data, std::int64_t now_ms, BookSize size) {
    DemoRng rng(kBookSeed);
    DemoBook book;
    std::map<std::string, std::vector<const DemoUnit*>, std::less<>> models;  // by language
    for (const DemoCustomer& c : data.customers) {
        book.accounts.push_back(from_customer(c, data.parts.at(c.lang), now_ms, rng));
        for (const DemoUnit& u : c.units) models[c.lang].push_back(&u);
    }
    std::vector<std::string> langs;
    for (const auto& [lang, units] : models) langs.push_back(lang);
    std::map<std::string, std::size_t, std::less<>> made;  // generated accounts per language
    for (std::size_t g = 0; book.accounts.size() < size.accounts; ++g) {
        const std::string& lang = langs[g % langs.size()];
        book.accounts.push_back(generated_account(lang, data.parts.at(lang), made[lang]++, now_ms, rng));
    }
    std::size_t contacts = data.customers.size(), units = 0;
    for (const BookAccount& a : book.accounts) units += a.units.size();
    for (std::size_t i = 0; contacts < size.contacts; ++i, ++contacts) {
        BookAccount& a = book.accounts[(i * 7) % book.accounts.size()];
        a.contacts.push_back(generated_contact(a, data.parts.at(a.lang), rng));
    }
    for (std::size_t i = 0; units < size.units; ++i, ++units) {
        BookAccount& a = book.accounts[i % book.accounts.size()];
        a.units.push_back(generated_unit(a, models.at(a.lang), i, now_ms, rng));
    }
    // One account to warn about and one that may not register calls, among the generated ones.
    if (book.accounts.size() < data.customers.size() + 3) return book;
    BookAccount& warned = book.accounts[data.customers.size() + 1];
    warned.block_mode = "warn";
    warned.block_text = data.parts.at(warned.lang).warn;
    BookAccount& forbidden = book.accounts[data.customers.size() + 2];
    forbidden.block_mode = "forbid";
    forbidden.block_text = data.parts.at(forbidden.lang).forbid;
    return book;
}

namespace {

// A two-level code tree from the stories' labels, general codes in the order first met.
DemoCodeTree code_tree(const DemoData& data, const std::string& prefix, std::string DemoStory::*general,
                       std::string DemoStory::*specific) {
    DemoCodeTree tree;
    std::map<std::string, std::string, std::less<>> generals;  // label -> key
    for (const DemoStory& s : data.stories) {
        auto [g, new_general] = generals.try_emplace(s.*general, prefix + std::to_string(generals.size() + 1));
        if (new_general) tree.codes.push_back({g->second, s.*general, {}});
        const std::string path = s.*general + "/" + s.*specific;
        if (tree.by_path.contains(path)) continue;
        std::string key = g->second + "_" + std::to_string(tree.by_path.size() + 1);
        tree.codes.push_back({key, s.*specific, g->second});
        tree.by_path.emplace(path, std::move(key));
    }
    return tree;
}

}  // namespace

DemoCodeTree demo_reason_codes(const DemoData& data) {
    return code_tree(data, "reason_", &DemoStory::reason_general, &DemoStory::reason_specific);
}

DemoCodeTree demo_resolution_codes(const DemoData& data) {
    return code_tree(data, "resolution_", &DemoStory::resolution_general, &DemoStory::resolution_specific);
}

}  // namespace hotline::app
