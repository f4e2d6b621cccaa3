// Snapshot chunks (the files snap-<gen>-<k> of replica_store.hpp) as byte strings, so
// that one piece of code writes and reads them wherever they come from:
//   - compaction writes a replica's desk as chunk files;
//   - the server encodes what a client may see as chunks in memory (first sync), and
//     the client stores them unchanged as its next snapshot generation;
//   - the loader reads chunk files, and the client reads chunks as they arrive.
// A chunk: file header, desk header, string table, entity records, string table,
// desk header (the second copies let one damaged record cost only itself).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/desk.hpp"
#include "core/result.hpp"
#include "store/desk_codec.hpp"
#include "store/record_format.hpp"

namespace hotline::store {

struct LoadReport {
    std::vector<std::string> problems;  // one readable line per thing that was wrong
    std::size_t damaged_records = 0;    // damaged regions skipped, over all files
    std::size_t snapshot_records = 0;   // records of every kind read from the snapshot
    std::size_t log_operations = 0;     // operations replayed from the log
    bool new_replica = false;           // nothing was there: a fresh replica was made

    bool clean() const { return problems.empty(); }
};

// Adds a file's damage (scan_records) to the report.
void note_damage(LoadReport& report, const std::string& file, const ScanResult& scan);

inline constexpr std::size_t kRecordsPerChunk = 16384;

// What a snapshot holds: the desk's tables (stamps and histories index into them), the
// operations it counts as seen, and the records, each kind's in row order.
struct SnapshotContent {
    const std::vector<std::string>& replicas;
    const std::vector<std::string>& actors;
    const SeenOps& seen;
    const Hlc& newest_hlc;
    std::span<const Entity* const> records;
};

// Every record of `desk`, kind by kind, in row order.
std::vector<const Entity*> all_records(const Desk& desk);

// Encodes `content` chunk by chunk (`per_chunk` records each, at least one chunk):
// `sink(k, chunk)` gets each in order and may take its bytes; the first error stops it.
Outcome encode_snapshot(const SnapshotContent& content,
                        const std::function<Outcome(std::size_t k, std::string& chunk)>& sink,
                        std::size_t per_chunk = kRecordsPerChunk);

// Reads the chunks of one snapshot into desk parts.
class SnapshotReader {
public:
    // Tolerant (the loader): damage is reported in `report` and costs only what it hit.
    void read(const std::string& name, std::string_view chunk, LoadReport& report);
    // Strict (chunks from the network): the chunk must be intact, every record must
    // decode, and its header must be the one of the chunks read before; otherwise an
    // Error (code corrupt_chunk) and nothing of it is kept.
    Outcome read_intact(const std::string& name, std::string_view chunk);

    const std::optional<DeskHeader>& header() const { return header_; }
    std::size_t records() const { return records_.size(); }
    std::size_t incidents() const { return incidents_; }  // among records()
    // The desk parts read, checked against the header's record count (`label` names the
    // snapshot in the report's lines).
    Desk::Parts finish(const std::string& label, LoadReport& report) &&;

private:
    std::optional<DeskHeader> header_;
    std::string header_payload_;  // as first read: every chunk of a snapshot repeats it
    EntityList records_;
    std::size_t incidents_ = 0;
};

}  // namespace hotline::store
