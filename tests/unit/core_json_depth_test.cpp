// The nesting guard in front of JSON parsers (core/json_depth.hpp).
#include <doctest/doctest.h>

#include <string>

#include "core/json_depth.hpp"

using namespace hotline;

TEST_CASE("json depth: objects and arrays count, brackets in strings do not") {
    CHECK(json_depth_within("", 0));
    CHECK(json_depth_within("42", 0));
    CHECK_FALSE(json_depth_within("[]", 0));
    CHECK(json_depth_within("[]", 1));
    CHECK(json_depth_within(R"({"a":[1,{"b":[]}]})", 4));
    CHECK_FALSE(json_depth_within(R"({"a":[1,{"b":[]}]})", 3));
    CHECK(json_depth_within(R"([[],[],[],[]])", 2));  // siblings do not add up
    CHECK(json_depth_within(R"(["[[[[", "{{{{"])", 1));
    CHECK(json_depth_within(R"(["\"[[[[\\", "\\"])", 1));  // escaped quotes and backslashes
    CHECK_FALSE(json_depth_within(R"(["\\"[[])", 2));      // the string ended before the brackets
    CHECK(json_depth_within("]]]]", 0));                   // malformed: the parser's business
}

TEST_CASE("json depth: a megabyte of opening brackets is refused at the limit") {
    const std::string deep(1 << 20, '[');
    CHECK_FALSE(json_depth_within(deep));
    CHECK(json_depth_within(std::string(kJsonDepthMax, '[') + std::string(kJsonDepthMax, ']')));
    CHECK_FALSE(json_depth_within(std::string(kJsonDepthMax + 1, '[') + std::string(kJsonDepthMax + 1, ']')));
}
