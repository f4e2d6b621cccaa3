// CRC-32C (store/crc32c.hpp), which every record of the store carries: the standard check
// values, and the table-driven loop equal to the bit-by-bit definition at every length and
// alignment (the 8-byte steps and the byte tail).
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "store/crc32c.hpp"

using hotline::store::crc32c;

namespace {

std::uint32_t crc32c_bitwise(std::string_view data) {
    std::uint32_t crc = ~0u;
    for (unsigned char b : data) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc & 1) ? (crc >> 1) ^ 0x82f63b78u : crc >> 1;
    }
    return ~crc;
}

}  // namespace

TEST_CASE("crc32c: check values") {
    CHECK(crc32c("") == 0);
    CHECK(crc32c("123456789") == 0xE3069283u);              // the CRC catalogue's check value
    CHECK(crc32c(std::string(32, '\0')) == 0x8A9136AAu);    // RFC 3720 B.4: 32 bytes of zeros
    CHECK(crc32c(std::string(32, '\xff')) == 0x62A8AB43u);  // RFC 3720 B.4: 32 bytes of ones
}

TEST_CASE("crc32c: equal to the bitwise definition for every length, offset and chaining") {
    std::mt19937 rng(5);
    std::string data(300, '\0');
    for (char& c : data) c = static_cast<char>(rng());
    for (std::size_t offset = 0; offset < 8; ++offset)
        for (std::size_t len = 0; offset + len <= data.size(); len += 1 + len / 16) {
            const std::string_view part = std::string_view(data).substr(offset, len);
            REQUIRE(crc32c(part) == crc32c_bitwise(part));
            // Chained over two pieces, as the store checks a record's header and body.
            const std::size_t cut = len / 3;
            CHECK(crc32c(part.substr(cut), crc32c(part.substr(0, cut))) == crc32c(part));
        }
}
