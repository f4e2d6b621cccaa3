// Hybrid logical clock (hlc.hpp) and identifiers (ids.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "test_support.hpp"

using namespace hotline;

TEST_CASE("hlc: text form round trips") {
    Hlc h{1764000000123, 0, "r7f3"};
    CHECK(h.to_string() == "1764000000123-0-r7f3");
    auto p = Hlc::parse("1764000000123-0-r7f3");
    REQUIRE(p.ok());
    CHECK(*p == h);

    for (const Hlc& x : {Hlc{kHlcWallMin, 0, "a"}, Hlc{kHlcWallMax, 4294967295u, "abcdefghij012345"},
                         Hlc{1764000000000, 17, "0"}}) {
        auto q = Hlc::parse(x.to_string());
        REQUIRE_MESSAGE(q.ok(), x.to_string());
        CHECK(*q == x);
        CHECK(q->to_string() == x.to_string());
    }
}

TEST_CASE("hlc: malformed text is refused with bad_hlc") {
    const char* bad[] = {
        "",
        "1764000000123",                 // no separators
        "1764000000123-0",               // no replica
        "1764000000123-0-",              // empty replica
        "-0-r7f3",                       // empty wall
        "1764000000123--r7f3",           // empty counter
        "01764000000123-0-r7f3",         // leading zero
        "1764000000123-00-r7f3",         // leading zero in counter
        "+1764000000123-0-r7f3",         // sign
        "1764000000123-0-R7F3",          // upper case replica
        "1764000000123-0-r7-f3",         // '-' inside replica
        "1764000000123-0-r7f3 ",         // trailing space
        " 1764000000123-0-r7f3",         // leading space
        "1764000000123-x-r7f3",          // counter not a number
        "1764000000123-4294967296-r7f3", // counter over 32 bits
        "1764000000123-0-abcdefghij0123456",  // replica of 17 chars
        "1.5e12-0-r7f3",
    };
    for (const char* text : bad) {
        auto r = Hlc::parse(text);
        CHECK_MESSAGE(!r.ok(), "accepted: '" << text << "'");
        if (!r.ok()) CHECK(r.error().code == "bad_hlc");
    }
}

TEST_CASE("hlc: wall time outside 2000-2200 is refused") {
    auto before = Hlc::parse(std::to_string(kHlcWallMin - 1) + "-0-r1");
    REQUIRE_FALSE(before.ok());
    CHECK(before.error().code == "bad_hlc");
    CHECK(before.error().message.find("2000") != std::string::npos);

    auto after = Hlc::parse(std::to_string(kHlcWallMax + 1) + "-0-r1");
    REQUIRE_FALSE(after.ok());
    CHECK(after.error().code == "bad_hlc");

    CHECK_FALSE(Hlc::parse("0-0-r1").ok());
    CHECK_FALSE(Hlc::parse("9999999999999999999-0-r1").ok());  // 19 digits: negative as int64
    CHECK(Hlc::parse(std::to_string(kHlcWallMin) + "-0-r1").ok());
    CHECK(Hlc::parse(std::to_string(kHlcWallMax) + "-0-r1").ok());
}

TEST_CASE("hlc: ordering is by wall, then counter, then replica") {
    Hlc a{1764000000000, 5, "zz"};
    Hlc b{1764000000001, 0, "aa"};
    CHECK(a < b);  // wall beats counter and replica
    Hlc c{1764000000000, 6, "aa"};
    CHECK(a < c);  // counter beats replica
    Hlc d{1764000000000, 5, "zza"};
    CHECK(a < d);  // replica string order decides last
    CHECK(Hlc{1764000000000, 5, "b"} > Hlc{1764000000000, 5, "a"});
    CHECK(Hlc{1764000000000, 5, "b"} == Hlc{1764000000000, 5, "b"});
    CHECK_FALSE(Hlc{1764000000000, 5, "b"} < Hlc{1764000000000, 5, "b"});

    // Sorting by the text form would be wrong ("10" < "9"); the struct order is numeric.
    Hlc small{1764000000000, 9, "r"}, big{1764000000000, 10, "r"};
    CHECK(small < big);
    CHECK(small.to_string() > big.to_string());
}

TEST_CASE("hlc clock: stamps strictly increase even when physical time goes backwards") {
    HlcClock clock("r1");
    std::vector<std::int64_t> physical = {1764000000000, 1764000000000, 1764000000005, 1763999990000,
                                          1763999990000, 1764000000005, 1764000000006, 1700000000000};
    Hlc prev = clock.now(physical[0]);
    CHECK(prev == Hlc{1764000000000, 0, "r1"});
    for (std::size_t i = 1; i < physical.size(); ++i) {
        Hlc next = clock.now(physical[i]);
        CHECK_MESSAGE(next > prev, prev.to_string() << " then " << next.to_string());
        CHECK(next.wall_ms >= prev.wall_ms);  // wall never goes backwards
        CHECK(next.replica == "r1");
        prev = next;
    }
    // The clock went back 10 s: stamps keep the newest wall and count up.
    HlcClock c2("r2");
    Hlc s1 = c2.now(1764000010000);
    Hlc s2 = c2.now(1764000000000);
    CHECK(s2.wall_ms == s1.wall_ms);
    CHECK(s2.counter == s1.counter + 1);
    // Physical time catching up resets the counter.
    Hlc s3 = c2.now(1764000010001);
    CHECK(s3 == Hlc{1764000010001, 0, "r2"});
    CHECK(c2.last() == s3);
}

