#include "store/crc32c.hpp"

#include <array>
#include <bit>
#include <cstring>

namespace hotline::store {
namespace {

// Slicing-by-8 tables: eight bytes per step, so checksumming a snapshot costs
// a small share of loading it (by-4 was 14 % of a load's instructions; the web
// build has no CRC instruction to use instead).
constexpr std::array<std::array<std::uint32_t, 256>, 8> make_tables() {
    std::array<std::array<std::uint32_t, 256>, 8> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0x82f63b78u : c >> 1;
        t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i)
        for (int s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
    return t;
}

constexpr auto kTables = make_tables();

}  // namespace

std::uint32_t crc32c(std::string_view data, std::uint32_t crc) {
    crc = ~crc;
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t n = data.size();
    // One load per four bytes; the tables assume the first byte is the lowest.
    static_assert(std::endian::native == std::endian::little, "crc32c reads words little-endian");
    auto le32 = [](const unsigned char* b) {
        std::uint32_t v;
        std::memcpy(&v, b, sizeof v);
        return v;
    };
    while (n >= 8) {
        crc ^= le32(p);
        const std::uint32_t hi = le32(p + 4);
        crc = kTables[7][crc & 0xff] ^ kTables[6][(crc >> 8) & 0xff] ^ kTables[5][(crc >> 16) & 0xff] ^
              kTables[4][crc >> 24] ^ kTables[3][hi & 0xff] ^ kTables[2][(hi >> 8) & 0xff] ^
              kTables[1][(hi >> 16) & 0xff] ^ kTables[0][hi >> 24];
        p += 8;
        n -= 8;
    }
    while (n--) crc = (crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xff];
    return ~crc;
}

}  // namespace hotline::store
