#include "lookup_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "app/lookup_timing.hpp"
#include "core/desk.hpp"
#include "bench_report.hpp"
#include "core/op_factory.hpp"

namespace hotline::bench {
namespace {

constexpr std::size_t kAccounts = 10000, kContacts = 30000, kUnits = 100000;
constexpr std::int64_t kT0 = 1764000000000;

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

}  // namespace

void run_lookup_bench() {
    auto t0 = Clock::now();
    Desk desk = make_desk();
    row("lookup: desk of 10k accounts, 30k contacts, 100k units", ms_since(t0), "ms");

    app::CustomerLookup customers(desk);
    t0 = Clock::now();
    customers.refresh();
    row("lookup: customer index build", ms_since(t0), "ms");
    const std::vector<std::string> words = {"lefevre", "северов", "bianchi col", "0478 100", "info12@", "amélie"};
    const app::KeystrokeTimes typed = app::time_customer_typing(customers, words);
    row("lookup: customer, mean per keystroke", typed.mean_ms, "ms");
    row("lookup: customer, worst keystroke", typed.worst_ms, "ms");
    std::printf("  %-44s %14s\n", "lookup: customer, worst query", ("\"" + typed.worst_query + "\"").c_str());

    app::UnitLookup units(desk);
    t0 = Clock::now();
    units.refresh();
    row("lookup: serial index build (100k units)", ms_since(t0), "ms");
    const app::SerialTimes serials = app::time_serial_lookups(units, desk, 10000);
    row("lookup: serial (exact or prefix), mean", serials.mean_ms, "ms");
    if (serials.found == 0) std::printf("  WARNING: no serial found\n");
}

}  // namespace hotline::bench
