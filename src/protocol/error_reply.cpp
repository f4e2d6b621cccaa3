#include "protocol/error_reply.hpp"

#include "protocol/json_text.hpp"
#include "protocol/reply_json.hpp"

namespace hotline::protocol {

namespace rj = reply_json;

std::string encode_error_reply(const ErrorReply& reply) {
    std::string out = "{\"error\":{\"code\":";
    json_text::append_string(out, reply.error.code);
    out += ",\"message\":";
    json_text::append_string(out, reply.error.message);
    if (reply.retry_after_ms) {
        out += ",\"retry_after_ms\":";
        json_text::append_int(out, *reply.retry_after_ms);
    }
    out += "}}";
    return out;
}

Result<ErrorReply> decode_error_reply(std::string_view body) {
    auto j = rj::parse_object(body);
    if (!j) return j.error();
    auto e = j->find("error");
    if (e == j->end() || !e->is_object()) return rj::bad("\"error\" is missing or not an object");
    auto code = rj::string_member(*e, "code");
    if (!code) return rj::at("error", code.error());
    auto message = rj::string_member(*e, "message");
    if (!message) return rj::at("error", message.error());
    ErrorReply reply{make_error(std::move(*code), std::move(*message)), std::nullopt};
    if (e->contains("retry_after_ms")) {
        auto wait = rj::count_member(*e, "retry_after_ms");
        if (!wait) return rj::at("error", wait.error());
        reply.retry_after_ms = *wait;
    }
    return reply;
}

Error failure_of(int status, std::string_view body) {
    auto reply = decode_error_reply(body);
    if (reply) return std::move(reply->error);
    return make_error("http_" + std::to_string(status), "The server answered " + std::to_string(status));
}

}  // namespace hotline::protocol
