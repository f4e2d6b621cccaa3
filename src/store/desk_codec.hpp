// Binary encoding of a desk for snapshots (byte_codec.hpp primitives).
//
//   stamp        := svarint wall_ms (relative to the record's creation inside a
//                   record, absolute elsewhere) | varint counter | varint replica index
//   tagged       := varint (len << 1 | 1), len bytes   (a string in place)
//                 | varint (k << 1)                    (see ref and op id)
//   ref          := tagged; k = index + 1 in the chunk's string table (strings that
//                   repeat across a chunk: customer snapshots, units, codes, people)
//   op id        := tagged; k = the counter of "<replica of its stamp>:<counter>"
//   string table := varint n, bytes * n
//   entity       := u8 kind (EntityKind) | body                     (format 2)
//   incident     := body of an incident                              (format 1)
//   body         := stamp created | op id (the record's id; keys are written in place)
//                   | svarint number | bytes provisional
//                   | varint n, bytes alias * n
//                   | varint n, ref value * n   (field id order; a newer build reads
//                                                older files with fewer fields: the rest
//                                                get their initial values; fields it does
//                                                not know are read and dropped)
//                   | u8 status | ref created_by | svarint updated_ms
//                   | varint n, (u8 field | stamp) * n
//                   | varint n, (stamp | op id | ref actor | ref type | bytes text) * n
//                   | varint superseded_writes | bytes history
//                   (number, aliases, status and events are the hooks of numbered,
//                   workflow and event kinds; other kinds write them empty)
//   desk header  := varint n, bytes replica * n
//                   | varint n, bytes actor * n
//                   | varint n, (bytes key | bytes label | stamp) * n   (format 1's event
//                                                types; format 2 writes none: they are
//                                                entity records)
//                   | varint n, (varint contiguous | varint m, varint counter * m) * n
//                   | bytes newest hlc ("" when none)
//                   | varint record count | varint chunk count
//
// Format 1 (before the entity model) held incidents only; its incident records
// are entity bodies of kind incident and its header's event types become
// event_type records, so a format 1 snapshot loads unchanged.
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
    std::vector<Entity> format1_event_types;  // read from format 1 headers only
    SeenOps seen;
    Hlc newest_hlc;
    std::uint64_t record_count = 0;
    std::uint32_t chunk_count = 0;
};

// Builds a chunk's string table: add every record of the chunk, then finish().
class StringTableBuilder {
public:
    void add(const Entity& e);
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
void encode_entity(std::string& out, const Entity& e, const StringTableBuilder& table,
                   const std::vector<std::string>& replicas);
Result<Entity> decode_entity(std::string_view data, const std::vector<std::string>& table,
                             const std::vector<std::string>& replicas);
// A format 1 incident record.
Result<Entity> decode_format1_incident(std::string_view data, const std::vector<std::string>& table,
                                       const std::vector<std::string>& replicas);

void encode_desk_header(std::string& out, const DeskHeader& header);
Result<DeskHeader> decode_desk_header(std::string_view data);

}  // namespace hotline::store
