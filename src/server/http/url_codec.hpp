// Percent-decoding of request targets and query strings (RFC 3986), for the HTTP layer.
// Contract: decoding never guesses. A malformed escape ("%zz", a lone "%") makes the whole
// value invalid (std::nullopt) so the caller answers 400 instead of acting on a half-decoded
// path: a path check done on a different string than the one used is how traversal happens.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hotline::server::http {

// Decodes %XX escapes; with plus_is_space ('+' → ' ') for query strings (HTML forms).
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// "a=1&b=x%20y&flag" → {a:"1", b:"x y", flag:""}. A repeated key keeps its last value.
std::optional<std::map<std::string, std::string>> parse_query(std::string_view query);

// A request target split at the first '?': {path, query} (both still encoded).
struct SplitTarget {
    std::string_view path;
    std::string_view query;
};
SplitTarget split_target(std::string_view target);

}  // namespace hotline::server::http
