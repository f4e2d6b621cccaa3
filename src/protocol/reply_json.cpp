#include "protocol/reply_json.hpp"

#include <cstdint>
#include <string>

#include "core/json_depth.hpp"

namespace hotline::protocol::reply_json {

using nlohmann::json;

namespace {
constexpr std::string_view kPrefix = "The server's reply is malformed: ";

std::string quoted(const char* key) { return std::string("\"") + key + "\""; }
}  // namespace

Error bad(std::string what) { return make_error("bad_reply", std::string(kPrefix) + std::move(what)); }

Error at(const std::string& where, const Error& e) {
    std::string_view what = e.message;
    if (what.starts_with(kPrefix)) what.remove_prefix(kPrefix.size());
    return bad(where + ": " + std::string(what));
}

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

Result<std::int64_t> count_member(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return bad("missing " + quoted(key));
    if (!it->is_number_integer()) return bad(quoted(key) + " is not an integer");
    if (it->is_number_unsigned() ? it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)
                                 : it->get<std::int64_t>() < 0)
        return bad(quoted(key) + " is out of range");
    return it->get<std::int64_t>();
}

Result<std::string> string_member(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return bad("missing " + quoted(key));
    if (!it->is_string()) return bad(quoted(key) + " is not a string");
    return it->get<std::string>();
}

Result<const json*> array_member(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return bad("missing " + quoted(key));
    if (!it->is_array()) return bad(quoted(key) + " is not an array");
    return &*it;
}

}  // namespace hotline::protocol::reply_json
