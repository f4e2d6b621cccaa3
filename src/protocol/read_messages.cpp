#include "protocol/read_messages.hpp"

#include <nlohmann/json.hpp>

#include "core/operation_json.hpp"
#include "protocol/json_text.hpp"
#include "protocol/reply_json.hpp"

namespace hotline::protocol {
namespace {

using nlohmann::json;
namespace rj = reply_json;

// `where`: "ops[3]", for the errors.
Result<SequencedOp> decode_entry(const json& e, const std::string& where) {
    if (!e.is_object()) return rj::bad(where + " is not an object");
    auto seq = rj::count_member(e, "seq");
    if (!seq) return rj::at(where, seq.error());
    auto it = e.find("op");
    if (it == e.end()) return rj::bad(where + ": missing \"op\"");
    auto op = decode_operation(*it);
    if (!op) return rj::bad(where + ".op: " + op.error().message);
    return SequencedOp{*seq, std::move(op.value())};
}

Result<std::vector<SequencedOp>> decode_ops(const json& reply) {
    auto list = rj::array_member(reply, "ops");
    if (!list) return list.error();
    std::vector<SequencedOp> out;
    out.reserve((*list)->size());
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        auto entry = decode_entry((**list)[i], "ops[" + std::to_string(i) + "]");
        if (!entry) return entry.error();
        out.push_back(std::move(entry.value()));
    }
    return out;
}

std::string encode_ops(OpsReplyText text, const std::vector<SequencedOp>& ops) {
    for (const SequencedOp& entry : ops) text.add(entry.seq, encode_operation(entry.op));
    return std::move(text).finish();
}

}  // namespace

OpsReplyText OpsReplyText::pull(std::int64_t cursor, bool more, std::size_t capacity) {
    OpsReplyText t;
    t.text_.reserve(capacity);
    t.text_ += "{\"cursor\":";
    json_text::append_int(t.text_, cursor);
    t.text_ += ",\"more\":";
    json_text::append_bool(t.text_, more);
    t.text_ += ",\"ops\":[";
    return t;
}

OpsReplyText OpsReplyText::history(std::size_t capacity) {
    OpsReplyText t;
    t.text_.reserve(capacity);
    t.text_ += "{\"ops\":[";
    return t;
}

void OpsReplyText::add(std::int64_t seq, std::string_view op_json) {
    text_ += empty_ ? "{\"op\":" : ",{\"op\":";
    empty_ = false;
    text_ += op_json;
    text_ += ",\"seq\":";
    json_text::append_int(text_, seq);
    text_ += '}';
}

std::string OpsReplyText::finish() && {
    text_ += "]}";
    return std::move(text_);
}

std::string encode_pull_reply(const PullReply& reply) {
    return encode_ops(OpsReplyText::pull(reply.cursor, reply.more), reply.ops);
}

Result<PullReply> decode_pull_reply(std::string_view body) {
    auto j = rj::parse_object(body);
    if (!j) return j.error();
    auto ops = decode_ops(*j);
    if (!ops) return ops.error();
    auto cursor = rj::count_member(*j, "cursor");
    if (!cursor) return cursor.error();
    auto more = j->find("more");
    if (more == j->end() || !more->is_boolean()) return rj::bad("\"more\" is missing or not a boolean");
    return PullReply{std::move(ops.value()), *cursor, more->get<bool>()};
}

std::string encode_history_reply(const HistoryReply& reply) { return encode_ops(OpsReplyText::history(), reply.ops); }

Result<HistoryReply> decode_history_reply(std::string_view body) {
    auto j = rj::parse_object(body);
    if (!j) return j.error();
    auto ops = decode_ops(*j);
    if (!ops) return ops.error();
    return HistoryReply{std::move(ops.value())};
}

std::string encode_wait_reply(const WaitReply& reply) {
    std::string out = "{\"head\":";
    json_text::append_int(out, reply.head);
    out += '}';
    return out;
}

Result<WaitReply> decode_wait_reply(std::string_view body) {
    auto j = rj::parse_object(body);
    if (!j) return j.error();
    auto head = rj::count_member(*j, "head");
    if (!head) return head.error();
    return WaitReply{*head};
}

std::string url_encode(std::string_view value) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '_' || c == '.' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace hotline::protocol
