// Substring search over prepared (folded) texts, shared by the incident list's
// search box (search_index.hpp) and the registration's customer lookup
// (customer_lookup.hpp), both of which must answer a keystroke over 100,000
// texts in a few milliseconds.
//
// A 64-bit signature of a text's bytes lets a search pass over texts that
// cannot contain the query without reading them: one bit per letter a-z and
// digit 0-9, the other bytes sharing the remaining 28 bits. A text contains a
// query only if its signature has every bit of the query's, and for a query of
// one letter or digit that test is exact: the first keystroke, which matches
// most texts, reads none of them.
#pragma once

#include <cstdint>
#include <string_view>

namespace hotline::app {

struct TextQuery {
    std::string_view text;         // folded, not empty
    std::uint64_t signature = 0;
    bool signature_decides = false;  // one letter or digit: may_contain() is the answer
};

std::uint64_t signature_of(std::string_view text);
TextQuery text_query(std::string_view folded_query);

inline bool may_contain(std::uint64_t text_signature, const TextQuery& query) {
    return (text_signature & query.signature) == query.signature;
}

// The first position at or after `from` where `text` holds `query` (npos if
// none): 32 positions at a time are tested for the query's first and last bytes
// with SIMD instructions (SSE2 natively,
// wasm SIMD in the browser, where memchr goes 4 bytes at a time), and only the
// positions that pass are compared in full (W. Muła's "SIMD-friendly" substring
// search). Two bytes make few false candidates even when each byte is common
// (a space, 'e', the D0/D1 lead byte of every Cyrillic letter).
std::size_t find_text(std::string_view text, std::string_view query, std::size_t from = 0);
inline bool contains(std::string_view text, std::string_view query) {
    return find_text(text, query) != std::string_view::npos;
}

}  // namespace hotline::app
