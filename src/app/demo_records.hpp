// The demo service company's records (P5, issue 8): the hand-written customers
// of the data set (demo_data.hpp) and, generated from its "parts", the rest of
// about 150 accounts, 500 contacts and 1,500 units in four languages, with
// contracts (some in force, some ended), warranties (some running, some
// expired), one account with a "warn" and one with a "forbid" blocking reason,
// and the reference data (departments, staff profiles, reason and resolution
// code trees) taken from the engineers and stories, with the data set's published
// knowledge-base articles (W13) under those reason codes.
//
// The book is made first (plain values, deterministic for a data set and day),
// then created through operations in an order where every ref exists before it
// is used: reference data, accounts, contracts, contacts, units, blocking
// reasons. demo_seed.hpp then plays incident lives against these records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/demo_data.hpp"
#include "app/replica.hpp"

namespace hotline::app {

inline constexpr std::size_t kDemoAccounts = 150;
inline constexpr std::size_t kDemoContacts = 500;
inline constexpr std::size_t kDemoUnits = 1500;

// SplitMix64: tiny, and the same numbers natively and in wasm (std
// distributions differ between standard libraries).
class DemoRng {
public:
    explicit DemoRng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    template <typename T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

private:
    std::uint64_t state_;
};

struct BookContact {
    std::string name, phone, email, role, id;
};
struct BookContract {
    std::string name, coverage, start, end, id;
    std::string allowance;  // S7: incidents; empty: no entitlement
};
struct BookUnit {
    std::string kind, item, serial, warranty_end, id;
    int contract = -1;  // index in the account's contracts
};
struct BookAccount {
    std::string lang, name, address, phone, fax, email, id;
    std::vector<BookContact> contacts;
    std::vector<BookContract> contracts;
    std::vector<BookUnit> units;
    std::string block_mode, block_text;  // mode "warn" or "forbid"; empty: none
};
struct DemoBook {
    std::vector<BookAccount> accounts;
};

// How many records a book holds: the demo's, or more for benchmarks (the hand-written
// customers of the data set always come first).
struct BookSize {
    std::size_t accounts = kDemoAccounts, contacts = kDemoContacts, units = kDemoUnits;
};

// `now_ms` sets the day warranties and contracts are dated around.
DemoBook make_demo_book(const DemoData& data, std::int64_t now_ms, BookSize size = {});

// Every operation goes through `commit` (mint, apply, keep); ids are written
// into the book. Records are stamped from `t0` on, a second apart.
using DemoCommit = std::function<Outcome(const Replica::Mint&)>;
Outcome create_demo_records(DemoBook& book, const DemoData& data, const DemoCommit& commit, std::int64_t t0);

// A code tree (reason or resolution codes) as the stories name it: general codes have
// no parent; `by_path` finds a specific code's key from "<general label>/<specific label>".
struct DemoCode {
    std::string key, label, parent;
};
struct DemoCodeTree {
    std::vector<DemoCode> codes;  // each general code before its specific codes
    std::map<std::string, std::string, std::less<>> by_path;
};
DemoCodeTree demo_reason_codes(const DemoData& data);
DemoCodeTree demo_resolution_codes(const DemoData& data);

// The login in a demo actor ("u:jmoreau" -> "jmoreau"): what the engineer field holds.
std::string demo_login(const std::string& actor);

}  // namespace hotline::app
