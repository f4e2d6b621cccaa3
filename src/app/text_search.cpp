#include "app/text_search.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace hotline::app {
namespace {

constexpr int kOwnBits = 36;  // a-z, 0-9
constexpr std::uint64_t kHighs = 0x8080808080808080u;
static_assert(std::endian::native == std::endian::little);  // x86-64 and wasm: byte k of a word is text[k]

// 16 bytes as one vector (GCC and Clang's vector extension): SSE2 natively,
// wasm SIMD where the app is built with -msimd128.
using Bytes16 = unsigned char __attribute__((vector_size(16)));
constexpr std::size_t kWindow = 32;  // positions tested before one branch: two vectors

constexpr std::uint64_t signature_bit(unsigned char c) {
    if (c >= 'a' && c <= 'z') return std::uint64_t{1} << (c - 'a');
    if (c >= '0' && c <= '9') return std::uint64_t{1} << (26 + c - '0');
    return std::uint64_t{1} << (kOwnBits + c % (64 - kOwnBits));
}

// Every row's text is signed at start-up (100,000 rows): one table load per byte
// instead of the branches above (37 % of building the list, before).
constexpr auto kSignatureBits = [] {
    std::array<std::uint64_t, 256> bits{};
    for (unsigned c = 0; c < 256; ++c) bits[c] = signature_bit(static_cast<unsigned char>(c));
    return bits;
}();

}  // namespace

std::uint64_t signature_of(std::string_view text) {
    std::uint64_t signature = 0;
    for (char c : text) signature |= kSignatureBits[static_cast<unsigned char>(c)];
    return signature;
}

TextQuery text_query(std::string_view folded_query) {
    const std::uint64_t signature = signature_of(folded_query);
    return {folded_query, signature, folded_query.size() == 1 && signature < (std::uint64_t{1} << kOwnBits)};
}

std::size_t find_text(std::string_view text, std::string_view query, std::size_t from) {
    const std::size_t n = query.size();
    if (from > text.size()) return std::string_view::npos;
    if (n == 0) return from;
    const std::size_t size = text.size() - from;
    if (size < n + kWindow - 1) return text.find(query, from);  // shorter than one window
    const char* const t = text.data() + from;
    const Bytes16 first = Bytes16{} + static_cast<unsigned char>(query.front());
    const Bytes16 last = Bytes16{} + static_cast<unsigned char>(query.back());
    // 16 positions from p: 0xff where both their first and last bytes match.
    auto both = [&](std::size_t p) {
        Bytes16 starts, ends;
        std::memcpy(&starts, t + p, sizeof starts);
        std::memcpy(&ends, t + p + n - 1, sizeof ends);
        return (starts == first) & (ends == last);
    };
    // Windows of kWindow positions, one test for all of them; the last window ends
    // with the text (it may overlap the one before).
    const std::size_t last_window = size - n - (kWindow - 1);
    for (std::size_t i = 0;; i += kWindow) {
        const std::size_t at = std::min(i, last_window);
        const auto low = both(at), high = both(at + 16);
        std::uint64_t words[4];
        std::memcpy(words, &low, 16);
        std::memcpy(words + 2, &high, 16);
        if ((words[0] | words[1] | words[2] | words[3]) != 0)
            for (std::size_t w = 0; w < 4; ++w)
                for (std::uint64_t found = words[w] & kHighs; found; found &= found - 1) {
                    const std::size_t p = at + 8 * w + static_cast<std::size_t>(std::countr_zero(found)) / 8;
                    // The first and last bytes match: compare the ones between.
                    if (n <= 2 || std::memcmp(t + p + 1, query.data() + 1, n - 2) == 0) return from + p;
                }
        if (at == last_window) return std::string_view::npos;
    }
}

}  // namespace hotline::app
