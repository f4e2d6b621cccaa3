#include "core/text_fold.hpp"

#include <algorithm>
#include <cstdint>

namespace hotline {
namespace {

using namespace std::literals;

// The lower-case partner of a two-byte code point (U+0080..U+07FF), or the
// code point itself. Every mapping stays inside the two-byte range.
std::uint32_t fold_two_byte(std::uint32_t cp) {
    if (cp >= 0x00c0 && cp <= 0x00de && cp != 0x00d7) return cp + 0x20;  // À..Þ except ×
    if (cp >= 0x0100 && cp <= 0x017f) {
        // Latin Extended-A pairs capital/small; the parity of the capital flips
        // at U+0139 and back at U+014A. Ÿ's partner lives in Latin-1.
        if (cp == 0x0178) return 0x00ff;
        bool even_capitals = (cp <= 0x0137 && cp != 0x0130 && cp != 0x0131) || (cp >= 0x014a && cp <= 0x0177);
        bool odd_capitals = (cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017e);
        if ((even_capitals && cp % 2 == 0) || (odd_capitals && cp % 2 == 1)) return cp + 1;
        return cp;
    }
    if (cp >= 0x0410 && cp <= 0x042f) return cp + 0x20;  // А..Я
    if (cp >= 0x0400 && cp <= 0x040f) return cp + 0x50;  // Ѐ..Џ (Ё, Є, І, Ї, Ў...)
    return cp;
}

// The base letter of U+00C0..U+00FF, 0 for the two signs (× ÷) that keep their code.
constexpr std::string_view kLatin1Base = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts" "aaaaaaaceeeeiiiidnooooo\0ouuuuyty"sv;
// The base letter of U+0100..U+017F (Latin Extended-A), in code point order.
constexpr std::string_view kExtendedABase =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "ii" "jj" "kkk" "llllllllll"
    "nnnnnnnnn" "oooooo" "oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s"sv;
static_assert(kLatin1Base.size() == 64 && kExtendedABase.size() == 128);

}  // namespace

std::uint32_t fold_code_point(std::uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    return cp >= 0x80 && cp < 0x800 ? fold_two_byte(cp) : cp;
}

char latin_base_letter(std::uint32_t cp) {
    if (cp >= 0x00c0 && cp <= 0x00ff) return kLatin1Base[cp - 0x00c0];
    if (cp >= 0x0100 && cp <= 0x017f) return kExtendedABase[cp - 0x0100];
    return 0;
}

std::string digits_of(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

std::string phone_digits_query(std::string_view typed) {
    auto phone_punctuation = [](char c) {
        return c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/';
    };
    for (char c : typed)
        if (!(c >= '0' && c <= '9') && !phone_punctuation(c)) return {};
    std::string digits = digits_of(typed);
    if (digits.size() < 3) return {};
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
    return digits;
}

std::string lookup_key(std::string_view text) {
    std::string out(text);
    make_lookup_key(out);
    return out;
}

void make_lookup_key(std::string& out) {
    fold_in_place(out);
    std::size_t w = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if ((c >> 5) == 0x6 && i + 1 < out.size() && (static_cast<unsigned char>(out[i + 1]) >> 6) == 0x2) {
            std::uint32_t cp = ((c & 0x1fu) << 6) | (static_cast<unsigned char>(out[i + 1]) & 0x3fu);
            // Ligatures are typed as their two letters: "oeuvre", "strasse".
            if (const char* pair = cp == 0x00e6 ? "ae" : cp == 0x0153 ? "oe" : cp == 0x00df ? "ss" : cp == 0x0133 ? "ij" : nullptr) {
                out[w++] = pair[0];
                out[w++] = pair[1];
                ++i;
                continue;
            }
            if (char base = latin_base_letter(cp)) {
                out[w++] = base;
                ++i;
                continue;
            }
            if (cp == 0x0451) cp = 0x0435;  // ё -> е
            out[w++] = static_cast<char>(0xc0 | (cp >> 6));
            out[w++] = static_cast<char>(0x80 | (cp & 0x3f));
            ++i;
            continue;
        }
        out[w++] = out[i];
    }
    out.resize(w);
}

void fold_in_place(std::string& text, std::size_t from) {
    const std::size_t n = text.size();
    for (std::size_t i = from; i < n; ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') text[i] = static_cast<char>(c + 32);
            continue;
        }
        if ((c >> 5) != 0x6 || i + 1 >= n) continue;  // not a two-byte lead: other scripts stay as they are
        auto cont = static_cast<unsigned char>(text[i + 1]);
        if ((cont >> 6) != 0x2) continue;
        std::uint32_t cp = ((c & 0x1fu) << 6) | (cont & 0x3fu);
        std::uint32_t low = fold_two_byte(cp);
        if (low != cp) {
            text[i] = static_cast<char>(0xc0 | (low >> 6));
            text[i + 1] = static_cast<char>(0x80 | (low & 0x3f));
        }
        ++i;
    }
}

std::string folded(std::string_view text) {
    std::string out(text);
    fold_in_place(out);
    return out;
}

}  // namespace hotline
