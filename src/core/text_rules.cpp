#include "core/text_rules.hpp"

#include <cstdint>

#include "core/schema.hpp"

namespace hotline {
namespace {

// The code point starting at text[i] of valid UTF-8, and its length in bytes.
std::uint32_t decode_at(std::string_view text, std::size_t i, std::size_t& length) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
        length = 1;
        return lead;
    }
    length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    std::uint32_t cp = lead & (0x7f >> length);
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    return cp;
}

bool is_c0(std::uint32_t cp) { return cp < 0x20; }

bool is_del_or_c1(std::uint32_t cp) { return cp >= 0x7f && cp <= 0x9f; }

bool is_line_break(std::uint32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029; }

bool is_bidi_control(std::uint32_t cp) { return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069); }

std::optional<std::string_view> text_problem(std::string_view text, bool tabs, bool lines) {
    if (!is_valid_utf8(text)) return "is not valid UTF-8 text";
    std::size_t length = 0;
    for (std::size_t i = 0; i < text.size(); i += length) {
        const std::uint32_t cp = decode_at(text, i, length);
        if (is_line_break(cp)) {
            if (lines) continue;
            return "must be one line";
        }
        if (cp == '\t' && tabs) continue;
        if (is_c0(cp)) return "contains a control character";
        if (is_del_or_c1(cp)) return "contains a control character (DEL or U+0080-U+009F)";
        if (is_bidi_control(cp)) return "contains a bidirectional text control (U+202A-U+202E, U+2066-U+2069)";
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string_view> line_text_problem(std::string_view text) { return text_problem(text, false, false); }

std::optional<std::string_view> field_text_problem(std::string_view text, bool multi_line) {
    return text_problem(text, true, multi_line);
}

std::size_t code_point_count(std::string_view utf8) {
    std::size_t count = 0;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++count;  // every byte but continuation bytes
    return count;
}

}  // namespace hotline
