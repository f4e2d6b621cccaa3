#include "app/i18n.hpp"

#include <algorithm>
#include <iterator>

namespace hotline::app {
namespace {

struct Entry {
    std::string_view key;
    std::string_view text;
};

// English texts of the dotted keys, sorted by key (for the binary search).
// Short labels are their own key and need no entry.
constexpr Entry kEnglish[] = {
    {"create.done", "Incident {} registered"},
    {"demo.banner", "Demo data \xe2\x80\x94 changes stay in this browser"},
    {"demo.failed", "The demo data could not be loaded: {}"},
    {"form.fix_fields", "Fix the fields marked in red"},
    {"list.empty", "No incident matches the search and filters"},
    {"selection.unsaved", "Save or discard the changes to incident {} first"},
    {"status.done", "Status changed to {}"},
    {"summary.archived", "This incident is archived: it can be read, not changed"},
    {"summary.discarded", "Changes discarded"},
};

static_assert(std::is_sorted(std::begin(kEnglish), std::end(kEnglish),
                             [](const Entry& a, const Entry& b) { return a.key < b.key; }));

Language current = Language::english;

}  // namespace

void set_language(Language language) { current = language; }
Language language() { return current; }

std::string_view tr(std::string_view key) {
    auto it = std::lower_bound(std::begin(kEnglish), std::end(kEnglish), key,
                               [](const Entry& e, std::string_view k) { return e.key < k; });
    return it != std::end(kEnglish) && it->key == key ? it->text : key;
}

std::string tr_format(std::string_view key, std::string_view argument) {
    std::string text(tr(key));
    if (auto at = text.find("{}"); at != std::string::npos) text.replace(at, 2, argument);
    return text;
}

}  // namespace hotline::app
