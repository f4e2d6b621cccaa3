// server/login_limiter.hpp: which addresses count as one client.
#include <doctest/doctest.h>

#include <string>

#include "server/login_limiter.hpp"

using hotline::server::LoginLimiter;

namespace {

constexpr std::int64_t kNow = 1'764'000'000'000;

// kMaxFailuresPerAddress failed logins, each from address_of(i) under another login.
template <typename AddressOf>
void fail_from(LoginLimiter& limiter, AddressOf address_of) {
    for (std::size_t i = 0; i < LoginLimiter::kMaxFailuresPerAddress; ++i)
        limiter.record_attempt("user" + std::to_string(i), address_of(i), kNow);
}

std::string hex(std::size_t i) {
    static const char* digits = "0123456789abcdef";
    return std::string(1, digits[(i >> 12) & 15]) + digits[(i >> 8) & 15] + digits[(i >> 4) & 15] + digits[i & 15];
}

}  // namespace

TEST_CASE("login limiter: every address of an IPv6 /64 counts against the same ceiling") {
    LoginLimiter limiter;
    // A new interface identifier per guess, as privacy addresses allow.
    fail_from(limiter, [](std::size_t i) { return "2001:db8:1:2:" + hex(i) + ":0:0:" + hex(i * 7); });
    CHECK(limiter.retry_after_ms("petrov", "2001:db8:1:2::1", kNow) > 0);
    CHECK(limiter.retry_after_ms("petrov", "2001:db8:1:2:ffff:ffff:ffff:ffff", kNow) > 0);
    // The neighbouring /64 is another client.
    CHECK(limiter.retry_after_ms("petrov", "2001:db8:1:3::1", kNow) == 0);
    CHECK(limiter.retry_after_ms("petrov", "192.0.2.7", kNow) == 0);
}

TEST_CASE("login limiter: one login's guesses from one /64 are one pair, whatever the address") {
    LoginLimiter limiter;
    for (std::size_t i = 0; i < LoginLimiter::kMaxFailuresPerPair; ++i)
        limiter.record_attempt("ivanova", "2001:db8::" + hex(i + 1), kNow);
    CHECK(limiter.retry_after_ms("ivanova", "2001:db8::beef", kNow) > 0);
    CHECK(limiter.retry_after_ms("petrov", "2001:db8::beef", kNow) == 0);
    CHECK(limiter.retry_after_ms("ivanova", "2001:db8:0:1::beef", kNow) == 0);
    // A success forgets the pair for the whole /64.
    limiter.record_success("ivanova", "2001:db8::cafe", kNow);
    CHECK(limiter.retry_after_ms("ivanova", "2001:db8::beef", kNow) == 0);
}

TEST_CASE("login limiter: an IPv4-mapped IPv6 address is the IPv4 address it maps") {
    LoginLimiter limiter;
    fail_from(limiter, [](std::size_t i) { return i % 2 ? "::ffff:192.0.2.7" : "192.0.2.7"; });
    CHECK(limiter.retry_after_ms("petrov", "192.0.2.7", kNow) > 0);
    CHECK(limiter.retry_after_ms("petrov", "::ffff:192.0.2.7", kNow) > 0);
    // IPv4 addresses stay apart: a /64 rule must not lump them together.
    CHECK(limiter.retry_after_ms("petrov", "192.0.2.8", kNow) == 0);
    CHECK(limiter.retry_after_ms("petrov", "::ffff:192.0.2.8", kNow) == 0);
}
