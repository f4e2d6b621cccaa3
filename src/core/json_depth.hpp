// A guard in front of JSON parsers: how deeply a text nests, found by one pass over its
// bytes, before any DOM is built. nlohmann's parser builds whatever nesting it is given; an
// 8 MB body of "[[[[..." cost half a second and 180 MB. Every request body the server
// parses goes through this first (protocol/request_body.hpp).
#pragma once

#include <cstddef>
#include <string_view>

namespace hotline {

// Deep enough for every message of the protocol (a push is 4 levels), shallow enough that
// nothing costly hides in it.
inline constexpr std::size_t kJsonDepthMax = 32;

// false when objects and arrays in `text` nest deeper than `max_depth`. Brackets inside
// strings do not count; malformed text is the parser's to refuse, not this scan's.
bool json_depth_within(std::string_view text, std::size_t max_depth = kJsonDepthMax);

}  // namespace hotline
