// Identifiers shared by every replica.
//
//   replica id  : 1-16 chars of [a-z0-9], chosen at random when a replica is made
//   operation id: "<replica>:<counter>", counter = 1, 2, 3 ... per replica, so an
//                 id is globally unique and a retried push is idempotent
//   actor       : who made a change, "u:<login>" for people, "s:<name>" for the system
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hotline {

bool is_valid_replica_id(std::string_view id);
bool is_valid_actor(std::string_view actor);
// A login is what follows "u:" in an actor: 1-48 chars of [a-z0-9._@-], starting with a letter or digit.
bool is_valid_login(std::string_view login);

struct OpId {
    std::string replica;
    std::uint64_t counter = 0;

    std::string to_string() const;
    // text == to_string(), without building the string (every create is checked so).
    bool is_spelled(std::string_view text) const;
    static Result<OpId> parse(std::string_view text);

    friend bool operator==(const OpId&, const OpId&) = default;
    // Spelled out: libc++ 14 (Emscripten 3.1.6) has no operator<=> for std::string, so a
    // defaulted one is deleted there.
    friend std::strong_ordering operator<=>(const OpId& a, const OpId& b) {
        if (auto c = a.replica.compare(b.replica) <=> 0; c != 0) return c;
        return a.counter <=> b.counter;
    }
};

// Parses a non-negative decimal without sign or leading zeros (except "0").
bool parse_decimal_u64(std::string_view text, std::uint64_t& out);

}  // namespace hotline
