#include "core/collation.hpp"

#include <cstdint>

#include "core/text_fold.hpp"

namespace hotline {
namespace {

using namespace std::literals;

// Primary weights (one byte; 0 separates the levels of a key).
constexpr std::uint8_t kSpace = 0x01;
constexpr std::uint8_t kPunctuation = 0x02;  // + index in kPunctuationOrder
constexpr std::uint8_t kLatin1Sign = 0x22;   // + code point - U+00A1, then × and ÷
constexpr std::uint8_t kDigit = 0x43;
constexpr std::uint8_t kLatin = 0x4d;
constexpr std::uint8_t kCyrillic = 0x67;  // а..я, then the other Cyrillic letters
constexpr std::uint8_t kOther = 0xff;     // followed by the code point in three bytes
// A byte that is not part of valid UTF-8 is read as this plus its value: after
// every character (and still 21 bits, as kOther's three bytes hold).
constexpr std::uint32_t kStrayByte = 0x110000;
static_assert(((kStrayByte + 0xff) >> 21) == 0);

// ASCII punctuation and symbols in the root collation's order.
constexpr std::string_view kPunctuationOrder = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"sv;
static_assert(kPunctuationOrder.size() == 32 && kPunctuation + 32 == kLatin1Sign);

// Accents, in the order of their secondary weights ('0': none).
constexpr std::string_view kAccentOrder = "0agbcvrdhtosekm"sv;
// The accent of each small letter of U+00E0..U+00FF ('0' for ligatures, signs, þ).
constexpr std::string_view kLatin1Accent = "gactdr0egacdgacdstgactd0sgacda0d"sv;
// The accent of U+0100..U+017F, in code point order (capital and small alike).
constexpr std::string_view kExtendedAAccent =
    "mmbbkk" "aaccoovv" "vvss" "mmbbookkvv" "ccbbooee" "ccss" "ttmmbbkkoo" "00" "cc" "ee0" "aaeevvooss"
    "aaeevv0ss" "mmbbhh" "00" "aaeevv" "aacceevv" "eevvss" "ttmmbbrrhhkk" "cc" "ccd" "aaoovv" "0"sv;
static_assert(kLatin1Accent.size() == 32 && kExtendedAAccent.size() == 128);

// U+0450..U+045F: the letter each sorts as, counted from а (32 and up: the
// letters of their own after я: ђ є ѕ і ј љ њ ћ џ), and its accent.
struct CyrillicExtra {
    std::uint8_t letter;
    char accent;
};
constexpr CyrillicExtra kCyrillicExtra[16] = {
    {5, 'g'},  {5, 'd'},  {32, '0'}, {3, 'a'},  {33, '0'}, {34, '0'}, {35, '0'}, {35, 'd'},
    {36, '0'}, {37, '0'}, {38, '0'}, {39, '0'}, {10, 'a'}, {8, 'g'},  {19, 'b'}, {40, '0'}};
static_assert(kCyrillic + 41 <= kOther);

struct Levels {
    std::string primary, secondary, tertiary;

