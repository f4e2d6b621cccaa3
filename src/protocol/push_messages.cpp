#include "protocol/push_messages.hpp"

#include <nlohmann/json.hpp>

#include "core/operation_json.hpp"
#include "protocol/json_text.hpp"
#include "protocol/reply_json.hpp"
#include "protocol/request_body.hpp"

namespace hotline::protocol {
namespace {

using nlohmann::json;
namespace rj = reply_json;

// {"code":..,"id"|"index":..,"message":..,"seq":..,"status":..}, keys sorted.
void append_result(std::string& out, const PushResult& r) {
    using json_text::append_int;
    using json_text::append_string;
    const bool rejected = r.status == ApplyKind::rejected;
    out += '{';
    if (rejected) {
        out += "\"code\":";
        append_string(out, r.error.code);
        out += ',';
    }
    if (r.id) {
        out += "\"id\":";
        append_string(out, r.id->to_string());
    } else {
        out += "\"index\":";
        append_int(out, static_cast<std::int64_t>(r.index.value_or(0)));
    }
    if (rejected) {
        out += ",\"message\":";
        append_string(out, r.error.message);
    } else {
        out += ",\"seq\":";
        append_int(out, r.seq);
    }
    out += ",\"status\":\"";
    out += apply_kind_name(r.status);
    out += "\"}";
}

Result<PushResult> decode_result(const json& e) {
    if (!e.is_object()) return rj::bad("not an object");
    PushResult r;
    auto status_name = rj::string_member(e, "status");
    if (!status_name) return status_name.error();
    auto status = apply_kind_by_name(*status_name);
    if (!status) return rj::bad("unknown status \"" + *status_name + "\"");
    r.status = *status;
    if (e.contains("id")) {
        auto text = rj::string_member(e, "id");
        if (!text) return text.error();
        auto id = OpId::parse(*text);
        if (!id) return rj::bad("bad id: " + id.error().message);
        r.id = std::move(id.value());
    } else if (e.contains("index")) {
        auto index = rj::count_member(e, "index");
        if (!index) return index.error();
        r.index = static_cast<std::size_t>(*index);
    } else {
        return rj::bad("neither \"id\" nor \"index\"");
    }
    if (r.status == ApplyKind::rejected) {
        auto code = rj::string_member(e, "code");
        if (!code) return code.error();
        auto message = rj::string_member(e, "message");
        if (!message) return message.error();
        r.error = make_error(std::move(*code), std::move(*message));
        return r;
    }
    if (!r.id) return rj::bad("an accepted operation without \"id\"");
    auto seq = rj::count_member(e, "seq");
    if (!seq) return seq.error();
    r.seq = *seq;
    return r;
}

Result<NumberBlock> decode_block(const json& b) {
    if (!b.is_object()) return rj::bad("not an object");
    auto first = rj::count_member(b, "first");
    auto last = rj::count_member(b, "last");
    if (!first || !last || *first < 1 || *last < *first) return rj::bad("not a block of numbers");
    return NumberBlock{*first, *last};
}

}  // namespace

Outcome check_client_replica(std::string_view replica) {
    if (is_valid_replica_id(replica) && replica != kServerReplica) return {};
    return make_error("bad_replica", "\"replica\" must be 1-16 characters of a-z and 0-9, not \"server\".");
}

std::string encode_push_request(std::string_view replica, std::span<const Operation> ops, std::int64_t want_numbers) {
    json list = json::array();
    for (const auto& op : ops) list.push_back(operation_to_json(op));
    json j{{"replica", replica}, {"ops", std::move(list)}, {"want_numbers", want_numbers}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<PushRequest> decode_push_request(std::string_view body) {
    // The request's DOM (tens of thousands of small nodes) dies with this function: freed
    // before the server stores anything, its memory is reused instead of fragmenting the
    // heap next to the server's desk.
    auto request = parse_object(body, {"replica", "ops", "want_numbers"});
    if (!request) return request.error();
    auto replica = string_member(*request, "replica");
    if (!replica) return replica.error();
    if (auto client = check_client_replica(*replica); !client) return client.error();
    auto want = integer_member(*request, "want_numbers", 0, 0, kMaxNumbersPerLease);
    if (!want) return want.error();
    auto ops = request->find("ops");
    if (ops == request->end() || !ops->is_array()) return make_error("bad_type", "\"ops\" must be an array of operations.");
    if (ops->size() > kMaxPushBatch)
        return make_error("batch_too_large", "At most " + std::to_string(kMaxPushBatch) + " operations per push.");
    PushRequest out{std::move(*replica), {}, *want};
    out.ops.reserve(ops->size());
    for (const auto& element : *ops)
        out.ops.push_back(element.is_object() ? decode_operation(element)
                                              : Result<Operation>(make_error("bad_type", "An operation must be a JSON object.")));
    return out;
}

std::string_view apply_kind_name(ApplyKind kind) {
    switch (kind) {
        case ApplyKind::applied: return "applied";
        case ApplyKind::superseded: return "superseded";
        case ApplyKind::duplicate: return "duplicate";
        case ApplyKind::rejected: return "rejected";
    }
    return "rejected";  // not reached: every kind is named above
}

std::optional<ApplyKind> apply_kind_by_name(std::string_view name) {
    for (ApplyKind kind : {ApplyKind::applied, ApplyKind::superseded, ApplyKind::duplicate, ApplyKind::rejected})
        if (apply_kind_name(kind) == name) return kind;
    return std::nullopt;
}

std::string encode_push_reply(const PushReply& reply) {
    using json_text::append_int;
    std::string out;
    out.reserve(64 + reply.results.size() * 64);
    out += "{\"head\":";
    append_int(out, reply.head);
    out += ",\"number_blocks\":[";
    for (std::size_t i = 0; i < reply.number_blocks.size(); ++i) {
        out += i > 0 ? ",{\"first\":" : "{\"first\":";
        append_int(out, reply.number_blocks[i].first);
        out += ",\"last\":";
        append_int(out, reply.number_blocks[i].last);
        out += '}';
    }
    out += "],\"results\":[";
    for (std::size_t i = 0; i < reply.results.size(); ++i) {
        if (i > 0) out += ',';
        append_result(out, reply.results[i]);
    }
    out += "]}";
    return out;
}

Result<PushReply> decode_push_reply(std::string_view body) {
    auto j = rj::parse_object(body);
    if (!j) return j.error();
    PushReply reply;
    auto results = rj::array_member(*j, "results");
    if (!results) return results.error();
    reply.results.reserve((*results)->size());
    for (std::size_t i = 0; i < (*results)->size(); ++i) {
        auto r = decode_result((**results)[i]);
        if (!r) return rj::at("results[" + std::to_string(i) + "]", r.error());
        reply.results.push_back(std::move(r.value()));
    }
    // Optional: a push that asked for no numbers may leave it out.
    if (j->contains("number_blocks")) {
        auto blocks = rj::array_member(*j, "number_blocks");
        if (!blocks) return blocks.error();
        for (std::size_t i = 0; i < (*blocks)->size(); ++i) {
            auto block = decode_block((**blocks)[i]);
            if (!block) return rj::at("number_blocks[" + std::to_string(i) + "]", block.error());
            reply.number_blocks.push_back(*block);
        }
    }
    auto head = rj::count_member(*j, "head");
    if (!head) return head.error();
    reply.head = *head;
    return reply;
}

}  // namespace hotline::protocol
