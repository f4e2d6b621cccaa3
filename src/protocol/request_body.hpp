// Strict reading of request bodies (/api/v1, docs/sync-protocol.md): a JSON object whose
// keys are all known, with the types asked for. Every problem is an Error naming the key,
// which the server answers with 400; nothing is half-read. The push request's decoder
// (push_messages.hpp) and the server's other endpoints read their bodies with these.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace hotline::protocol {

// Parses `body` as a JSON object and refuses keys outside `allowed`. A body nesting deeper
// than kJsonDepthMax ("json_too_deep") is refused before any DOM is built.
Result<nlohmann::json> parse_object(std::string_view body, std::initializer_list<std::string_view> allowed);

// A present string member (error "missing_key"/"bad_type" otherwise).
Result<std::string> string_member(const nlohmann::json& object, std::string_view key);
// An optional integer member within [min, max]; `fallback` when absent.
Result<std::int64_t> integer_member(const nlohmann::json& object, std::string_view key, std::int64_t fallback,
                                    std::int64_t min, std::int64_t max);

}  // namespace hotline::protocol
