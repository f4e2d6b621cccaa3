// FieldValues (core/field_values.hpp): a record's values in one buffer behave as a
// vector of strings would, whatever is written where.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/field_values.hpp"

using namespace hotline;

namespace {

std::vector<std::string_view> views(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_CASE("field values: read back what was built, empty values included") {
    const FieldValues v{"title", "", "Hôtel du Parc", "", "Кондиционер"};
    REQUIRE(v.size() == 5);
    CHECK(v[0] == "title");
    CHECK(v[1].empty());
    CHECK(v[2] == "Hôtel du Parc");
    CHECK(v[3].empty());
    CHECK(v[4] == "Кондиционер");
    CHECK(v.to_strings() == std::vector<std::string>{"title", "", "Hôtel du Parc", "", "Кондиционер"});
    CHECK(FieldValues{}.size() == 0);
}

TEST_CASE("field values: set longer, shorter, equal length and from its own bytes") {
    FieldValues v{"a", "bb", "ccc"};
    v.set(1, "a much longer value");
    CHECK(v.to_strings() == std::vector<std::string>{"a", "a much longer value", "ccc"});
    v.set(1, "x");
    CHECK(v.to_strings() == std::vector<std::string>{"a", "x", "ccc"});
    v.set(2, "zzz");
    CHECK(v.to_strings() == std::vector<std::string>{"a", "x", "zzz"});
    v.set(0, v[2]);  // a view into the buffer being rewritten
    CHECK(v.to_strings() == std::vector<std::string>{"zzz", "x", "zzz"});
    v.set(1, v[0].substr(1));
    CHECK(v.to_strings() == std::vector<std::string>{"zzz", "zz", "zzz"});
    v.set(2, "");
    CHECK(v.to_strings() == std::vector<std::string>{"zzz", "zz", ""});
}

TEST_CASE("field values: random writes match a vector of strings, and equal values compare equal") {
    std::mt19937 rng(7);
    std::vector<std::string> model(26);
    FieldValues v(views(model));
    for (int step = 0; step < 5000; ++step) {
        const std::size_t i = rng() % model.size();
        std::string text(rng() % 40, static_cast<char>('a' + rng() % 26));
        if (rng() % 5 == 0) text.clear();
        model[i] = text;
        v.set(i, text);
        REQUIRE(v.to_strings() == model);
    }
    CHECK(v == FieldValues(views(model)));
    model[3] += "!";
    CHECK_FALSE(v == FieldValues(views(model)));
}
