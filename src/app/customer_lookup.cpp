#include "app/customer_lookup.hpp"

#include <algorithm>

#include "app/text_search.hpp"
#include "core/text_fold.hpp"

namespace hotline::app {
namespace {

constexpr char kSeparator = '\1';

// A word starts at `p` when nothing but spaces and signs precede it: ASCII that is
// not a letter or digit, or a Latin-1 sign (U+0080..U+00BF, lead byte C2: « » ...).
bool is_word_start(std::string_view text, std::size_t p) {
    if (p == 0) return true;
    auto prev = static_cast<unsigned char>(text[p - 1]);
    if (prev < 0x80) return !((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9'));
    return p >= 2 && static_cast<unsigned char>(text[p - 2]) == 0xc2;
}

bool has_word_starting(std::string_view text, std::string_view needle) {
    for (std::size_t p = text.find(needle); p != std::string_view::npos; p = text.find(needle, p + 1))
        if (is_word_start(text, p)) return true;
    return false;
}

}  // namespace

void CustomerLookup::refresh() {
    built_ = false;
    build_if_stale();
}

void CustomerLookup::build_if_stale() {
    const auto& accounts = desk_.entities(EntityKind::account);
    const auto& contacts = desk_.entities(EntityKind::contact);
    if (!built_) {
        text_.clear();
        rows_.clear();
        built_accounts_ = built_contacts_ = 0;
        built_ = true;
    } else if (built_accounts_ == accounts.size() && built_contacts_ == contacts.size()) {
        return;
    }
    for (; built_accounts_ < accounts.size(); ++built_accounts_)
        add(EntityKind::account, static_cast<std::uint32_t>(built_accounts_));
    for (; built_contacts_ < contacts.size(); ++built_contacts_)
        add(EntityKind::contact, static_cast<std::uint32_t>(built_contacts_));
    last_needle_.clear();
    last_matches_.clear();
}

void CustomerLookup::add(EntityKind kind, std::uint32_t desk_row) {
    const Entity& e = desk_.entities(kind)[desk_row];
    const bool account = kind == EntityKind::account;
    if (!e.flag(account ? FieldId(AccountField::active) : FieldId(ContactField::active))) return;
    const std::string name = lookup_key(e.value(account ? FieldId(AccountField::name) : FieldId(ContactField::name)));
    const std::string email = lookup_key(e.value(account ? FieldId(AccountField::email) : FieldId(ContactField::email)));
    const std::string phone = digits_of(e.value(account ? FieldId(AccountField::phone) : FieldId(ContactField::phone)));
    Row row{kind, desk_row, static_cast<std::uint32_t>(text_.size()), static_cast<std::uint16_t>(name.size()),
            static_cast<std::uint16_t>(email.size()), 0};
    text_ += name;
    text_ += kSeparator;
    text_ += email;
    text_ += kSeparator;
    text_ += phone;
    text_ += kSeparator;
    row.signature = signature_of(std::string_view(text_).substr(row.offset));
    rows_.push_back(row);
}

std::string_view CustomerLookup::keys(const Row& row) const {
    const std::size_t end = &row == &rows_.back() ? text_.size() : (&row + 1)->offset;
    return std::string_view(text_).substr(row.offset, end - row.offset);
}

bool CustomerLookup::row_matches(const Row& row, std::string_view needle, bool digits) const {
    std::string_view k = keys(row);
    return contains(digits ? k.substr(row.name_length + row.email_length + 2) : k, needle);
}

int CustomerLookup::rank_of(const Row& row, std::string_view needle, bool digits) const {
    std::string_view k = keys(row);
    std::string_view name = k.substr(0, row.name_length);
    std::string_view email = k.substr(row.name_length + 1, row.email_length);
    std::string_view phone = k.substr(row.name_length + row.email_length + 2);
    if (digits) return phone.starts_with(needle) ? kContactPrefix : kInside;
    if (name.starts_with(needle)) return kNamePrefix;
    if (has_word_starting(name, needle)) return kWordPrefix;
    if (email.starts_with(needle) || phone.starts_with(needle)) return kContactPrefix;
    return kInside;
}

std::vector<std::uint32_t> CustomerLookup::matching(std::string_view needle, bool digits,
                                                    const std::vector<std::uint32_t>* candidates) const {
    // A one-letter query is answered by the signatures (a digits query has three digits at least).
    const TextQuery query = text_query(needle);
    std::vector<std::uint32_t> matches;
    matches.reserve(candidates ? candidates->size() : rows_.size());  // one allocation, not one per doubling
    auto check = [&](std::uint32_t r) {
        const Row& row = rows_[r];
        if (may_contain(row.signature, query) && (query.signature_decides || row_matches(row, needle, digits)))
            matches.push_back(r);
    };
    if (candidates && candidates->size() * 4 < rows_.size()) {
        for (std::uint32_t r : *candidates) check(r);
    } else if (query.signature_decides) {
        for (std::uint32_t r = 0; r < rows_.size(); ++r) check(r);
    } else {
        // Many candidates (a second letter after a first that matched most records): one
        // scan of the buffer costs less than a test per record, and finds only candidates
        // (keys holding the needle hold the previous needle it extends). After a hit, go on
        // from the next row's keys; hits come in buffer order, so the row holding one is
        // found by walking forward.
        std::uint32_t r = 0;
        for (std::size_t p = find_text(text_, needle); p != std::string::npos;) {
            while (r + 1 < rows_.size() && rows_[r + 1].offset <= p) ++r;
            const bool hit = !digits || p >= rows_[r].offset + rows_[r].name_length + rows_[r].email_length + 2u;
            if (hit) matches.push_back(r);
            const std::size_t next = hit ? (r + 1 < rows_.size() ? rows_[r + 1].offset : text_.size()) : p + 1;
            p = find_text(text_, needle, next);
        }
    }
    return matches;
}

std::vector<CustomerMatch> CustomerLookup::find(std::string_view typed, std::size_t limit) {
    build_if_stale();
    std::string needle = phone_digits_query(typed);
    const bool digits = !needle.empty();
    if (!digits) needle = lookup_key(typed);
    while (!needle.empty() && needle.back() == ' ') needle.pop_back();
    needle.erase(0, std::min(needle.find_first_not_of(' '), needle.size()));
    if (needle.empty()) return {};

    const bool narrows = !last_needle_.empty() && digits == last_digits_ && needle.starts_with(last_needle_);
    std::vector<std::uint32_t> matches = matching(needle, digits, narrows ? &last_matches_ : nullptr);
    last_needle_ = needle;
    last_digits_ = digits;
    last_matches_.assign(matches.begin(), matches.end());  // into the buffer it already has

    std::vector<CustomerMatch> out;
    // Records deactivated since the index was built are skipped, so rank a few more than asked.
    const std::size_t wanted = limit + 16;
    std::vector<std::pair<int, std::uint32_t>> ranked;
    // A first letter matches most records: when enough names begin with the
    // query, the other ranks cannot reach the first places and are not computed.
    if (!digits)
        for (std::uint32_t r : matches)
            if (keys(rows_[r]).substr(0, rows_[r].name_length).starts_with(needle)) ranked.emplace_back(kNamePrefix, r);
    if (ranked.size() < wanted) {
        ranked.clear();
        for (std::uint32_t r : matches) ranked.emplace_back(rank_of(rows_[r], needle, digits), r);
    }
    auto better = [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return keys(rows_[a.second]).substr(0, rows_[a.second].name_length) <
               keys(rows_[b.second]).substr(0, rows_[b.second].name_length);
    };
    const std::size_t keep = std::min(ranked.size(), wanted);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), better);
    for (std::size_t i = 0; i < keep && out.size() < limit; ++i) {
        const Row& row = rows_[ranked[i].second];
        const Entity& e = desk_.entities(row.kind)[row.desk_row];
        const bool account = row.kind == EntityKind::account;
        if (!e.flag(account ? FieldId(AccountField::active) : FieldId(ContactField::active))) continue;
        const Entity* acc = account ? &e : desk_.find(EntityKind::account, e.value(ContactField::account));
        out.push_back({row.kind, &e, acc, ranked[i].first});
    }
    return out;
}

}  // namespace hotline::app
