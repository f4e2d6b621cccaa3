// Byte codec (byte_codec.hpp), seen-operation sets (seen_ops.hpp) and Result/Outcome.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <string>

#include "core/byte_codec.hpp"
#include "core/result.hpp"
#include "core/seen_ops.hpp"
#include "test_support.hpp"

using namespace hotline;

TEST_CASE("byte codec: varints, signed varints, bytes and fixed32 round trip") {
    const std::uint64_t unsigned_values[] = {0, 1, 127, 128, 255, 300, 16383, 16384, 0xffffffffull,
                                             std::numeric_limits<std::uint64_t>::max()};
    const std::int64_t signed_values[] = {0, 1, -1, 63, -64, 64, -65, 1764000000123LL,
                                          std::numeric_limits<std::int64_t>::min(),
                                          std::numeric_limits<std::int64_t>::max()};
    std::string buf;
    ByteWriter w(buf);
    for (auto v : unsigned_values) w.varint(v);
    for (auto v : signed_values) w.svarint(v);
    w.bytes("");
    w.bytes(std::string("a\0b", 3));
    w.bytes("Привет");
    w.fixed32(0xdeadbeef);
    w.u8(0xff);

    ByteReader r(buf);
    for (auto v : unsigned_values) {
        std::uint64_t got = 0;
        REQUIRE(r.varint(got));
        CHECK(got == v);
    }
    for (auto v : signed_values) {
        std::int64_t got = 0;
        REQUIRE(r.svarint(got));
        CHECK(got == v);
    }
    std::string s;
    REQUIRE(r.bytes(s, 100));
    CHECK(s.empty());
    REQUIRE(r.bytes(s, 100));
    CHECK(s == std::string("a\0b", 3));
    std::string_view view;
    REQUIRE(r.view(view, 100));
    CHECK(view == "Привет");
    std::uint32_t f = 0;
    REQUIRE(r.fixed32(f));
    CHECK(f == 0xdeadbeef);
    std::uint8_t b = 0;
    REQUIRE(r.u8(b));
    CHECK(b == 0xff);
    CHECK(r.at_end());
    CHECK(r.position() == buf.size());
    CHECK_FALSE(r.u8(b));
    CHECK_FALSE(r.fixed32(f));

    // Sizes: small numbers are small.
    std::string one;
    ByteWriter(one).varint(127);
    CHECK(one.size() == 1);
    std::string two;
    ByteWriter(two).svarint(-64);
    CHECK(two.size() == 1);
}

TEST_CASE("byte codec: the reader refuses to read past the end or past a limit") {
    std::string buf;
    ByteWriter(buf).bytes("hello");
    std::string s;
    CHECK_FALSE(ByteReader(buf).bytes(s, 4));  // over the caller's limit
    CHECK(ByteReader(buf).bytes(s, 5));
    for (std::size_t cut = 0; cut < buf.size(); ++cut) {
        ByteReader r(std::string_view(buf).substr(0, cut));
        CHECK_FALSE(r.bytes(s, 100));
    }
    // A length prefix far beyond the input.
    std::string huge;
    ByteWriter(huge).varint(std::numeric_limits<std::uint64_t>::max());
    huge += "abc";
    CHECK_FALSE(ByteReader(huge).bytes(s, std::numeric_limits<std::size_t>::max()));
    // A varint that never ends (11 continuation bytes).
    std::string endless(11, '\x80');
    std::uint64_t v = 0;
    CHECK_FALSE(ByteReader(endless).varint(v));
    CHECK_FALSE(ByteReader("").varint(v));
    CHECK_FALSE(ByteReader("\x80").varint(v));
    std::uint32_t f = 0;
    CHECK_FALSE(ByteReader("abc").fixed32(f));
}

TEST_CASE("seen ops: contiguous prefix plus sparse later counters") {
    SeenOps seen;
    CHECK_FALSE(seen.contains(0, 1));
    CHECK_FALSE(seen.contains(5, 1));
    seen.insert(0, 1);
    seen.insert(0, 2);
    CHECK(seen.contains(0, 1));
    CHECK(seen.contains(0, 2));
    CHECK_FALSE(seen.contains(0, 3));
    CHECK(seen.ranges()[0].contiguous == 2);

    seen.insert(0, 5);
    seen.insert(0, 4);
    CHECK(seen.contains(0, 5));
    CHECK_FALSE(seen.contains(0, 3));
    CHECK(seen.ranges()[0].contiguous == 2);
    CHECK(seen.ranges()[0].beyond == std::set<std::uint64_t>{4, 5});
    seen.insert(0, 3);  // fills the gap: everything folds into the prefix
    CHECK(seen.ranges()[0].contiguous == 5);
    CHECK(seen.ranges()[0].beyond.empty());
    seen.insert(0, 2);  // again: no change
    CHECK(seen.ranges()[0].contiguous == 5);

    seen.insert(3, 7);  // another replica, out of order
    CHECK(seen.ranges().size() == 4);
    CHECK(seen.contains(3, 7));
    CHECK_FALSE(seen.contains(3, 1));
    CHECK_FALSE(seen.contains(1, 1));
    CHECK_FALSE(seen.contains(0, 6));

    SeenOps copy;
    copy.restore(seen.ranges());
    CHECK(copy == seen);
}

TEST_CASE("seen ops: random insertion orders agree with a plain set") {
    hotline::testing::Rng rng(17);
    std::uint64_t longest_prefix = 0;
    for (int round = 0; round < 50; ++round) {
        SeenOps seen;
        std::set<std::pair<std::uint32_t, std::uint64_t>> model;
        for (int i = 0; i < 300; ++i) {
            auto replica = static_cast<std::uint32_t>(hotline::testing::uniform(rng, 0, 3));
            // Narrow ranges early (long runs fold into the prefix), wide ones later (gaps stay).
            auto counter = static_cast<std::uint64_t>(hotline::testing::uniform(rng, 1, 10 + 4 * round));
            seen.insert(replica, counter);
            model.insert({replica, counter});
        }
        for (std::uint32_t r = 0; r < 5; ++r)
            for (std::uint64_t c = 1; c <= 10 + 4 * static_cast<std::uint64_t>(round) + 5; ++c)
                REQUIRE(seen.contains(r, c) == (model.count({r, c}) == 1));
        for (const auto& range : seen.ranges()) longest_prefix = std::max(longest_prefix, range.contiguous);
        for (const auto& range : seen.ranges()) {
            // The invariant that keeps it small: nothing in `beyond` could have been folded.
            if (!range.beyond.empty()) CHECK(*range.beyond.begin() > range.contiguous + 1);
        }
    }
    CHECK(longest_prefix >= 20);  // runs did fold into the prefix, so the folding was exercised
}

TEST_CASE("result and outcome") {
    Result<int> ok = 5;
    CHECK(ok.ok());
    CHECK(static_cast<bool>(ok));
    CHECK(*ok == 5);
    Result<int> bad = make_error("x", "y");
    CHECK_FALSE(bad.ok());
    CHECK(bad.error() == make_error("x", "y"));
    Result<std::string> s = std::string("abc");
    CHECK(s->size() == 3);
    std::string moved = std::move(s).value();
    CHECK(moved == "abc");

    Outcome good;
    CHECK(good.ok());
    CHECK(Outcome::success().ok());
    Outcome failed = make_error("code", "message");
    CHECK_FALSE(failed.ok());
    CHECK(failed.error().code == "code");
    CHECK(failed.error().message == "message");
}
