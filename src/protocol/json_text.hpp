// Appending JSON text to a string, for the protocol's messages built without a DOM (pull
// pages, history, push results, errors). The output is byte for byte what
// nlohmann::json::dump() writes for the same values (no spaces, UTF-8 kept, invalid UTF-8
// replaced like the HTTP layer's dump), so a message built here reads exactly like the
// DOM-built one it replaced. Callers write object keys in the order dump() would (sorted),
// for the same reason.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace hotline::protocol::json_text {

inline void append_int(std::string& out, std::int64_t value) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end);
}

inline void append_bool(std::string& out, bool value) { out += value ? "true" : "false"; }

// A JSON string literal. Plain printable ASCII (ids, codes, most messages) is copied as
// it is; anything else goes through nlohmann's serializer, which knows the escapes.
inline void append_string(std::string& out, std::string_view text) {
    bool plain = true;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        out += '"';
        out += text;
        out += '"';
        return;
    }
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hotline::protocol::json_text
