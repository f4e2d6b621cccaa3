// The substring search under the list's search box and the customer lookup
// (app/text_search.hpp): the same answers as std::string_view::find.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/text_search.hpp"
#include "test_support.hpp"

using namespace hotline::app;
using hotline::testing::uniform;

TEST_CASE("text search: find_text() and contains() answer as std::string::find, at every position and length") {
    hotline::testing::Rng rng(31);
    // A small alphabet makes near misses common: first and last bytes that match, middles that do not.
    const std::string alphabet = "ab\x01\xd0\xb8\x80";
    for (int round = 0; round < 20000; ++round) {
        std::string text, query;
        // Up to 120 bytes: texts shorter than one window (32 positions), and several windows.
        for (auto i = uniform(rng, 0, 120); i > 0; --i) text += alphabet[static_cast<std::size_t>(uniform(rng, 0, 5))];
        for (auto i = uniform(rng, 1, 5); i > 0; --i) query += alphabet[static_cast<std::size_t>(uniform(rng, 0, 5))];
        CAPTURE(text);
        CAPTURE(query);
        REQUIRE(contains(text, query) == (text.find(query) != std::string::npos));
        const auto from = static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(text.size()) + 1));
        REQUIRE(find_text(text, query, from) == text.find(query, from));
    }
    CHECK(contains("", ""));
    CHECK_FALSE(contains("", "a"));
    const std::string text = "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
    CHECK(contains(text, "GH"));  // the last position: the last window ends with the text
    CHECK(contains(text, "01"));
    CHECK(contains(text, "z0"));  // in the last window, which overlaps the first
    CHECK_FALSE(contains(text, "HG"));
}

TEST_CASE("text search: a signature never rules out a text that contains the query, and decides one letter or digit") {
    hotline::testing::Rng rng(37);
    const std::vector<std::string> pieces = {"a", "b", "z", "0", "9", " ", "-", "é", "ё", "Ж", "\x01", "@"};
    for (int round = 0; round < 5000; ++round) {
        std::string text, query;
        for (auto i = uniform(rng, 0, 12); i > 0; --i) text += hotline::testing::pick(rng, pieces);
        for (auto i = uniform(rng, 1, 2); i > 0; --i) query += hotline::testing::pick(rng, pieces);
        const TextQuery q = text_query(query);
        const bool found = text.find(query) != std::string::npos;
        CAPTURE(text);
        CAPTURE(query);
        if (found) REQUIRE(may_contain(signature_of(text), q));
        if (q.signature_decides) REQUIRE(may_contain(signature_of(text), q) == found);
    }
    CHECK(text_query("b").signature_decides);
    CHECK(text_query("7").signature_decides);
    CHECK_FALSE(text_query("-").signature_decides);  // shares its bit with other bytes
    CHECK_FALSE(text_query("é").signature_decides);
    CHECK_FALSE(text_query("bo").signature_decides);
}
