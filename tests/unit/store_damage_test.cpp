// Damaged files never crash the loader and cost only the damaged records:
// torn log tails, flipped bytes anywhere, truncated or foreign files, a lost
// metadata file, an interrupted compaction.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/op_factory.hpp"
#include "store/file_util.hpp"
#include "store/record_format.hpp"
#include "store/replica_store.hpp"
#include "store_test_dir.hpp"
#include "test_support.hpp"

using namespace hotline;
using namespace hotline::store;
using namespace hotline::testing;
namespace fs = std::filesystem;

namespace {

ReplicaStore::Opened open_ok(const std::string& dir) {
    auto opened = ReplicaStore::open(dir, "local");
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return std::move(opened.value());
}

std::vector<Operation> creates(int n, std::int64_t t0 = kBaseMs) {
    OpFactory f("maker");
    std::vector<Operation> ops;
    for (int i = 0; i < n; ++i)
        ops.push_back(f.create_incident("u:agent", t0 + i,
                                        {{IncidentField::title, "Boiler " + std::to_string(i) + " leaks"},
                                         {IncidentField::customer_name, "Société Générale — Иванов"}}));
    return ops;
}

void save_all(ReplicaStore::Opened& o, const std::vector<Operation>& ops) {
    for (const auto& op : ops) {
        REQUIRE(o.desk.apply(op).kind == ApplyKind::applied);
        REQUIRE(o.store.append(op).ok());
    }
}

std::string copy_dir(const std::string& from, const std::string& name) {
    std::string to = fresh_dir(name);
    for (const auto& entry : fs::directory_iterator(from)) fs::copy_file(entry.path(), fs::path(to) / entry.path().filename());
    return to;
}

void write_raw(const std::string& path, const std::string& data) {
    fs::remove(path);
    REQUIRE(append_to_file(path, data).ok());
}

std::map<std::string, Incident> by_id(const Desk& desk) {
    std::map<std::string, Incident> m;
    for (const auto& inc : desk.incidents()) m.emplace(inc.id, inc);
    return m;
}

}  // namespace

TEST_CASE("a torn log tail is reported and cut; every complete record before it is kept") {
    auto dir = fresh_dir("torn-src");
    auto ops = creates(20);
    {
        auto o = open_ok(dir);
        save_all(o, ops);
    }
    const std::string log = dir + "/" + log_name(0);
    auto full = read_file(log);
    REQUIRE(full.ok());
    auto scan = scan_records(*full, FileKind::log);
    REQUIRE(scan.records.size() == 20);
    // Record k ends at this offset.
    std::vector<std::size_t> ends;
    for (const auto& r : scan.records)
        ends.push_back(static_cast<std::size_t>(r.payload.data() + r.payload.size() - full->data()));

    for (std::size_t cut = kFileHeaderSize; cut < full->size(); cut += 37) {
        auto copy = copy_dir(dir, "torn");
        write_raw(copy + "/" + log_name(0), full->substr(0, cut));
        auto o = open_ok(copy);
        std::size_t complete = static_cast<std::size_t>(std::count_if(ends.begin(), ends.end(), [&](std::size_t e) { return e <= cut; }));
        CHECK(o.desk.incidents().size() == complete);
        bool mid_record = std::find(ends.begin(), ends.end(), cut) == ends.end() && cut != kFileHeaderSize;
        CHECK(o.report.clean() == !mid_record);
        // New records go after the intact ones and survive the next load.
        auto extra = creates(1, kBaseMs + 100000);
        extra[0].id.replica = extra[0].hlc.replica = "later";
        extra[0].entity_id = extra[0].id.to_string();
        extra[0].number = IncidentNumber{0, "P-later-1"};
        save_all(o, extra);
        auto again = open_ok(copy);
        CHECK(again.report.clean());
        CHECK(again.desk.incidents().size() == complete + 1);
    }
}

TEST_CASE("random byte flips in a snapshot lose at most one incident per flip, never crash") {
    auto dir = fresh_dir("flip-src");
    auto ops = creates(300);
    std::map<std::string, Incident> original;
    {
        auto o = open_ok(dir);
        save_all(o, ops);
        REQUIRE(o.store.compact(o.desk, o.factory).ok());
        original = by_id(o.desk);
    }
    const std::string chunk = dir + "/" + snapshot_chunk_name(1, 0);
    auto pristine = read_file(chunk);
    REQUIRE(pristine.ok());

    Rng rng(2024);
    for (int round = 0; round < 150; ++round) {
        auto copy = copy_dir(dir, "flip");
        std::string bytes = *pristine;
        int flips = static_cast<int>(uniform(rng, 1, 4));
        for (int i = 0; i < flips; ++i) {
            auto pos = static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(bytes.size()) - 1));
            bytes[pos] = static_cast<char>(bytes[pos] ^ static_cast<char>(uniform(rng, 1, 255)));
        }
        write_raw(copy + "/" + snapshot_chunk_name(1, 0), bytes);
        auto o = open_ok(copy);
        std::size_t lost = original.size() - o.desk.incidents().size();
        CHECK(lost <= static_cast<std::size_t>(flips));
        if (lost > 0) CHECK_FALSE(o.report.clean());
        for (const auto& inc : o.desk.incidents()) {
            auto it = original.find(inc.id);
            REQUIRE(it != original.end());
            CHECK(it->second == inc);
        }
    }
}

