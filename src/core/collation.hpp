// The sort order of texts for people: the incident list sorted by title,
// customer or assignee (app/sort_keys.hpp) puts "Élodie" with the E's, "Ёлкин"
// with the Е's and "D'Angelo" before "Dalla", as a French, Russian or Italian
// reader expects, not after "z" as byte order would.
//
// A multi-level collation in the manner of Unicode's (UCA/CLDR root), for the
// scripts the desk folds (text_fold.hpp: ASCII, Latin-1, Latin Extended-A,
// Cyrillic U+0400..U+045F):
//   1. primary, the letters: case and accents ignored ("e" = "É" = "ë"), ligatures
//      as their letters ("œ" = "oe", "æ" = "ae", "ß" = "ss"), ё as е and й as its
//      own letter after и (Russian), Cyrillic in the Russian alphabet's order and
//      the other Cyrillic letters (є, і, ђ...) after я. Blocks in the root order:
//      spaces < punctuation < signs < digits < Latin < Cyrillic < everything else
//      (by code point). Spaces and punctuation count ("De Luca" < "Decker"), digits
//      one by one ("10" < "9"); control characters are ignored;
//   2. secondary, the accents, compared left to right (as CLDR's French, not the
//      old "backwards" French of Canada): none < acute < grave < breve <
//      circumflex < caron < ring < diaeresis < double acute < tilde < dot <
//      stroke < cedilla < ogonek < macron, so "cote" < "coté" < "côte" < "côté",
//      "e" < "é" < "è" < "ê" < "ë", and "е" < "ё";
//   3. tertiary, the case: small letters first ("dupont" < "Dupont"), then a
//      ligature after its letters.
// Texts equal at all three levels are equal (the list then keeps them by row).
#pragma once

#include <string>
#include <string_view>

namespace hotline {

// Bytes whose byte-wise order (memcmp, std::string's <) is the collation order of
// the texts: compare keys instead of texts, and compute each key once.
std::string collation_key(std::string_view text);

}  // namespace hotline
