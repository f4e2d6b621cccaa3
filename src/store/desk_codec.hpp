// Binary encoding of a desk for snapshots (byte_codec.hpp primitives).
//
//   stamp        := svarint wall_ms (relative to the incident's creation inside an
//                   incident, absolute elsewhere) | varint counter | varint replica index
//   tagged       := varint (len << 1 | 1), len bytes   (a string in place)
//                 | varint (k << 1)                    (see ref and op id)
//   ref          := tagged; k = index + 1 in the chunk's string table (strings that
//                   repeat across a chunk: customer snapshots, units, codes, people)
//   op id        := tagged; k = the counter of "<replica of its stamp>:<counter>"
//   string table := varint n, bytes * n
//   incident     := stamp created | op id
//                   | svarint number | bytes provisional
//                   | varint n, bytes alias * n
//                   | varint n, ref value * n   (FieldId order; a newer build
//                                                reads older files with fewer fields)
//                   | u8 status | ref created_by | svarint updated_ms
//                   | varint n, (u8 field | stamp) * n
//                   | varint n, (stamp | op id | ref actor | ref type | bytes text) * n
//                   | varint superseded_writes | bytes history
//   desk header  := varint n, bytes replica * n
//                   | varint n, bytes actor * n
//                   | varint n, (bytes key | bytes label | stamp) * n
//                   | varint n, (varint contiguous | varint m, varint counter * m) * n
//                   | bytes newest hlc ("" when none)
//                   | varint incident count | varint chunk count
//
// Decoders check every bound and enum and return an Error on anything odd.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/desk.hpp"
#include "core/result.hpp"

namespace hotline::store {

struct DeskHeader {
    std::vector<std::string> replicas;
    std::vector<std::string> actors;
    std::vector<EventType> event_types;
    std::vector<Stamp> event_type_stamps;
    SeenOps seen;
    Hlc newest_hlc;
    std::uint64_t incident_count = 0;
    std::uint32_t chunk_count = 0;
};

// Builds a chunk's string table: add every incident of the chunk, then finish().
class StringTableBuilder {
public:
    void add(const Incident& inc);
    void finish();  // keeps the strings seen at least twice
    const std::vector<std::string>& entries() const { return entries_; }
    std::uint64_t ref(std::string_view s) const;  // 0 when not in the table

private:
    void count(std::string_view s);
    std::unordered_map<std::string_view, std::uint64_t> counts_;  // views into the incidents
    std::vector<std::string> entries_;
};

void encode_string_table(std::string& out, const std::vector<std::string>& entries);
Result<std::vector<std::string>> decode_string_table(std::string_view data);

// `replicas` is the desk's replica table (the stamps' replica indices point into it).
void encode_incident(std::string& out, const Incident& inc, const StringTableBuilder& table,
                     const std::vector<std::string>& replicas);
Result<Incident> decode_incident(std::string_view data, const std::vector<std::string>& table,
                                 const std::vector<std::string>& replicas);

void encode_desk_header(std::string& out, const DeskHeader& header);
Result<DeskHeader> decode_desk_header(std::string_view data);

}  // namespace hotline::store
