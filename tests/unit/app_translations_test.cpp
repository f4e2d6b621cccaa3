// P7: every string of the interface has a translation in French, Russian and
// Italian (assets/i18n/*.json), with the same placeholders as its English text;
// plural forms follow each language's rules; a missing key shows in English
// and is remembered. The keys are found where the interface names them: every
// literal given to tr(), T(), tr_format(), tr_plural() or tr_key() in src/ui,
// src/app and src/platform/web, the English table's keys, the schema's labels
// (kinds, fields, statuses, priorities, default event types, roles, order types and
// statuses), and an
// "error.<code>" for every refusal code src/core, src/app and src/sync make.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app/i18n.hpp"
#include "app/i18n_english.hpp"
#include "core/event_types.hpp"
#include "core/orders.hpp"
#include "core/roles.hpp"
#include "core/schema.hpp"
#include "core/status.hpp"

namespace fs = std::filesystem;
using namespace hotline;
using namespace hotline::app;

namespace {

const std::string kSourceDir = HOTLINE_SOURCE_DIR;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The C++ string literal starting at `at` (a '"'), unescaped as far as keys need
// (\" \\ and \xNN, which is how the sources write non-ASCII texts).
std::string literal_at(const std::string& s, std::size_t& at) {
    std::string out;
    for (++at; at < s.size() && s[at] != '"'; ++at) {
        if (s[at] != '\\') {
            out += s[at];
            continue;
        }
        ++at;
        if (s[at] == 'x') {
            out += static_cast<char>(std::stoi(s.substr(at + 1, 2), nullptr, 16));
            at += 2;
        } else {
            out += s[at];
        }
    }
    return out;
}

// The literals of the first argument of every call to one of `functions`:
// tr(full ? "Quick form" : "Full form") gives both.
void collect_call_literals(const std::string& source, std::set<std::string>& keys) {
    static const char* const kFunctions[] = {"tr(", "T(", "tr_format(", "tr_plural(", "tr_key("};
    for (const char* function : kFunctions) {
        const std::string name = function;
        for (std::size_t at = source.find(name); at != std::string::npos; at = source.find(name, at + 1)) {
            const char before = at > 0 ? source[at - 1] : ' ';
            if (std::isalnum(static_cast<unsigned char>(before)) || before == '_') continue;  // str(, get_tr(
            int depth = 0;
            for (std::size_t i = at + name.size(); i < source.size(); ++i) {
                const char c = source[i];
                if (c == '"') keys.insert(literal_at(source, i));
                else if (c == '(') ++depth;
                else if (c == ')' && depth-- == 0) break;
                else if (c == ',' && depth == 0) break;
            }
        }
    }
}

// "error.<code>" for make_error("code", …); a code built from a kind or field
// name, make_error("missing_" + …), shares "error.missing_*" (app::tr_error).
void collect_error_codes(const std::string& source, std::set<std::string>& keys) {
    const std::string name = "make_error(";
    for (std::size_t at = source.find(name); at != std::string::npos; at = source.find(name, at + 1)) {
        std::size_t i = source.find_first_not_of(" \n", at + name.size());
        if (i == std::string::npos || source[i] != '"') continue;
        std::string code = literal_at(source, i);
        const std::size_t next = source.find_first_not_of(" \n", i + 1);
        if (source[next] == '+') code = code.substr(0, code.find('_')) + "_*";
        keys.insert("error." + code);
    }
}

std::set<std::string> interface_keys() {
    std::set<std::string> keys;
    for (const char* dir : {"src/ui", "src/app", "src/platform/web"})
        for (const auto& entry : fs::directory_iterator(kSourceDir + "/" + dir))
            if (entry.path().extension() == ".cpp" || entry.path().extension() == ".hpp")
                collect_call_literals(read_file(entry.path()), keys);
    for (const char* dir : {"src/core", "src/app", "src/sync"})
        for (const auto& entry : fs::directory_iterator(kSourceDir + "/" + dir))
            if (entry.path().extension() == ".cpp") collect_error_codes(read_file(entry.path()), keys);
    for (std::string_view key : english_keys()) keys.emplace(key);
    for (EntityKind kind : kAllEntityKinds) {
        keys.emplace(kind_spec(kind).label);
        for (const FieldSpec& field : fields_of(kind)) keys.emplace(field.label);
    }
    for (int s = 0; s < kStatusCount; ++s) keys.emplace(status_label(static_cast<IncidentStatus>(s)));
    for (int p = 1; p <= 4; ++p) keys.emplace(priority_label(p));
    for (std::string_view label : default_event_type_labels()) keys.emplace(label);
    for (std::size_t t = 0; t < std::size(kOrderTypeNames); ++t) keys.emplace(order_type_label(static_cast<OrderType>(t)));
    for (int st = 0; st < kOrderStatusCount; ++st) keys.emplace(order_status_label(static_cast<OrderStatus>(st)));
    for (Role role : kAllRoles) keys.emplace(role_name(role));  // shown by name in Administration
    keys.erase("");
    return keys;
}

std::size_t placeholders(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t at = text.find("{}"); at != std::string_view::npos; at = text.find("{}", at + 2)) ++n;
    return n;
}