    void add(std::uint8_t primary_weight, char accent = '0', std::uint8_t tertiary_weight = 1) {
        primary += static_cast<char>(primary_weight);
        secondary += static_cast<char>(1 + kAccentOrder.find(accent));
        tertiary += static_cast<char>(tertiary_weight);
    }
};

const char* ligature_letters(std::uint32_t small) {
    switch (small) {
        case 0x00e6: return "ae";
        case 0x0153: return "oe";
        case 0x00df: return "ss";
        case 0x0133: return "ij";
        default: return nullptr;
    }
}

// A Latin-1 or Latin Extended-A letter (small): its base letter, accent, or letters.
bool add_latin_letter(std::uint32_t small, std::uint8_t tertiary, Levels& out) {
    if (const char* letters = ligature_letters(small)) {
        for (const char* c = letters; *c; ++c) out.add(static_cast<std::uint8_t>(kLatin + (*c - 'a')), '0', tertiary + 2);
        return true;
    }
    const char base = latin_base_letter(small);
    if (!base) return false;
    const char accent = small < 0x100 ? kLatin1Accent[(small | 0x20) - 0xe0] : kExtendedAAccent[small - 0x100];
    out.add(static_cast<std::uint8_t>(kLatin + (base - 'a')), accent, tertiary);
    return true;
}

bool add_cyrillic_letter(std::uint32_t small, std::uint8_t tertiary, Levels& out) {
    if (small >= 0x0430 && small <= 0x044f) {
        out.add(static_cast<std::uint8_t>(kCyrillic + (small - 0x0430)), '0', tertiary);
        return true;
    }
    if (small < 0x0450 || small > 0x045f) return false;
    const CyrillicExtra extra = kCyrillicExtra[small - 0x0450];
    out.add(static_cast<std::uint8_t>(kCyrillic + extra.letter), extra.accent, tertiary);
    return true;
}

void add_character(std::uint32_t cp, Levels& out) {
    const std::uint32_t small = fold_code_point(cp);
    const std::uint8_t tertiary = small != cp ? 2 : 1;
    if (small < 0x20 || small == 0x7f) return;  // control characters are ignored
    if (small == ' ' || small == 0xa0) return out.add(kSpace);
    if (small >= '0' && small <= '9') return out.add(static_cast<std::uint8_t>(kDigit + (small - '0')));
    if (small >= 'a' && small <= 'z') return out.add(static_cast<std::uint8_t>(kLatin + (small - 'a')), '0', tertiary);
    if (small < 0x80) return out.add(static_cast<std::uint8_t>(kPunctuation + kPunctuationOrder.find(static_cast<char>(small))));
    if (small >= 0xa1 && small <= 0xbf) return out.add(static_cast<std::uint8_t>(kLatin1Sign + (small - 0xa1)));
    if (small == 0xd7 || small == 0xf7) return out.add(static_cast<std::uint8_t>(kLatin1Sign + 31 + (small == 0xf7)));
    if (add_latin_letter(small, tertiary, out) || add_cyrillic_letter(small, tertiary, out)) return;
    // Anything else after every letter, by code point: three bytes of seven bits (never 0).
    out.primary += static_cast<char>(kOther);
    for (int shift : {14, 7, 0}) out.primary += static_cast<char>(0x80 | ((cp >> shift) & 0x7f));
    out.secondary += '\1';
    out.tertiary += '\1';
}

// The next code point of UTF-8 text at `i` (advanced past it).
std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i++]);
    if (lead < 0x80) return lead;
    const int extra = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    if (extra == 0 || i + extra > text.size()) return kStrayByte + lead;
    std::uint32_t cp = lead & (0x3fu >> extra);
    for (int k = 0; k < extra; ++k) {
        const auto cont = static_cast<unsigned char>(text[i + k]);
        if ((cont >> 6) != 0x2) return kStrayByte + lead;
        cp = (cp << 6) | (cont & 0x3fu);
    }
    i += extra;
    return cp;
}

// A level's trailing lowest weights change no comparison between texts of equal
// primaries (their levels have the same length): drop them to keep keys short.
std::string_view without_trailing_lowest(const std::string& level) {
    const std::size_t last = level.find_last_not_of('\1');
    return std::string_view(level).substr(0, last == std::string::npos ? 0 : last + 1);
}

}  // namespace

std::string collation_key(std::string_view text) {
    Levels levels;
    for (std::size_t i = 0; i < text.size();) add_character(next_code_point(text, i), levels);
    const std::string_view secondary = without_trailing_lowest(levels.secondary);
    const std::string_view tertiary = without_trailing_lowest(levels.tertiary);
    std::string key = std::move(levels.primary);
    if (secondary.empty() && tertiary.empty()) return key;
    (key += '\0') += secondary;
    if (!tertiary.empty()) (key += '\0') += tertiary;
    return key;
}

}  // namespace hotline