TEST_CASE("random damage to any file of the replica never crashes the loader") {
    auto dir = fresh_dir("chaos-src");
    RandomOpsOptions opts;
    opts.incidents = 25;
    opts.transitions = true;
    auto ops = random_operations(99, 800, opts);
    {
        auto o = open_ok(dir);
        std::vector<Operation> head(ops.begin(), ops.begin() + 500), tail(ops.begin() + 500, ops.end());
        for (const auto& op : head) {
            REQUIRE(o.desk.apply(op).kind != ApplyKind::rejected);
            REQUIRE(o.store.append(op).ok());
        }
        REQUIRE(o.store.compact(o.desk, o.factory).ok());
        for (const auto& op : tail) {
            REQUIRE(o.desk.apply(op).kind != ApplyKind::rejected);
            REQUIRE(o.store.append(op).ok());
        }
    }
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());

    Rng rng(77);
    for (int round = 0; round < 120; ++round) {
        auto copy = copy_dir(dir, "chaos");
        const std::string& victim = pick(rng, files);
        auto data = read_file(copy + "/" + victim);
        REQUIRE(data.ok());
        std::string bytes = *data;
        switch (uniform(rng, 0, 4)) {
            case 0:  // truncate anywhere
                bytes.resize(static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(bytes.size()))));
                break;
            case 1:  // zero a stretch
                for (auto n = uniform(rng, 1, 64), p = uniform(rng, 0, static_cast<std::int64_t>(bytes.size()) - 1);
                     n > 0 && p < static_cast<std::int64_t>(bytes.size()); --n, ++p)
                    bytes[static_cast<std::size_t>(p)] = 0;
                break;
            case 2:  // garbage appended
                for (int i = 0; i < 50; ++i) bytes.push_back(static_cast<char>(uniform(rng, 0, 255)));
                break;
            case 3:  // the file vanishes
                fs::remove(copy + "/" + victim);
                continue;
            default:  // flip bytes
                for (int i = 0; i < 8; ++i) {
                    auto p = static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(bytes.size()) - 1));
                    bytes[p] = static_cast<char>(~bytes[p]);
                }
        }
        write_raw(copy + "/" + victim, bytes);
        auto o = ReplicaStore::open(copy, "local");
        REQUIRE(o.ok());  // damage is reported, not fatal
        // And the damaged replica can be written to and read again.
        REQUIRE(o->store.compact(o->desk, o->factory).ok());
        auto again = open_ok(copy);
        CHECK(again.desk.incidents().size() == o->desk.incidents().size());
    }
}

TEST_CASE("a lost metadata file is recovered from the newest complete generation under a new replica id") {
    auto dir = fresh_dir("nometa");
    auto ops = creates(50);
    {
        auto o = open_ok(dir);
        save_all(o, std::vector<Operation>(ops.begin(), ops.begin() + 30));
        REQUIRE(o.store.compact(o.desk, o.factory).ok());
        save_all(o, std::vector<Operation>(ops.begin() + 30, ops.end()));
    }
    fs::remove(dir + "/meta");
    auto o = ReplicaStore::open(dir, "newid");
    REQUIRE(o.ok());
    CHECK(o->desk.incidents().size() == 50);
    CHECK(o->factory.replica == "newid");
    CHECK_FALSE(o->report.clean());
}

TEST_CASE("an interrupted compaction leaves the previous generation in charge") {
    auto dir = fresh_dir("interrupted");
    auto ops = creates(40);
    {
        auto o = open_ok(dir);
        save_all(o, ops);
    }
    // A crash after writing a chunk of generation 1 but before its log and the meta file.
    write_raw(dir + "/" + snapshot_chunk_name(1, 0), file_header(FileKind::snapshot) + "partial");
    write_raw(dir + "/" + snapshot_chunk_name(1, 1) + ".tmp", "half written");
    auto o = open_ok(dir);
    CHECK(o.store.generation() == 0);
    CHECK(o.desk.incidents().size() == 40);
    auto names = list_directory(dir);
    std::set<std::string> left(names.begin(), names.end());
    CHECK(left == std::set<std::string>{"meta", log_name(0)});
}

// Found by tests/fuzz (fuzz_store): a chunk whose header copies are both damaged but whose
// string table is intact had its records decoded against the missing header's replica table.
TEST_CASE("a snapshot chunk without a readable header loses its records, reported, and never reads the header") {
    auto dir = fresh_dir("headless-src");
    {
        auto o = open_ok(dir);
        save_all(o, creates(20));
        REQUIRE(o.store.compact(o.desk, o.factory).ok());
    }
    const std::string chunk = dir + "/" + snapshot_chunk_name(1, 0);
    auto pristine = read_file(chunk);
    REQUIRE(pristine.ok());
    // The same chunk with every record but the header copies.
    std::string headless = file_header(FileKind::snapshot);
    std::size_t kept = 0;
    for (const auto& rec : scan_records(*pristine, FileKind::snapshot).records) {
        if (rec.type == RecordType::desk_header) continue;
        append_record(headless, rec.type, rec.payload);
        ++kept;
    }
    REQUIRE(kept > 1);  // the string table and the records
    write_raw(chunk, headless);
    auto o = open_ok(dir);
    CHECK(o.desk.incidents().empty());
    const auto& problems = o.report.problems;
    CHECK(std::find(problems.begin(), problems.end(),
                    snapshot_chunk_name(1, 0) + ": no readable header; its records are lost") != problems.end());
}

TEST_CASE("a file of another kind in place of the log is reported, not trusted") {
    auto dir = fresh_dir("foreign");
    {
        auto o = open_ok(dir);
        save_all(o, creates(5));
    }
    write_raw(dir + "/" + log_name(0), "{\"this\": \"is not a Hotline log\"}");
    auto o = open_ok(dir);
    CHECK(o.desk.incidents().empty());
    CHECK_FALSE(o.report.clean());
}
