#include "sync/protocol_messages.hpp"

#include <nlohmann/json.hpp>

#include "core/json_depth.hpp"
#include "core/operation_json.hpp"

namespace hotline::sync {
namespace {

using nlohmann::json;

Error bad(std::string what) { return make_error("bad_reply", "The server's reply is malformed: " + std::move(what)); }

// Every reply body goes through here. A server (or whatever answers in its place) could send
// "[[[[..." as deep as it likes: refused before nlohmann builds a DOM of it, as the server
// refuses such requests (core/json_depth.hpp).
Result<json> parse_object(std::string_view body) {
    if (!json_depth_within(body)) return bad("nested deeper than " + std::to_string(kJsonDepthMax) + " levels");
    json j = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return bad("not JSON");
    if (!j.is_object()) return bad("not a JSON object");
    return j;
}

// Non-negative integer member `key` of `o`.
Result<std::int64_t> get_count(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return bad(std::string("missing \"") + key + "\"");
    if (!it->is_number_integer()) return bad(std::string("\"") + key + "\" is not an integer");
    if (it->is_number_unsigned() ? it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)
                                 : it->get<std::int64_t>() < 0)
        return bad(std::string("\"") + key + "\" is out of range");
    return it->get<std::int64_t>();
}

Result<std::string> get_string(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return bad(std::string("missing \"") + key + "\"");
    if (!it->is_string()) return bad(std::string("\"") + key + "\" is not a string");
    return it->get<std::string>();
}

Result<const json*> get_array(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return bad(std::string("missing \"") + key + "\"");
    if (!it->is_array()) return bad(std::string("\"") + key + "\" is not an array");
    return &*it;
}

Result<std::vector<SequencedOp>> decode_sequenced(const json& list, const char* where) {
    std::vector<SequencedOp> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& e = list[i];
        std::string at = std::string(where) + "[" + std::to_string(i) + "]";
        if (!e.is_object()) return bad(at + " is not an object");
        auto seq = get_count(e, "seq");
        if (!seq) return bad(at + ": " + seq.error().message);
        auto it = e.find("op");
        if (it == e.end()) return bad(at + ": missing \"op\"");
        auto op = decode_operation(*it);
        if (!op) return bad(at + ".op: " + op.error().message);
        out.push_back({*seq, std::move(op.value())});
    }
    return out;
}

}  // namespace

std::string encode_push_request(const std::string& replica, std::span<const Operation> ops, int want_numbers) {
    json list = json::array();
    for (const auto& op : ops) list.push_back(operation_to_json(op));
    json j{{"replica", replica}, {"ops", std::move(list)}, {"want_numbers", want_numbers}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<PushReply> decode_push_reply(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    PushReply reply;
    auto results = get_array(*j, "results");
    if (!results) return results.error();
    for (std::size_t i = 0; i < (*results)->size(); ++i) {
        const json& e = (**results)[i];
        std::string at = "results[" + std::to_string(i) + "]";
        if (!e.is_object()) return bad(at + " is not an object");
        PushResult r;
        auto status = get_string(e, "status");
        if (!status) return bad(at + ": " + status.error().message);
        if (*status == "applied") r.status = ApplyKind::applied;
        else if (*status == "superseded") r.status = ApplyKind::superseded;
        else if (*status == "duplicate") r.status = ApplyKind::duplicate;
        else if (*status == "rejected") r.status = ApplyKind::rejected;
        else return bad(at + ": unknown status \"" + *status + "\"");
        if (e.contains("id")) {
            auto text = get_string(e, "id");
            if (!text) return bad(at + ": " + text.error().message);
            auto id = OpId::parse(*text);
            if (!id) return bad(at + ": bad id: " + id.error().message);
            r.id = std::move(id.value());
        } else if (e.contains("index")) {
            auto index = get_count(e, "index");
            if (!index) return bad(at + ": " + index.error().message);
            r.index = static_cast<std::size_t>(*index);
        } else {
            return bad(at + ": neither \"id\" nor \"index\"");
        }
        if (r.status == ApplyKind::rejected) {
            auto code = get_string(e, "code");
            auto message = get_string(e, "message");
            if (!code) return bad(at + ": " + code.error().message);
            if (!message) return bad(at + ": " + message.error().message);
            r.error = Error{*code, *message};
        } else {
            if (!r.id) return bad(at + ": an accepted operation without \"id\"");
            auto seq = get_count(e, "seq");
            if (!seq) return bad(at + ": " + seq.error().message);
            r.seq = *seq;
        }
        reply.results.push_back(std::move(r));
    }
    if (j->contains("number_blocks")) {
        auto blocks = get_array(*j, "number_blocks");
        if (!blocks) return blocks.error();
        for (std::size_t i = 0; i < (*blocks)->size(); ++i) {
            const json& b = (**blocks)[i];
            std::string at = "number_blocks[" + std::to_string(i) + "]";
            if (!b.is_object()) return bad(at + " is not an object");
            auto first = get_count(b, "first");
            auto last = get_count(b, "last");
            if (!first || !last || *first < 1 || *last < *first) return bad(at + " is not a block of numbers");
            reply.number_blocks.push_back({*first, *last});
        }
    }
    auto head = get_count(*j, "head");
    if (!head) return head.error();
    reply.head = *head;
    return reply;
}

Result<PullReply> decode_pull_reply(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    auto list = get_array(*j, "ops");
    if (!list) return list.error();
    auto ops = decode_sequenced(**list, "ops");
    if (!ops) return ops.error();
    auto cursor = get_count(*j, "cursor");
    if (!cursor) return cursor.error();
    auto more = j->find("more");
    if (more == j->end() || !more->is_boolean()) return bad("\"more\" is missing or not a boolean");
    return PullReply{std::move(ops.value()), *cursor, more->get<bool>()};
}

Result<std::vector<SequencedOp>> decode_history_reply(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    auto list = get_array(*j, "ops");
    if (!list) return list.error();
    return decode_sequenced(**list, "ops");
}

Result<std::int64_t> decode_wait_reply(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    return get_count(*j, "head");
}

Error decode_error_reply(int status, std::string_view body) {
    std::string fallback = "The server answered " + std::to_string(status);
    auto j = parse_object(body);
    if (j) {
        auto e = j->find("error");
        if (e != j->end() && e->is_object()) {
            auto code = get_string(*e, "code");
            auto message = get_string(*e, "message");
            if (code && message) return Error{*code, *message};
        }
    }
    return make_error("http_" + std::to_string(status), fallback);
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

}  // namespace hotline::sync