struct LanguageGuard {
    Language before = language();
    ~LanguageGuard() { set_language(before); }
};

bool remembered_missing(std::string_view key) {
    const std::vector<std::string> missing = missing_translations();
    return std::find(missing.begin(), missing.end(), key) != missing.end();
}

void load_catalogs() {
    const Outcome loaded = load_translations(kSourceDir + "/assets/i18n");
    REQUIRE_MESSAGE(loaded.ok(), loaded.error().message);
}

}  // namespace

TEST_CASE("every interface text has a French, Russian and Italian translation with the same placeholders") {
    load_catalogs();
    LanguageGuard guard;
    const std::set<std::string> keys = interface_keys();
    CHECK(keys.size() > 250);  // the scan found the interface (not an empty folder)
    for (Language l : {Language::french, Language::russian, Language::italian}) {
        CAPTURE(language_code(l));
        const std::vector<std::string> listed = translation_keys(l);
        const std::set<std::string> have(listed.begin(), listed.end());
        std::string missing, unused;
        for (const std::string& key : keys)
            if (!have.count(key)) missing += "\n  \"" + key + "\": \"" + std::string(english_text(key)) + "\"";
        for (const std::string& key : have)
            if (!keys.count(key)) unused += "\n  " + key;
        CHECK_MESSAGE(missing.empty(), "no translation for:", missing);
        CHECK_MESSAGE(unused.empty(), "translated but no longer in the interface:", unused);

        set_language(l);
        for (const std::string& key : keys) {
            if (key.starts_with("error.") || is_plural_key(key)) continue;  // error templates take Error::args
            CHECK_MESSAGE(placeholders(tr(key)) == placeholders(english_text(key)), key);
        }
    }
}

TEST_CASE("plural forms follow each language's rules") {
    load_catalogs();
    LanguageGuard guard;
    set_language(Language::english);
    CHECK(tr_plural("list.count", 1, {"1"}) == "1 incident");
    CHECK(tr_plural("list.count", 2, {"2"}) == "2 incidents");
    set_language(Language::french);
    CHECK(tr_plural("list.count", 0, {"0"}) == tr_plural("list.count", 1, {"0"}));  // French: 0 is singular
    CHECK(tr_plural("list.count", 1, {"1"}) != tr_plural("list.count", 2, {"1"}));
    set_language(Language::russian);
    // one: 1, 21, 101; few: 2-4, 22-24; many: 0, 5-20, 25-30, 111-114
    const std::string one = tr_plural("list.count", 1, {"N"}), few = tr_plural("list.count", 2, {"N"}),
                      many = tr_plural("list.count", 5, {"N"});
    CHECK(one != few);
    CHECK(few != many);
    CHECK(one != many);
    for (int n : {21, 101, 1001}) CHECK(tr_plural("list.count", n, {"N"}) == one);
    for (int n : {3, 4, 22, 104}) CHECK(tr_plural("list.count", n, {"N"}) == few);
    for (int n : {0, 11, 12, 14, 19, 25, 111, 112}) CHECK(tr_plural("list.count", n, {"N"}) == many);
}

TEST_CASE("a key the language lacks shows in English and is remembered; English never misses") {
    load_catalogs();
    LanguageGuard guard;
    set_language(Language::english);
    CHECK(tr("a text nobody translated") == "a text nobody translated");
    CHECK_FALSE(remembered_missing("a text nobody translated"));
    set_language(Language::italian);
    CHECK(tr("a text nobody translated") == "a text nobody translated");
    CHECK(remembered_missing("a text nobody translated"));
    CHECK(tr("Save") != "Save");
}

TEST_CASE("refusals are translated by code, their arguments shown translated when they are labels") {
    load_catalogs();
    LanguageGuard guard;
    const Error missing = check_required(EntityKind::incident, field_spec(IncidentField::title), "").error();
    set_language(Language::english);
    CHECK(tr_error(missing) == missing.message);
    set_language(Language::french);
    const std::string french = tr_error(missing);
    CHECK(french != missing.message);
    CHECK(french.find(std::string(tr("Title"))) != std::string::npos);  // "Titre", not "Title"
    // A code without a template shows the English message.
    CHECK(tr_error(make_error("no_such_code_anywhere", "English detail")) == "English detail");
}

TEST_CASE("language tags, counts and decimals") {
    LanguageGuard guard;
    CHECK(language_by_tag("fr-CA") == Language::french);
    CHECK(language_by_tag("RU") == Language::russian);
    CHECK(language_by_tag("it_IT") == Language::italian);
    CHECK(language_by_tag("de-DE") == std::nullopt);
    CHECK(language_by_tag("") == std::nullopt);
    set_language(Language::english);
    CHECK(format_count(1234567) == "1,234,567");
    CHECK(format_count(999) == "999");
    CHECK(format_decimal(3.5, 1) == "3.5");
    set_language(Language::italian);
    CHECK(format_count(1234567) == "1.234.567");
    CHECK(format_decimal(3.5, 1) == "3,5");
    set_language(Language::russian);
    CHECK(format_count(-12345) == "-12\xe2\x80\xaf" "345");
}
