// POST /push (docs/sync-protocol.md): the request a client replica sends and the reply
// the server gives, each with its encoder and its strict decoder. The client, the server
// and the tests' fake server all use these, so the wire form is defined once.
//
//   request  {"ops":[<operation>...],"replica":"r7f3","want_numbers":100}
//   reply    {"head":1019,"number_blocks":[{"first":10100,"last":10199}],"results":[
//              {"id":"r7f3:42","seq":1017,"status":"applied"},
//              {"code":"...","id":"r7f3:45","message":"...","status":"rejected"},
//              {"code":"...","index":4,"message":"...","status":"rejected"}]}
//
// Keys are written sorted (as nlohmann's dump() writes them), without a DOM: a reply of
// thousands of results built as a DOM cost more than storing the batch.
//
// The request is decoded as the server reads it: the envelope strictly (Errors with the
// request codes of request_body.hpp, and "bad_replica", "batch_too_large"), each operation
// on its own, so that one bad operation is refused by its index while the rest apply.
// The reply is decoded as the client reads it: an Error with code "bad_reply" naming what
// is wrong, whatever the server sent.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/desk.hpp"
#include "core/ids.hpp"
#include "core/numbering.hpp"
#include "core/operation.hpp"
#include "core/result.hpp"

namespace hotline::protocol {

inline constexpr std::size_t kMaxPushBatch = 5000;           // operations per push
inline constexpr std::int64_t kMaxNumbersPerLease = 1000;    // "want_numbers"
// The replica the server's own operations belong to, and their actor: no client may use it.
inline constexpr std::string_view kServerReplica = "server";
inline constexpr std::string_view kServerActor = "s:server";

// A replica id a client may hold (core/ids.hpp, and not kServerReplica); else "bad_replica".
Outcome check_client_replica(std::string_view replica);

struct PushRequest {
    std::string replica;
    std::vector<Result<Operation>> ops;  // decoded one by one: an operation, or why it is not one
    std::int64_t want_numbers = 0;
};
std::string encode_push_request(std::string_view replica, std::span<const Operation> ops, std::int64_t want_numbers);
// Refuses more than kMaxPushBatch operations with "batch_too_large" (answered 413).
Result<PushRequest> decode_push_request(std::string_view body);

// "applied", "superseded", "duplicate", "rejected": Desk::apply's outcome by its wire name.
std::string_view apply_kind_name(ApplyKind kind);
std::optional<ApplyKind> apply_kind_by_name(std::string_view name);

// One entry of a push reply's "results", in the order of the request's operations.
struct PushResult {
    std::optional<OpId> id;            // absent for an operation that did not decode...
    std::optional<std::size_t> index;  // ...then its position in "ops"
    ApplyKind status = ApplyKind::applied;
    std::int64_t seq = 0;              // where it is in the log; not sent for a rejection
    Error error;                       // rejected: why (code + message)

    friend bool operator==(const PushResult&, const PushResult&) = default;
};

struct PushReply {
    std::vector<PushResult> results;
    std::vector<NumberBlock> number_blocks;  // leased by this push ("want_numbers")
    std::int64_t head = 0;                   // the log's last sequence number

    friend bool operator==(const PushReply&, const PushReply&) = default;
};
std::string encode_push_reply(const PushReply& reply);
Result<PushReply> decode_push_reply(std::string_view body);

}  // namespace hotline::protocol