TEST_CASE("hlc clock: observe() of a remote stamp ahead of us orders later stamps after it") {
    HlcClock clock("r1");
    Hlc mine = clock.now(1764000000000);
    Hlc remote{1764000090000, 7, "r2"};  // a laptop 90 s ahead
    clock.observe(remote, 1764000000100);
    Hlc next = clock.now(1764000000200);
    CHECK(next > remote);
    CHECK(next > mine);
    CHECK(next.wall_ms == remote.wall_ms);
    CHECK(next.replica == "r1");

    // Equal walls: the counter moves past both.
    HlcClock c2("r3");
    (void)c2.now(1764000000000);
    (void)c2.now(1764000000000);  // counter 1
    c2.observe(Hlc{1764000000000, 5, "r4"}, 1764000000000);
    Hlc n2 = c2.now(1764000000000);
    CHECK(n2 > Hlc{1764000000000, 5, "r4"});
    CHECK(n2 > Hlc{1764000000000, 5, "zzzz"});  // by counter, not by replica name

    // A remote stamp behind us changes nothing that matters: still increasing.
    HlcClock c3("r5");
    Hlc a = c3.now(1764000050000);
    c3.observe(Hlc{1764000000000, 99, "r6"}, 1764000000000);
    CHECK(c3.now(1764000000000) > a);

    // Physical time ahead of everything wins with counter 0.
    HlcClock c4("r7");
    (void)c4.now(1764000000000);
    c4.observe(Hlc{1764000000500, 3, "r8"}, 1764000001000);
    CHECK(c4.last() == Hlc{1764000001000, 0, "r7"});
}

TEST_CASE("hlc clock: random interleavings of now/observe stay monotonic and above everything observed") {
    hotline::testing::Rng rng(0x41c);
    HlcClock clock("me");
    Hlc max_seen{0, 0, ""};
    Hlc last{0, 0, ""};
    std::int64_t phys = 1764000000000;
    for (int i = 0; i < 2000; ++i) {
        phys += hotline::testing::uniform(rng, -3000, 3000);  // jittery physical clock
        if (hotline::testing::chance(rng, 30)) {
            Hlc remote{phys + hotline::testing::uniform(rng, -60000, 60000),
                       static_cast<std::uint32_t>(hotline::testing::uniform(rng, 0, 5)), "other"};
            clock.observe(remote, phys);
            max_seen = std::max(max_seen, remote);
        } else {
            Hlc s = clock.now(phys);
            REQUIRE(s > last);
            REQUIRE(s > max_seen);
            last = s;
        }
    }
}

TEST_CASE("hlc clock: restored from the last issued stamp continues after it") {
    HlcClock a("r1");
    (void)a.now(1764000000000);
    Hlc last = a.now(1764000000000);
    HlcClock b("r1", last);
    CHECK(b.now(1763000000000) > last);
}

TEST_CASE("ids: replica ids") {
    CHECK(is_valid_replica_id("r7f3"));
    CHECK(is_valid_replica_id("0"));
    CHECK(is_valid_replica_id("abcdefghij012345"));  // 16
    CHECK_FALSE(is_valid_replica_id(""));
    CHECK_FALSE(is_valid_replica_id("abcdefghij0123456"));  // 17
    CHECK_FALSE(is_valid_replica_id("R7F3"));
    CHECK_FALSE(is_valid_replica_id("r7-f3"));
    CHECK_FALSE(is_valid_replica_id("r7:f3"));
    CHECK_FALSE(is_valid_replica_id("r 7"));
    CHECK_FALSE(is_valid_replica_id("r_7"));
    CHECK_FALSE(is_valid_replica_id("рус"));
}

TEST_CASE("ids: operation ids parse and format") {
    auto id = OpId::parse("r7f3:42");
    REQUIRE(id.ok());
    CHECK(id->replica == "r7f3");
    CHECK(id->counter == 42);
    CHECK(id->to_string() == "r7f3:42");
    CHECK(OpId{"abc", 18446744073709551615ull}.to_string() == "abc:18446744073709551615");
    CHECK(OpId::parse("a:1")->counter == 1);
    CHECK(OpId::parse("a:1234567890123456789")->counter == 1234567890123456789ull);

    const char* bad[] = {"",       "r7f3",    "r7f3:",  ":42",    "r7f3:0",   "r7f3:042",
                         "r7f3:-1", "R7F3:42", "r7f3:4 2", "r7f3:42:1", "r7f3:+42", "r7f3:12345678901234567890",
                         "abcdefghij0123456:1", "r7f3 :42"};
    for (const char* text : bad) {
        auto r = OpId::parse(text);
        CHECK_MESSAGE(!r.ok(), "accepted: '" << text << "'");
        if (!r.ok()) CHECK(r.error().code == "bad_op_id");
    }
    // Ordering: by replica, then counter (numerically).
    CHECK(OpId{"a", 9} < OpId{"a", 10});
    CHECK(OpId{"a", 99} < OpId{"b", 1});
}

