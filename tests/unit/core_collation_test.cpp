// The collation of names and titles (core/collation.hpp): orders as French,
// Russian and Italian readers expect, where byte order would not.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/collation.hpp"

using hotline::collation_key;

namespace {

// `texts` sorted by their collation keys.
std::vector<std::string> collated(std::vector<std::string> texts) {
    std::stable_sort(texts.begin(), texts.end(),
                     [](const std::string& a, const std::string& b) { return collation_key(a) < collation_key(b); });
    return texts;
}

// Every order of `expected` collates back to it.
void check_order(const std::vector<std::string>& expected) {
    std::vector<std::string> shuffled(expected.rbegin(), expected.rend());
    CHECK(collated(shuffled) == expected);
    std::rotate(shuffled.begin(), shuffled.begin() + static_cast<std::ptrdiff_t>(shuffled.size() / 2), shuffled.end());
    CHECK(collated(shuffled) == expected);
}

}  // namespace

TEST_CASE("collation: French names, accents second, case third, ligatures as their letters") {
    check_order({"Denis", "éclair", "Émile", "Étienne", "Eve", "Ève", "Zoé"});  // byte order puts É after Z
    check_order({"cote", "coté", "côte", "côté"});                             // accents compared left to right
    check_order({"e", "é", "è", "ê", "ë"});
    check_order({"Dupond", "dupont", "Dupont", "DUPONT"});
    check_order({"Odile", "Œuvre", "Ophélie"});
    check_order({"Strasse", "Straße", "Strassen"});
    CHECK(collation_key("Boulangerie Lefèvre") < collation_key("Boulangerie Lefevrier"));
}

TEST_CASE("collation: Russian names, ё with е, й as a letter of its own") {
    check_order({"Абрамов", "Елисеев", "Ёлкин", "Ершов", "Жуков", "Иосиф", "Йемен", "Яковлев"});
    check_order({"Еж", "Ёж", "Ежи"});
    check_order({"ООО «Север»", "ооо «Юг»", "Север"});
    check_order({"Мельник", "Єрмак", "Іванко"});  // other Cyrillic letters after я
}

TEST_CASE("collation: Italian names, spaces and apostrophes before letters") {
    check_order({"D'Angelo", "Dalla Costa", "De Luca", "Dell'Acqua", "Niccolò", "Nicola", "Nicolò", "Zanetti"});
    check_order({"perche", "perché", "perchè"});
}

TEST_CASE("collation: blocks in order, controls ignored, any bytes accepted") {
    check_order({"", " ", "-", "«", "0", "10", "9", "Alpha", "Север", "北京"});
    CHECK(collation_key("a\tb") == collation_key("ab"));
    CHECK(collation_key("") == "");
    CHECK(collation_key("\xe2\x82\xac") < collation_key("\xc3"));  // the euro sign, then a stray byte
    CHECK(collation_key("x\xd0") > collation_key("x"));
}
