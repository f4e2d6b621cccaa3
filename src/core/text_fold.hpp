// Case folding for the search box: "ÉCOLE", "école" and "Ecole"... are found by
// "école"; "ИВАНОВ" by "иванов". Only the scripts of the seeds' languages are
// folded (Latin, Latin-1, Latin Extended-A, Cyrillic), with simple one-to-one
// mappings that keep every character's UTF-8 length: a folded text is exactly
// as long as the original, so it can be folded in place and offsets into it
// stay valid. Accents are kept here ("e" does not find "é"); lookup_key() below
// drops them, for searching.
// In core, not the app, because the server's record search (GET /records) matches
// with the same lookup keys the app's customer and unit lookups use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hotline {

// Folds text[from..] in place. Invalid or other UTF-8 is left as it is.
void fold_in_place(std::string& text, std::size_t from = 0);

std::string folded(std::string_view text);

// A lookup key (the app's customer and unit lookup, app/customer_lookup.hpp, and
// the API's record search, core/record_filter.hpp): folded(), then
// the accents of Latin letters dropped ("Lefèvre" -> "lefevre"), ligatures
// spelt out ("œ" -> "oe") and ё read as е, because a caller spelling a name on
// the phone gives no accents. Its length differs from the text's: for
// matching, not for offsets.
std::string lookup_key(std::string_view text);
// The same, in place: a buffer used again keeps its allocation (the list's search index
// makes one key per incident at start-up).
void make_lookup_key(std::string& text);

// The digits of a text ("+33 4 78-12" -> "3347812"): how phone numbers are matched.
std::string digits_of(std::string_view text);

// A typed phone number as the digits to look for among phone numbers' digits; ""
// when `typed` is not phone-like (fewer than three digits, or anything else than
// digits, spaces and + - ( ) . /). A national number ("0478 …", "0117 …") is stored
// with its country code ("+33 4 78 …"), so its trunk zeros are dropped: "478" is
// then found in "33478…".
std::string phone_digits_query(std::string_view typed);

// One character at a time, for the collation (collation.hpp): the small-letter
// partner fold_in_place() gives a code point, and the base letter of a Latin-1
// or Latin Extended-A letter ('e' for "é", 'l' for "ł"; 0 for signs and others).
std::uint32_t fold_code_point(std::uint32_t cp);
char latin_base_letter(std::uint32_t cp);

}  // namespace hotline
