#include "protocol/request_body.hpp"

#include <algorithm>

#include "core/json_depth.hpp"

namespace hotline::protocol {

Result<nlohmann::json> parse_object(std::string_view body, std::initializer_list<std::string_view> allowed) {
    if (!json_depth_within(body))
        return make_error("json_too_deep", "The request body nests objects and arrays more than " +
                                               std::to_string(kJsonDepthMax) + " deep.");
    nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return make_error("malformed_json", "The request body is not valid JSON.");
    if (!j.is_object()) return make_error("bad_type", "The request body must be a JSON object.");
    for (const auto& [key, value] : j.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            return make_error("unknown_key", "Unknown key \"" + key + "\" in the request body.");
    return j;
}

Result<std::string> string_member(const nlohmann::json& object, std::string_view key) {
    auto it = object.find(key);
    if (it == object.end()) return make_error("missing_key", "\"" + std::string(key) + "\" is missing.");
    if (!it->is_string()) return make_error("bad_type", "\"" + std::string(key) + "\" must be a string.");
    return it->get<std::string>();
}

Result<std::int64_t> integer_member(const nlohmann::json& object, std::string_view key, std::int64_t fallback,
                                    std::int64_t min, std::int64_t max) {
    auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (!it->is_number_integer())
        return make_error("bad_type", "\"" + std::string(key) + "\" must be an integer.");
    if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
        return make_error("out_of_range", "\"" + std::string(key) + "\" is too large.");
    const auto v = it->get<std::int64_t>();
    if (v < min || v > max)
        return make_error("out_of_range", "\"" + std::string(key) + "\" must be between " + std::to_string(min) +
                                              " and " + std::to_string(max) + ".");
    return v;
}

}  // namespace hotline::protocol
