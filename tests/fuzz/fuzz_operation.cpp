// Fuzz target: the operation decoder (core/operation_json.hpp), which every operation from a
// client or from a replica's log goes through. Its contract: never throws, never aborts,
// whatever the text. An operation it accepts must encode and decode again to itself, or a
// stored operation would change meaning on the next read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/operation_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto op = hotline::decode_operation(text);
    if (!op.ok()) return 0;
    const auto encoded = hotline::operation_to_json(*op).dump();
    auto again = hotline::decode_operation(encoded);
    // An accepted operation that its own encoding no longer decodes to is a bug: crash so
    // libFuzzer keeps the input.
    if (!again.ok() || hotline::operation_to_json(*again).dump() != encoded) std::abort();
    return 0;
}
