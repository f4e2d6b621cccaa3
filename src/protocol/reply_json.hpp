// Strict reading of the server's replies, shared by the reply decoders of
// push_messages.hpp, read_messages.hpp and error_reply.hpp. Every problem is an Error
// with code "bad_reply" naming what is wrong; nothing throws. Unknown extra keys are
// not looked at, so a newer server can add information without breaking older clients.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace hotline::protocol::reply_json {

Error bad(std::string what);
// `body` parsed, if it is a JSON object.
Result<nlohmann::json> parse_object(std::string_view body);
// A non-negative integer member.
Result<std::int64_t> count_member(const nlohmann::json& object, const char* key);
Result<std::string> string_member(const nlohmann::json& object, const char* key);
Result<const nlohmann::json*> array_member(const nlohmann::json& object, const char* key);
// `what` prefixed to the message of a failed member read: "results[3]: missing \"seq\"".
Error at(const std::string& where, const Error& e);

}  // namespace hotline::protocol::reply_json
