// Framing of every record in every store file (snapshot chunks, operation
// log, metadata).
//
//   file   := header record*
//   header := 8 bytes: "HOTLN" + kind letter ('S' snapshot chunk, 'L' log,
//             'M' metadata) + format version (2 bytes, little endian); files are
//             written in kFormatVersion and read from kOldestFormatVersion on
//             (desk_codec.hpp says what changed)
//   record := magic (4 bytes, 0x4c 0x54 0x48 0x52, "LTHR")
//             length (fixed32, bytes of payload)
//             crc    (fixed32, CRC-32C of length bytes + type + payload)
//             type   (1 byte, RecordType)
//             payload
//
// The magic lets a reader that meets a damaged record find the next intact
// one, so damage costs only the damaged records; the CRC covers the length so
// a corrupt length is caught too. A record cut short at the end of a file (a
// torn write) is reported and skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::store {

enum class FileKind : char { snapshot = 'S', log = 'L', meta = 'M' };
enum class RecordType : std::uint8_t {
    meta = 1,          // payload: JSON, see replica_meta.hpp
    desk_header = 2,   // payload: desk_codec.hpp
    incident = 3,      // payload: desk_codec.hpp (format 1 only)
    operation = 4,     // payload: the operation's JSON (operation_json.hpp)
    string_table = 5,  // payload: desk_codec.hpp
    entity = 6,        // payload: desk_codec.hpp (format 2 on)
};

inline constexpr std::uint16_t kFormatVersion = 2;
inline constexpr std::uint16_t kOldestFormatVersion = 1;
inline constexpr std::size_t kFileHeaderSize = 8;
inline constexpr std::size_t kRecordOverhead = 13;
inline constexpr std::uint32_t kMaxRecordPayload = 64u * 1024 * 1024;

std::string file_header(FileKind kind);
void append_record(std::string& out, RecordType type, std::string_view payload);

struct RecordView {
    RecordType type;
    std::string_view payload;
};

struct ScanResult {
    std::vector<RecordView> records;   // intact records, in file order
    std::size_t damaged_regions = 0;   // stretches of bytes that were skipped
    std::size_t damaged_bytes = 0;
    bool bad_header = false;           // wrong magic, kind or version; records were still looked for
    std::uint16_t version = 0;         // the file's format version (0 when the header is bad)
    bool torn_tail = false;            // the last damaged region runs to the end of the file
    std::size_t intact_end = 0;        // offset just past the last intact record
};

// Never reads out of bounds and never throws, whatever `file` holds.
ScanResult scan_records(std::string_view file, FileKind kind);

}  // namespace hotline::store
