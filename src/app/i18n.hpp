// Every user-visible string goes through tr(): one lookup, English now;
// French, Russian and Italian tables come with P7. Keys are the English text
// itself for short labels ("New incident") or a dotted key for longer texts
// ("demo.banner"); a key without a translation shows as itself.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace hotline::app {

enum class Language { english };

void set_language(Language language);
Language language();

// The text to show for `key` in the current language. The returned view
// stays valid for the life of the program (it points into static tables or
// into `key` itself).
std::string_view tr(std::string_view key);

// tr(key) with each "{}" replaced by the next argument, in order
// ("create.done": "Incident {} registered"). Translations keep the same order.
std::string tr_format(std::string_view key, std::initializer_list<std::string_view> arguments);

}  // namespace hotline::app
