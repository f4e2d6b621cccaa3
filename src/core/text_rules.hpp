// Rules for text that one person types and others read. Both kinds start from the UTF-8
// check and refuse:
//   - control characters: C0 (U+0000-U+001F, NUL included), DEL, C1 (U+0080-U+009F);
//   - bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
//     make a name display as other text than it is ("\u202eTom Fletcher" shown reversed);
//   - line breaks (line feed, U+2028, U+2029) in text that is one line.
// line_text_problem: user accounts' display names and passwords (server/users_api): one
// line, no tab either.
// field_text_problem: text values of NEW operations (core/op_admission.hpp), which keep tab,
// and line breaks in multi-line fields and event texts. Operations already stored are not
// held to it: they were admitted under the schema's older rule (no C0 but tab and line
// feed), and a replica must still replay them.
// Lengths of passwords are counted in characters (code points), not bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace hotline {

// What is wrong with `text` as one line of text shown to people, in words that complete
// "The name ..." ("is not valid UTF-8 text"); nullopt when it is fine.
std::optional<std::string_view> line_text_problem(std::string_view text);

// What is wrong with `text` as a text value of a new operation, in words that complete
// "'Title' ..."; nullopt when it is fine. Tabs pass; line breaks only when multi_line.
std::optional<std::string_view> field_text_problem(std::string_view text, bool multi_line);

// The number of Unicode code points of valid UTF-8 text.
std::size_t code_point_count(std::string_view utf8);

}  // namespace hotline
