// Rules for text that one person types and others read, beyond what an incident field needs:
// user accounts' display names and passwords (server/users_api) are checked here. Incident
// fields keep their own rules (schema.hpp: UTF-8, no C0 control character but tab and line
// feed); these rules start from the same UTF-8 check and refuse more:
//   - every control character: C0 (U+0000-U+001F, NUL included), DEL, C1 (U+0080-U+009F);
//   - the line and paragraph separators U+2028, U+2029 (the text is one line);
//   - bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
//     make a name display as other text than it is ("\u202eTom Fletcher" shown reversed).
// Lengths of passwords are counted in characters (code points), not bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace hotline {

// What is wrong with `text` as one line of text shown to people, in words that complete
// "The name ..." ("is not valid UTF-8 text"); nullopt when it is fine.
std::optional<std::string_view> line_text_problem(std::string_view text);

// The number of Unicode code points of valid UTF-8 text.
std::size_t code_point_count(std::string_view utf8);

}  // namespace hotline
