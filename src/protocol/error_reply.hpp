// The body of every refused /api/v1 call (docs/sync-protocol.md), with its encoder and
// its strict decoder:
//
//   {"error":{"code":"forbidden_replica","message":"...","retry_after_ms":60000}}
//
// "retry_after_ms" only with 429 (too many failed logins). Keys are written sorted, as
// nlohmann's dump() writes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hotline::protocol {

struct ErrorReply {
    Error error;
    std::optional<std::int64_t> retry_after_ms;

    friend bool operator==(const ErrorReply&, const ErrorReply&) = default;
};
std::string encode_error_reply(const ErrorReply& reply);
// "bad_reply" when `body` is not this shape.
Result<ErrorReply> decode_error_reply(std::string_view body);

// What a client reports for a call answered with `status`: the server's error when the
// body is an error reply, else "http_<status>" (a proxy's HTML page, an empty body).
Error failure_of(int status, std::string_view body);

}  // namespace hotline::protocol
