// Case folding for the search box (core/text_fold.hpp).
#include <doctest/doctest.h>

#include "core/text_fold.hpp"

using hotline::folded;

TEST_CASE("fold: ASCII, Latin-1 and Latin Extended-A capitals become small letters") {
    CHECK(folded("Printer X-200") == "printer x-200");
    CHECK(folded("ÉCOLE ÇA ÀÖÞ") == "école ça àöþ");
    CHECK(folded("×") == "×");  // U+00D7 is not a letter
    CHECK(folded("ŁÓDŹ ŽĎÁR Œuvre Ÿ") == "łódź žďár œuvre ÿ");
    CHECK(folded("ĲĹĽŊŹŻ") == "ĳĺľŋźż");  // both parities of Latin Extended-A
    CHECK(folded("ĸŉſ") == "ĸŉſ");        // letters without a capital partner stay
}

TEST_CASE("fold: Cyrillic capitals, including Ё and the Ѐ..Џ block") {
    CHECK(folded("ИВАНОВА Анна") == "иванова анна");
    CHECK(folded("ЁЖИК ЯЩИК") == "ёжик ящик");
    CHECK(folded("ЄІЇЎЂЉЊЏ") == "єіїўђљњџ");
}

TEST_CASE("fold: keeps the byte length and leaves other text alone") {
    for (std::string s : {"Grüße SEÑOR", "北京 🙂 ÉTÉ", "Привет, МИР", "\xc3", "a\xd0"}) {
        CHECK(folded(s).size() == s.size());
    }
    CHECK(folded("北京 🙂") == "北京 🙂");
    CHECK(folded("\xc3") == "\xc3");  // a truncated sequence is not touched
}

TEST_CASE("lookup_key: case and accents folded, ё read as е, for the customer lookup") {
    CHECK(hotline::lookup_key("Mme LEFÈVRE") == "mme lefevre");
    CHECK(hotline::lookup_key("Société Générale, Ñandú, Łódź, Œuvre") == "societe generale, nandu, lodz, oeuvre");
    CHECK(hotline::lookup_key("Фёдоров ЁЛКИН") == "федоров елкин");
    CHECK(hotline::lookup_key("ООО «Север» × 2") == "ооо «север» × 2");  // signs keep their code
    CHECK(hotline::lookup_key("") == "");
}
