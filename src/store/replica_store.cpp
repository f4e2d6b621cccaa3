#include "store/replica_store.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "core/operation_json.hpp"
#include "store/desk_codec.hpp"
#include "store/file_util.hpp"
#include "store/record_format.hpp"
#include "store/replica_meta.hpp"
#include "store/snapshot_chunks.hpp"

namespace hotline::store {
namespace {

constexpr const char* kMetaName = "meta";
// "staged-<gen>": chunks of generation gen are a snapshot being received, not the leftovers
// of an interrupted compaction.
constexpr std::string_view kStagedPrefix = "staged-";
std::string staged_marker_name(std::uint64_t generation) {
    return std::string(kStagedPrefix) + std::to_string(generation);
}

// "snap-12-3" -> (12, 3); "log-12" -> (12, -1). Anything else -> nullopt.
struct ParsedName {
    std::uint64_t generation;
    long chunk;  // -1 for a log
};

std::optional<ParsedName> parse_name(const std::string& name) {
    auto number = [](std::string_view s, std::uint64_t& out) { return parse_decimal_u64(s, out); };
    std::uint64_t gen = 0, chunk = 0;
    if (name.rfind("log-", 0) == 0 && number(std::string_view(name).substr(4), gen)) return ParsedName{gen, -1};
    if (name.rfind("snap-", 0) != 0) return std::nullopt;
    auto dash = name.find('-', 5);
    if (dash == std::string::npos) return std::nullopt;
    if (!number(std::string_view(name).substr(5, dash - 5), gen) ||
        !number(std::string_view(name).substr(dash + 1), chunk))
        return std::nullopt;
    return ParsedName{gen, static_cast<long>(chunk)};
}

// Loads snapshot generation `gen` into desk parts.
void load_snapshot(const std::string& dir, std::uint64_t gen, Desk::Parts& parts, LoadReport& report) {
    SnapshotReader reader;
    // Until a header tells the chunk count, read chunks until one is missing.
    for (std::size_t k = 0; reader.header() ? k < reader.header()->chunk_count : k < 4096; ++k) {
        std::string name = snapshot_chunk_name(gen, k);
        auto data = read_file(dir + "/" + name);
        if (!data) {
            if (reader.header() || k == 0) report.problems.push_back(name + ": missing; its records are lost");
            if (!reader.header() && k > 0) break;
            continue;
        }
        reader.read(name, *data, report);
    }
    parts = std::move(reader).finish("snapshot " + std::to_string(gen), report);
}

// Brings the factory state up to date with operations saved after it. The clock observes
// the log's stamps, which the state may not have seen; the snapshot's were seen before the
// state was saved with it. Not the desk's newest stamp: after a clock fell back
// (HlcClock::fall_back) that may be a refused stamp from the future, which must not
// come back at the next start. A state with no stamp (a replica recovered without its
// metadata) takes the desk's newest.
void advance_factory(OpFactory::State& state, const Desk& desk, const std::vector<Operation>& log) {
    OpFactory factory(state);
    std::uint64_t last_counter = state.last_counter;
    for (const auto& op : log) {
        factory.clock().observe(op.hlc, 0);
        if (op.id.replica != state.replica) continue;
        last_counter = std::max(last_counter, op.id.counter);
        if (op.entity == EntityKind::incident && op.type == OpType::create) factory.numbers().mark_used(op.number);
    }
    if (state.last_hlc.wall_ms == 0 && !desk.newest_hlc().replica.empty()) factory.clock().observe(desk.newest_hlc(), 0);
    state = factory.state();
    state.last_counter = last_counter;
}

}  // namespace

std::string snapshot_chunk_name(std::uint64_t generation, std::size_t chunk) {
    return "snap-" + std::to_string(generation) + "-" + std::to_string(chunk);
}

std::string log_name(std::uint64_t generation) { return "log-" + std::to_string(generation); }

Result<ReplicaStore::Opened> ReplicaStore::open(const std::string& dir, const std::string& fresh_replica_id) {
    if (!is_valid_replica_id(fresh_replica_id))
        return make_error("bad_replica_id", "replica id must be 1-16 chars of a-z, 0-9");
    if (auto made = make_directory(dir); !made) return made.error();
    Opened o{ReplicaStore(dir), Desk(), OpFactory::State{}, {}, {}};
    LoadReport& report = o.report;

    // 1. Metadata, or recovery without it.
    std::optional<ReplicaMeta> meta;
    auto meta_file = read_file(dir + "/" + kMetaName);
    if (meta_file) {
        ScanResult scan = scan_records(*meta_file, FileKind::meta);
        note_damage(report, kMetaName, scan);
        for (const auto& rec : scan.records)
            if (rec.type == RecordType::meta && !meta) {
                auto m = decode_meta(rec.payload);
                if (m) meta = std::move(m.value());
                else report.problems.push_back(std::string(kMetaName) + ": " + m.error().message);
            }
    } else if (meta_file.error().code != "not_found") {
        return meta_file.error();
    }
    std::vector<std::string> names = list_directory(dir);
    if (!meta) {
        // The newest generation whose log exists was fully written (chunks come first).
        std::optional<std::uint64_t> newest;
        for (const auto& n : names)
            if (auto p = parse_name(n); p && p->chunk < 0 && (!newest || p->generation > *newest)) newest = p->generation;
        meta = ReplicaMeta{};
        meta->factory.replica = fresh_replica_id;
        meta->factory.last_hlc.replica = fresh_replica_id;
        if (newest) {
            meta->generation = *newest;
            report.problems.push_back("metadata missing or damaged: recovered generation " + std::to_string(*newest) +
                                      " under a new replica id; leased numbers are forgotten");
        } else {
            report.new_replica = true;
        }
    }
    o.store.generation_ = meta->generation;
    o.store.meta_extra_ = meta->extra;
    o.factory = meta->factory;

    // 2. Snapshot.
    Desk::Parts parts = Desk().parts();
    if (meta->generation > 0) {
        load_snapshot(dir, meta->generation, parts, report);
        report.snapshot_records = parts.entities.size();
    }
    auto desk = Desk::from_parts(std::move(parts));
    if (!desk) {
        report.problems.push_back("snapshot unusable: " + desk.error().message);
        desk = Desk();
    }
    o.desk = std::move(desk.value());

    // 3. Log since the snapshot.
    std::string log_path = o.store.path(log_name(meta->generation));
    auto log_file = read_file(log_path);
    std::string intact_log = file_header(FileKind::log);
    if (log_file) {
        ScanResult scan = scan_records(*log_file, FileKind::log);
        note_damage(report, log_name(meta->generation), scan);
        for (const auto& rec : scan.records) {
            if (rec.type != RecordType::operation) continue;
            append_record(intact_log, RecordType::operation, rec.payload);
            auto op = decode_operation(rec.payload);
            if (!op) {
                report.problems.push_back(log_name(meta->generation) + ": " + op.error().message);
                continue;
            }
            ApplyResult applied = o.desk.apply(*op);
            if (applied.kind == ApplyKind::rejected)
                report.problems.push_back("operation " + op->id.to_string() + " no longer applies: " +
                                          applied.error.message);
            o.log.push_back(std::move(op.value()));
        }
        report.log_operations = o.log.size();
        o.store.log_ops_ = o.log.size();
        o.store.log_bytes_ = intact_log.size();
        // Rewrite a damaged log so new records follow intact ones.
        if (scan.damaged_regions > 0 || scan.bad_header)
            if (auto w = write_file_atomically(log_path, intact_log); !w) return w.error();
    } else {
        if (meta->generation > 0 && !report.new_replica)
            report.problems.push_back(log_name(meta->generation) + ": missing; recent changes may be lost");
        if (auto w = write_file_atomically(log_path, intact_log); !w) return w.error();
        o.store.log_bytes_ = intact_log.size();
    }
    advance_factory(o.factory, o.desk, o.log);
    if (!meta_file || !report.clean())
        if (auto w = o.store.write_meta(o.store.generation_, o.factory); !w) return w.error();

    // 4. Leftovers of other generations and interrupted writes. Chunks of the next
    // generation stay if they are a snapshot being received (stage_chunk's marker says so).
    const std::string marker = staged_marker_name(meta->generation + 1);
    const bool staging = std::find(names.begin(), names.end(), marker) != names.end();
    for (const auto& n : names) {
        auto p = parse_name(n);
        bool stray_tmp = n.size() > 4 && n.compare(n.size() - 4, 4, ".tmp") == 0;
        bool staged = staging && p && p->chunk >= 0 && p->generation == meta->generation + 1;
        bool stray_marker = n.rfind(kStagedPrefix, 0) == 0 && n != marker;
        if (stray_tmp || stray_marker || (p && p->generation != meta->generation && !staged)) remove_file(o.store.path(n));
    }
    return o;
}

Outcome ReplicaStore::append(const Operation& op) { return append(std::span<const Operation>(&op, 1)); }

Outcome ReplicaStore::append(std::span<const Operation> ops) {
    std::string data;
    for (const auto& op : ops) append_record(data, RecordType::operation, encode_operation(op));
    if (auto w = append_to_file(path(log_name(generation_)), data); !w) return w;
    log_bytes_ += data.size();
    log_ops_ += ops.size();
    return {};
}

Outcome ReplicaStore::write_meta(std::uint64_t generation, const OpFactory::State& factory) {
    std::string file = file_header(FileKind::meta);
    append_record(file, RecordType::meta, encode_meta(ReplicaMeta{generation, factory, meta_extra_}));
    return write_file_atomically(path(kMetaName), file);
}

Outcome ReplicaStore::save_meta(const OpFactory::State& factory) { return write_meta(generation_, factory); }

Outcome ReplicaStore::compact(const Desk& desk, const OpFactory::State& factory) {
    const std::vector<const Entity*> records = all_records(desk);
    std::size_t chunks = 0;
    auto written = encode_snapshot({desk.replicas(), desk.actors(), desk.seen(), desk.newest_hlc(), records},
                                   [&](std::size_t k, std::string& chunk) {
                                       chunks = k + 1;
                                       return write_file_atomically(path(snapshot_chunk_name(generation_ + 1, k)), chunk);
                                   });
    if (!written) return written;
    return commit_next_generation(chunks, factory);
}

Outcome ReplicaStore::stage_chunk(std::size_t k, std::string_view chunk) {
    const std::string marker = path(staged_marker_name(generation_ + 1));
    if (k == 0)
        if (auto marked = write_file_atomically(marker, ""); !marked) return marked;
    return write_file_atomically(path(snapshot_chunk_name(generation_ + 1, k)), chunk);
}

Result<std::string> ReplicaStore::read_staged_chunk(std::size_t k) const {
    return read_file(path(snapshot_chunk_name(generation_ + 1, k)));
}

void ReplicaStore::discard_staged() {
    for (const auto& n : list_directory(dir_))
        if (auto p = parse_name(n); p && p->chunk >= 0 && p->generation == generation_ + 1) remove_file(path(n));
    remove_file(path(staged_marker_name(generation_ + 1)));
}

Outcome ReplicaStore::commit_next_generation(std::size_t chunks, const OpFactory::State& factory) {
    const std::uint64_t next = generation_ + 1;
    std::string empty_log = file_header(FileKind::log);
    if (auto w = write_file_atomically(path(log_name(next)), empty_log); !w) return w;
    if (auto w = write_meta(next, factory); !w) return w;  // commit point

    // Older generations, and staged chunks beyond this snapshot's (an abandoned download).
    for (const auto& n : list_directory(dir_))
        if (auto p = parse_name(n); p && (p->generation != next || p->chunk >= static_cast<long>(chunks)))
            remove_file(path(n));
    remove_file(path(staged_marker_name(next)));
    generation_ = next;
    log_bytes_ = empty_log.size();
    log_ops_ = 0;
    return {};
}

}  // namespace hotline::store
