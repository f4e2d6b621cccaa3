// The English texts (the source language) behind tr(): see i18n.hpp.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace hotline::app {

// A dotted key's English text; any other key is its own text.
std::string_view english_text(std::string_view key);
// The English form of a tr_plural() key for one or for any other count; none for other keys.
std::optional<std::string_view> english_plural(std::string_view key, bool one);
// Every dotted and plural key with an English text (the translation test's list).
std::vector<std::string_view> english_keys();
bool is_plural_key(std::string_view key);

}  // namespace hotline::app
