// The sync protocol's messages as the client sends and reads them
// (docs/sync-protocol.md). Replies are decoded STRICTLY: a body that is not the
// documented shape (not JSON, a missing key, a wrong type, an unknown status, a
// seq that is negative, an operation that does not decode) is an Error with
// code "bad_reply" naming what is wrong. Nothing here throws or aborts,
// whatever the server sends. Unknown extra keys in a reply are tolerated, so a
// newer server can add information without breaking older clients.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/desk.hpp"
#include "core/numbering.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"

namespace hotline::sync {

inline constexpr std::size_t kMaxPushBatch = 5000;   // protocol limit per push
inline constexpr std::size_t kPullPageLimit = 1000;  // the server's default page

// {"replica": ..., "ops": [...], "want_numbers": n}
std::string encode_push_request(const std::string& replica, std::span<const Operation> ops, int want_numbers);

struct PushResult {
    std::optional<OpId> id;             // absent for an undecodable op: then index is set
    std::optional<std::size_t> index;
    ApplyKind status = ApplyKind::applied;  // the server's Desk::apply outcome, by its wire name
    std::int64_t seq = 0;               // applied / superseded / duplicate
    Error error;                        // rejected: code + message
};

struct PushReply {
    std::vector<PushResult> results;
    std::vector<NumberBlock> number_blocks;
    std::int64_t head = 0;
};
Result<PushReply> decode_push_reply(std::string_view body);

struct SequencedOp {
    std::int64_t seq = 0;
    Operation op;
};

struct PullReply {
    std::vector<SequencedOp> ops;
    std::int64_t cursor = 0;
    bool more = false;
};
Result<PullReply> decode_pull_reply(std::string_view body);

// /history: {"ops": [{"seq", "op"}, ...]}
Result<std::vector<SequencedOp>> decode_history_reply(std::string_view body);

// /wait: {"head": n}
Result<std::int64_t> decode_wait_reply(std::string_view body);

// {"error": {"code", "message"}} of a failed call; a readable fallback otherwise.
Error decode_error_reply(int status, std::string_view body);

// Percent-encodes a query parameter value (incident ids hold ':').
std::string url_encode(std::string_view value);

}  // namespace hotline::sync