TEST_CASE("ids: actors") {
    CHECK(is_valid_actor("u:ivanova"));
    CHECK(is_valid_actor("u:O.Smith-2@example.com"));
    CHECK(is_valid_actor("s:email_in"));
    CHECK(is_valid_actor("u:x"));
    CHECK(is_valid_actor("u:" + std::string(62, 'a')));        // 64 in all
    CHECK_FALSE(is_valid_actor("u:" + std::string(63, 'a')));  // 65
    CHECK_FALSE(is_valid_actor("u:"));
    CHECK_FALSE(is_valid_actor("ivanova"));
    CHECK_FALSE(is_valid_actor("x:ivanova"));
    CHECK_FALSE(is_valid_actor("U:ivanova"));
    CHECK_FALSE(is_valid_actor("u;ivanova"));
    CHECK_FALSE(is_valid_actor("u:iva nova"));
    CHECK_FALSE(is_valid_actor("u:ivanova:2"));
    CHECK_FALSE(is_valid_actor("u:иванова"));
    CHECK_FALSE(is_valid_actor(""));
}

TEST_CASE("ids: parse_decimal_u64") {
    std::uint64_t v = 7;
    CHECK(parse_decimal_u64("0", v));
    CHECK(v == 0);
    CHECK(parse_decimal_u64("1234567890123456789", v));
    CHECK(v == 1234567890123456789ull);
    v = 7;
    CHECK_FALSE(parse_decimal_u64("", v));
    CHECK_FALSE(parse_decimal_u64("00", v));
    CHECK_FALSE(parse_decimal_u64("01", v));
    CHECK_FALSE(parse_decimal_u64("-1", v));
    CHECK_FALSE(parse_decimal_u64("1a", v));
    CHECK_FALSE(parse_decimal_u64("12345678901234567890", v));
    CHECK(v == 7);  // untouched on failure
}

TEST_CASE("hlc clock: a full counter carries into the wall time instead of wrapping below an earlier stamp") {
    const Hlc full{1764000000000, 0xffffffffu, "r1"};
    HlcClock clock("r1", full);
    Hlc next = clock.now(1764000000000);
    CHECK(next > full);
    CHECK(next == Hlc{1764000000001, 0, "r1"});

    // Observing a stamp whose counter is full: later stamps still order after it.
    HlcClock c2("r2");
    (void)c2.now(1764000000000);
    const Hlc remote{1764000000000, 0xffffffffu, "r3"};
    c2.observe(remote, 1764000000000);
    CHECK(c2.last() > remote);
    CHECK(c2.now(1764000000000) > remote);

    // Both full at the same wall time.
    HlcClock c3("r4", Hlc{1764000000000, 0xffffffffu, "r4"});
    c3.observe(Hlc{1764000000000, 0xffffffffu, "r5"}, 0);
    CHECK(c3.last() > Hlc{1764000000000, 0xffffffffu, "zzzz"});
}

TEST_CASE("hlc: a stamp more than the allowed skew ahead of the receiver's clock is refused with clock_ahead") {
    const std::int64_t now = 1764000000000;
    CHECK(check_not_ahead(Hlc{now, 0, "r1"}, now).ok());
    CHECK(check_not_ahead(Hlc{now - 86'400'000, 0, "r1"}, now).ok());  // old stamps are fine: offline work
    CHECK(check_not_ahead(Hlc{now + kHlcMaxAheadMs, 99, "r1"}, now).ok());
    auto ahead = check_not_ahead(Hlc{now + kHlcMaxAheadMs + 1, 0, "r1"}, now);
    REQUIRE_FALSE(ahead.ok());
    CHECK(ahead.error().code == "clock_ahead");
    CHECK(ahead.error().message.find("10 minutes") != std::string::npos);
    CHECK_FALSE(check_not_ahead(Hlc{kHlcWallMax, 0, "r1"}, now).ok());
}

TEST_CASE("hlc clock: fall_back() drops stamps that ran ahead of the physical clock, never moves forward") {
    const std::int64_t now = 1764000000000;
    constexpr std::int64_t kYearMs = 365LL * 24 * 3600 * 1000;
    HlcClock clock("r1");
    (void)clock.now(now + kYearMs);  // the physical clock jumped a year ahead
    CHECK(clock.now(now).wall_ms == now + kYearMs);  // monotonic: still a year ahead
    clock.fall_back(now);             // the server refused it: clock_ahead
    Hlc next = clock.now(now + 5);
    CHECK(next == Hlc{now + 5, 0, "r1"});
    CHECK(check_not_ahead(next, now).ok());

    // Behind the physical time already: nothing changes.
    clock.fall_back(now + 1000);
    CHECK(clock.last() == next);
}
