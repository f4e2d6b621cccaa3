#include "lookup_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "app/customer_lookup.hpp"
#include "app/unit_lookup.hpp"
#include "core/desk.hpp"
#include "core/op_factory.hpp"

namespace hotline::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kAccounts = 10000, kContacts = 30000, kUnits = 100000;
constexpr std::int64_t kT0 = 1764000000000;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// Names of the seeds' four languages, accents and Cyrillic included.
const std::vector<std::string> kWords = {"Lefèvre", "Dumont", "Northgate", "Riverside", "Север", "Восток", "Меридиан",
                                         "Bianchi", "Colombo", "Garnier", "Élodie", "Kingsway", "Радуга", "Fontaine"};
const std::vector<std::string> kFirst = {"Anne", "Paul", "Иван", "Мария", "Giulia", "Marco", "Oliver", "Amélie"};

std::string name_of(std::size_t i) { return kWords[i % kWords.size()] + " " + kWords[(i / kWords.size()) % kWords.size()] + " " + std::to_string(i); }

Desk make_desk() {
    Desk desk;
    OpFactory f("bench");
    std::int64_t t = kT0;
    std::vector<std::string> accounts;
    auto apply = [&](Operation op) {
        if (desk.apply(op).kind == ApplyKind::rejected) std::printf("  WARNING: rejected\n");
        return op.entity_id;
    };
    for (std::size_t i = 0; i < kAccounts; ++i)
        accounts.push_back(apply(f.create("u:admin", ++t, EntityKind::account,
                                          {{AccountField::name, name_of(i)},
                                           {AccountField::phone, "+33 4 78 " + std::to_string(100000 + i * 7)},
                                           {AccountField::email, "info" + std::to_string(i) + "@example.fr"}})));
    for (std::size_t i = 0; i < kContacts; ++i)
        apply(f.create("u:admin", ++t, EntityKind::contact,
                       {{ContactField::account, accounts[i % kAccounts]},
                        {ContactField::name, kFirst[i % kFirst.size()] + " " + kWords[(i * 7) % kWords.size()]},
                        {ContactField::phone, "+7 495 " + std::to_string(1000000 + i * 13)}}));
    for (std::size_t i = 0; i < kUnits; ++i)
        apply(f.create("u:admin", ++t, EntityKind::unit,
                       {{UnitField::serial, "SN" + std::to_string(1000000 + i * 37)},
                        {UnitField::account, accounts[i % kAccounts]},
                        {UnitField::warranty_end, "2026-06-30"}}));
    return desk;
}

// Types `word` one character (code point) at a time; the worst and mean time per keystroke.
struct Typing {
    double worst = 0, total = 0;
    std::size_t keys = 0;
    std::string worst_query;
};

void type(app::CustomerLookup& lookup, const std::string& word, Typing& t) {
    for (std::size_t n = 1; n <= word.size(); ++n) {
        if (n < word.size() && (static_cast<unsigned char>(word[n]) >> 6) == 0x2) continue;  // inside a character
        auto t0 = Clock::now();
        auto found = lookup.find(word.substr(0, n));
        double ms = ms_since(t0);
        if (ms > t.worst) {
            t.worst = ms;
            t.worst_query = word.substr(0, n);
        }
        t.total += ms;
        ++t.keys;
        (void)found;
    }
}

void row(const char* what, double value, const char* unit) { std::printf("  %-44s %14.3f %s\n", what, value, unit); }

}  // namespace

void run_lookup_bench() {
    auto t0 = Clock::now();
    Desk desk = make_desk();
    row("lookup: desk of 10k accounts, 30k contacts, 100k units", ms_since(t0), "ms");

    app::CustomerLookup customers(desk);
    t0 = Clock::now();
    customers.refresh();
    row("lookup: customer index build", ms_since(t0), "ms");
    Typing t;
    for (const char* word : {"lefevre", "северов", "bianchi col", "0478 100", "info12@", "amélie"}) type(customers, word, t);
    row("lookup: customer, mean per keystroke", t.total / static_cast<double>(t.keys), "ms");
    row("lookup: customer, worst keystroke", t.worst, "ms");
    std::printf("  %-44s %14s\n", "lookup: customer, worst query", ("\"" + t.worst_query + "\"").c_str());

    app::UnitLookup units(desk);
    t0 = Clock::now();
    units.refresh();
    row("lookup: serial index build (100k units)", ms_since(t0), "ms");
    t0 = Clock::now();
    std::size_t found = 0;
    const int rounds = 10000;
    for (int i = 0; i < rounds; ++i) {
        std::string serial = "SN" + std::to_string(1000000 + (static_cast<std::size_t>(i) * 7919 % kUnits) * 37);
        found += units.find(i % 2 ? serial : serial.substr(0, 6)).size();
    }
    row("lookup: serial (exact or prefix), mean", ms_since(t0) / rounds, "ms");
    if (found == 0) std::printf("  WARNING: no serial found\n");
}

}  // namespace hotline::bench
