#include "protocol/health_messages.hpp"

#include <nlohmann/json.hpp>

#include "protocol/json_text.hpp"

namespace hotline::protocol {
namespace {

constexpr std::string_view kOk = "ok";
constexpr std::string_view kUnavailable = "unavailable";

}  // namespace

std::string encode_health_ok(std::int64_t head) {
    std::string out = "{\"status\":\"ok\",\"head\":";
    json_text::append_int(out, head);
    out += '}';
    return out;
}

std::string encode_health_unavailable(std::string_view message) {
    return nlohmann::json{{"status", kUnavailable}, {"message", message}}.dump();
}

bool is_server_health(std::string_view body) {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object()) return false;
    const auto status = j.find("status");
    return status != j.end() && status->is_string() &&
           (status->get<std::string>() == kOk || status->get<std::string>() == kUnavailable);
}

}  // namespace hotline::protocol
