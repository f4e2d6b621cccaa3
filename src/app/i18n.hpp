// Every user-visible string goes through tr(). English is the source language:
// its texts are in the code (a short label is its own key, "New incident"; a
// longer text has a dotted key, "demo.banner", with its English text in
// i18n.cpp). French, Russian and Italian (P7) are data files a translator edits,
// assets/i18n/<code>.json, loaded at start (docs/translations.md):
//   { "New incident": "Nouvel incident",
//     "list.count": { "one": "{} incident", "other": "{} incidents" } }
// A key the current language lacks shows in English and is remembered
// (missing_translations()), so the browser tests can fail on it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hotline::app {

enum class Language : std::uint8_t { english, french, russian, italian };
inline constexpr Language kAllLanguages[] = {Language::english, Language::french, Language::russian,
                                             Language::italian};

std::string_view language_code(Language language);  // "en", "fr", "ru", "it"
std::string_view language_name(Language language);  // in the language itself: "Français"
// A BCP 47 tag as the browser gives it ("fr-CA", "ru"): its primary language, if one of ours.
std::optional<Language> language_by_tag(std::string_view tag);

// Reads <dir>/<code>.json for every language but English. A language already
// loaded stays as it is (tr()'s views into it must stay valid). A file missing or
// malformed is reported and that language falls back to English.
Outcome load_translations(const std::string& dir);
// One catalog from its JSON text (load_translations, tests).
Outcome add_translations(Language language, std::string_view json_text);
// The keys of a language's catalog (tests compare them across languages).
std::vector<std::string> translation_keys(Language language);

void set_language(Language language);
Language language();

// Marks a literal as a translation key where it is defined apart from its tr()
// call (a table of column names): it changes nothing, and the translation test
// finds every key by its tr(), T(), tr_format(), tr_plural() or tr_key() call.
constexpr const char* tr_key(const char* key) { return key; }

// The text to show for `key` in the current language. The returned view stays
// valid for the life of the program (it points into static tables, into a
// loaded catalog, or into `key` itself).
std::string_view tr(std::string_view key);

// tr(key) with each "{}" replaced by the next argument, in order
// ("create.done": "Incident {} registered"). Translations keep the same order.
std::string tr_format(std::string_view key, std::initializer_list<std::string_view> arguments);

// The plural form of `key` for the count `n` in the current language (English
// and Italian: one, other; French: one for 0 and 1; Russian: one, few, many),
// with its "{}" replaced by the arguments (the count is one of them, formatted
// by the caller with format_count()).
std::string tr_plural(std::string_view key, std::int64_t n, std::initializer_list<std::string_view> arguments);

// A refusal for people, by its code: the template "error.<code>" (or, for codes
// built from a kind or field name, "error.<prefix>_*") filled with Error::args,
// each shown translated when it is an interface label. English, and a code
// without a template, show Error::message.
std::string tr_error(const Error& error);

// "12 345" / "12,345": a count with the current language's digit grouping.
std::string format_count(std::int64_t n);

// "3.5" / "3,5": a number with `decimals` digits after the current language's decimal mark.
std::string format_decimal(double value, int decimals);

// Keys asked for in a language other than English that its catalog lacks, sorted.
std::vector<std::string> missing_translations();

}  // namespace hotline::app
