// CRC-32C (Castagnoli), the checksum on every stored record. Table-driven,
// portable (no SSE4.2 in WebAssembly).
#pragma once

#include <cstdint>
#include <string_view>

namespace hotline::store {

std::uint32_t crc32c(std::string_view data, std::uint32_t crc = 0);

}  // namespace hotline::store
