#include "app/i18n.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "app/i18n_english.hpp"

namespace hotline::app {
namespace {

// CLDR plural categories the four languages use for whole numbers.
enum class PluralForm : std::uint8_t { one, few, many, other };
constexpr std::string_view kPluralNames[] = {"one", "few", "many", "other"};

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Catalog {
    bool loaded = false;
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> texts;
    std::unordered_map<std::string, std::array<std::string, 4>, StringHash, std::equal_to<>> plurals;
};

std::array<Catalog, std::size(kAllLanguages)> catalogs;
Language current = Language::english;
std::set<std::string, std::less<>> missing;

Catalog& catalog(Language language) { return catalogs[static_cast<std::size_t>(language)]; }

PluralForm plural_form(Language language, std::int64_t n) {
    const std::int64_t a = n < 0 ? -n : n;
    switch (language) {
        case Language::english:
        case Language::italian: return a == 1 ? PluralForm::one : PluralForm::other;
        case Language::french: return a <= 1 ? PluralForm::one : PluralForm::other;
        case Language::russian:
            if (a % 10 == 1 && a % 100 != 11) return PluralForm::one;
            if (a % 10 >= 2 && a % 10 <= 4 && (a % 100 < 12 || a % 100 > 14)) return PluralForm::few;
            return PluralForm::many;
    }
    return PluralForm::other;
}

void remember_missing(std::string_view key) {
    if (missing.find(key) == missing.end()) missing.emplace(key);
}

// Replaces each "{}" of `text` by the next argument (any range of string views).
template <typename Arguments>
std::string fill(std::string text, const Arguments& arguments) {
    std::size_t from = 0;
    for (std::string_view argument : arguments) {
        const std::size_t at = text.find("{}", from);
        if (at == std::string::npos) break;
        text.replace(at, 2, argument);
        from = at + argument.size();
    }
    return text;
}

Outcome read_plural(const std::string& key, const nlohmann::json& forms, Catalog& into) {
    std::array<std::string, 4> out;
    for (std::size_t i = 0; i < std::size(kPluralNames); ++i)
        if (auto it = forms.find(kPluralNames[i]); it != forms.end() && it->is_string()) out[i] = it->get<std::string>();
    if (out[static_cast<std::size_t>(PluralForm::other)].empty() && out[static_cast<std::size_t>(PluralForm::many)].empty())
        return make_error("bad_translation", "'" + key + "' has no \"other\" or \"many\" form");
    into.plurals[key] = std::move(out);
    return {};
}

}  // namespace

std::string_view language_code(Language language) {
    switch (language) {
        case Language::english: return "en";
        case Language::french: return "fr";
        case Language::russian: return "ru";
        case Language::italian: return "it";
    }
    return "en";
}

std::string_view language_name(Language language) {
    switch (language) {
        case Language::english: return "English";
        case Language::french: return "Fran\xc3\xa7" "ais";
        case Language::russian: return "\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9";
        case Language::italian: return "Italiano";
    }
    return "English";
}

std::optional<Language> language_by_tag(std::string_view tag) {
    const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    for (Language l : kAllLanguages) {
        const std::string_view code = language_code(l);
        if (primary.size() == code.size() &&
            std::equal(primary.begin(), primary.end(), code.begin(),
                       [](char a, char b) { return (a | 0x20) == b; }))
            return l;
    }
    return std::nullopt;
}

Outcome add_translations(Language language, std::string_view json_text) {
    Catalog& into = catalog(language);
    if (into.loaded) return {};
    nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
    if (!doc.is_object()) return make_error("bad_translation", "a catalog is one JSON object of key: text");
    Catalog read;
    for (const auto& [key, value] : doc.items()) {
        if (value.is_string()) read.texts[key] = value.get<std::string>();
        else if (!value.is_object()) return make_error("bad_translation", "'" + key + "' is neither a text nor plural forms");
        else if (Outcome ok = read_plural(key, value, read); !ok) return ok;
    }
    read.loaded = true;
    into = std::move(read);
    return {};
}

Outcome load_translations(const std::string& dir) {
    Outcome result;
    for (Language l : kAllLanguages) {
        if (l == Language::english || catalog(l).loaded) continue;
        const std::string path = dir + "/" + std::string(language_code(l)) + ".json";
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        Outcome added = in ? add_translations(l, text.str()) : make_error("io_error", "cannot read " + path);
        if (!added && result) result = make_error(added.error().code, path + ": " + added.error().message);
    }
    return result;
}

std::vector<std::string> translation_keys(Language language) {
    std::vector<std::string> keys;
    const Catalog& c = catalog(language);
    for (const auto& entry : c.texts) keys.push_back(entry.first);
    for (const auto& entry : c.plurals) keys.push_back(entry.first);
    return keys;
}

void set_language(Language language) { current = language; }
Language language() { return current; }

std::string_view tr(std::string_view key) {
    if (current != Language::english) {
        const Catalog& c = catalog(current);
        if (auto it = c.texts.find(key); it != c.texts.end()) return it->second;
        remember_missing(key);
    }
    return english_text(key);
}

std::string tr_format(std::string_view key, std::initializer_list<std::string_view> arguments) {
    return fill(std::string(tr(key)), arguments);
}

std::string tr_plural(std::string_view key, std::int64_t n, std::initializer_list<std::string_view> arguments) {
    if (current != Language::english) {
        const Catalog& c = catalog(current);
        if (auto it = c.plurals.find(key); it != c.plurals.end()) {
            const auto& forms = it->second;
            const std::string& form = forms[static_cast<std::size_t>(plural_form(current, n))];
            // A form the translator left out: "other" stands for it (or "many", Russian's general one).
            const std::string& other = forms[static_cast<std::size_t>(PluralForm::other)];
            const std::string& many = forms[static_cast<std::size_t>(PluralForm::many)];
            return fill(!form.empty() ? form : !other.empty() ? other : many, arguments);
        }
        remember_missing(key);
    }
    const auto english = english_plural(key, plural_form(Language::english, n) == PluralForm::one);
    return fill(std::string(english ? *english : english_text(key)), arguments);
}

std::string tr_error(const Error& error) {
    if (current == Language::english) return error.message;
    const Catalog& c = catalog(current);
    std::string key = "error." + error.code;
    auto it = c.texts.find(key);
    // Codes named after a kind or a field ("missing_title", "unknown_account") share one template.
    if (const std::size_t cut = error.code.find('_'); it == c.texts.end() && cut != std::string::npos) {
        if (auto generic = c.texts.find("error." + error.code.substr(0, cut) + "_*"); generic != c.texts.end()) {
            it = generic;
            key = generic->first;
        }
    }
    if (it == c.texts.end()) {
        remember_missing(key);
        return error.message;
    }
    std::string text = it->second;
    // A refusal that came without its arguments (the server's, over the wire) cannot fill the
    // template: its English message says more than a sentence with holes.
    std::size_t holes = 0;
    for (std::size_t at = text.find("{}"); at != std::string::npos; at = text.find("{}", at + 2)) ++holes;
    if (holes > error.args.size()) return error.message;
    // An argument that is an interface label ("Actual problem") shows translated; ids and values as they are.
    std::vector<std::string_view> shown;
    for (const std::string& argument : error.args) {
        auto label = c.texts.find(argument);
        shown.push_back(label != c.texts.end() ? std::string_view(label->second) : std::string_view(argument));
    }
    return fill(std::move(text), shown);
}

std::string format_count(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    // French and Russian group with a narrow no-break space, Italian with a dot, English with a comma.
    std::string_view separator = ",";
    switch (current) {
        case Language::english: separator = ","; break;
        case Language::french:
        case Language::russian: separator = "\xe2\x80\xaf"; break;
        case Language::italian: separator = "."; break;
    }
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string format_decimal(double value, int decimals) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string out(text);
    if (current != Language::english)
        if (const std::size_t dot = out.find('.'); dot != std::string::npos) out[dot] = ',';
    return out;
}

std::vector<std::string> missing_translations() { return {missing.begin(), missing.end()}; }

}  // namespace hotline::app
