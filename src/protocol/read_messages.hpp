// The replies that carry the log to a client (docs/sync-protocol.md), each with its
// encoder and its strict decoder; the client, the server and the tests' fake server all
// use these.
//
//   GET /pull     {"cursor":1019,"more":false,"ops":[{"op":<operation>,"seq":1017},...]}
//   GET /history  {"ops":[{"op":<operation>,"seq":1017},...]}
//   GET /wait     {"head":1019}
//
// The server writes pull and history replies entry by entry from the operations' stored
// text (OpsReplyText), which is the operation's own encoding (encode_operation): spliced
// in as it is, it gives the same text as decoding and encoding it again, without either.
// Decoding is the client's: an Error with code "bad_reply" naming what is wrong (a missing
// key, a wrong type, a negative seq, an operation that does not decode); unknown extra
// keys are tolerated.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/operation.hpp"
#include "core/result.hpp"

namespace hotline::protocol {

inline constexpr std::int64_t kPullDefaultLimit = 1000;  // a page when "limit" is not given
inline constexpr std::int64_t kPullMaxLimit = 5000;

struct SequencedOp {
    std::int64_t seq = 0;
    Operation op;

    friend bool operator==(const SequencedOp&, const SequencedOp&) = default;
};

struct PullReply {
    std::vector<SequencedOp> ops;
    std::int64_t cursor = 0;  // where the next pull continues
    bool more = false;        // another page is waiting

    friend bool operator==(const PullReply&, const PullReply&) = default;
};
std::string encode_pull_reply(const PullReply& reply);
Result<PullReply> decode_pull_reply(std::string_view body);

struct HistoryReply {
    std::vector<SequencedOp> ops;

    friend bool operator==(const HistoryReply&, const HistoryReply&) = default;
};
std::string encode_history_reply(const HistoryReply& reply);
Result<HistoryReply> decode_history_reply(std::string_view body);

struct WaitReply {
    std::int64_t head = 0;

    friend bool operator==(const WaitReply&, const WaitReply&) = default;
};
std::string encode_wait_reply(const WaitReply& reply);
Result<WaitReply> decode_wait_reply(std::string_view body);

// A pull or history reply written as its operations are read from storage.
class OpsReplyText {
public:
    static OpsReplyText pull(std::int64_t cursor, bool more, std::size_t capacity = 0);
    static OpsReplyText history(std::size_t capacity = 0);
    // `op_json`: an operation's encoding (encode_operation), as stored.
    void add(std::int64_t seq, std::string_view op_json);
    std::string finish() &&;

private:
    std::string text_;
    bool empty_ = true;
};

// Percent-encodes a query parameter value (incident ids hold ':').
std::string url_encode(std::string_view value);

}  // namespace hotline::protocol
