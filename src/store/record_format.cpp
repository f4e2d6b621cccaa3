#include "store/record_format.hpp"

#include "core/byte_codec.hpp"
#include "store/crc32c.hpp"

namespace hotline::store {
namespace {

constexpr char kMagic[4] = {'L', 'T', 'H', 'R'};

std::uint32_t read_fixed32(const char* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

bool magic_at(std::string_view file, std::size_t pos) {
    return pos + 4 <= file.size() && file.compare(pos, 4, std::string_view(kMagic, 4)) == 0;
}

// Length of an intact record starting at pos, or 0.
std::size_t intact_record_at(std::string_view file, std::size_t pos) {
    if (!magic_at(file, pos) || file.size() - pos < kRecordOverhead) return 0;
    std::uint32_t len = read_fixed32(file.data() + pos + 4);
    if (len > kMaxRecordPayload || len > file.size() - pos - kRecordOverhead) return 0;
    std::uint32_t crc = read_fixed32(file.data() + pos + 8);
    std::uint32_t actual = crc32c(file.substr(pos + 4, 4));
    actual = crc32c(file.substr(pos + 12, 1 + len), actual);
    return crc == actual ? kRecordOverhead + len : 0;
}

}  // namespace

std::string file_header(FileKind kind) {
    std::string h = "HOTLN";
    h.push_back(static_cast<char>(kind));
    h.push_back(static_cast<char>(kFormatVersion & 0xff));
    h.push_back(static_cast<char>(kFormatVersion >> 8));
    return h;
}

void append_record(std::string& out, RecordType type, std::string_view payload) {
    out.append(kMagic, 4);
    std::size_t len_pos = out.size();
    ByteWriter w(out);
    w.fixed32(static_cast<std::uint32_t>(payload.size()));
    w.fixed32(0);  // crc placeholder
    out.push_back(static_cast<char>(type));
    out.append(payload);
    std::uint32_t crc = crc32c(std::string_view(out).substr(len_pos, 4));
    crc = crc32c(std::string_view(out).substr(len_pos + 8, 1 + payload.size()), crc);
    for (int i = 0; i < 4; ++i) out[len_pos + 4 + i] = static_cast<char>((crc >> (8 * i)) & 0xff);
}

ScanResult scan_records(std::string_view file, FileKind kind) {
    ScanResult result;
    std::size_t pos = kFileHeaderSize;
    const std::string expected = file_header(kind);
    std::uint16_t version = 0;
    if (file.size() >= kFileHeaderSize)
        version = static_cast<std::uint16_t>(static_cast<unsigned char>(file[6]) |
                                             (static_cast<unsigned char>(file[7]) << 8));
    if (file.substr(0, 6) != std::string_view(expected).substr(0, 6) || version < kOldestFormatVersion ||
        version > kFormatVersion) {
        // A damaged header costs nothing more: the records carry their own
        // checksums. A foreign file simply has no intact record.
        result.bad_header = true;
        pos = 0;
    } else {
        result.version = version;
    }
    result.intact_end = pos;
    while (pos < file.size()) {
        if (std::size_t n = intact_record_at(file, pos)) {
            result.records.push_back({static_cast<RecordType>(file[pos + 12]), file.substr(pos + 13, n - kRecordOverhead)});
            pos += n;
            result.intact_end = pos;
            continue;
        }
        // Damage: skip to the next place where an intact record starts.
        std::size_t next = pos + 1;
        while (next < file.size() && !(magic_at(file, next) && intact_record_at(file, next))) {
            next = file.find(kMagic[0], next + 1);
            if (next == std::string_view::npos) next = file.size();
        }
        ++result.damaged_regions;
        result.damaged_bytes += next - pos;
        result.torn_tail = next == file.size();
        pos = next;
    }
    return result;
}

}  // namespace hotline::store
