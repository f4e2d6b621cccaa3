// Customer lookup for the registration form (R2, R3): while the agent types a
// few letters, the accounts and contacts whose name, email or phone match, best
// first. Letters are compared as lookup keys (text_fold.hpp: case, accents and ё
// folded); a query of digits and phone punctuation ("0117 496-03") is compared
// with the digits of phone numbers only. Inactive records are left out.
//
// Ranking: the name starts with the query, then a word of the name does, then
// the email or phone does, then the query is anywhere; ties by name.
//
// Built for 10,000 accounts and 30,000 contacts at < 5 ms per keystroke: the
// keys of every record are in ONE buffer
//     name \1 email \1 phone digits \1
// with a signature per record (text_search.hpp) so that a record that cannot
// match is not read, and a one-letter query reads none; a query that extends
// the previous one re-checks only the previous matches (as list_model.hpp does).
// The index follows the desk when records are added; edits to existing records
// are seen after refresh() (the registration screen calls it when it opens and
// when sync brings records).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/desk.hpp"

namespace hotline::app {

struct CustomerMatch {
    EntityKind kind = EntityKind::account;  // account or contact
    const Entity* record = nullptr;
    const Entity* account = nullptr;  // the account itself, or the contact's account (may be null)
    int rank = 0;                     // 0 best
};

class CustomerLookup {
public:
    explicit CustomerLookup(const Desk& desk) : desk_(desk) {}

    void refresh();  // rebuild from the desk (records edited since the last build)
    // The best `limit` matches of `typed`; empty when the query is blank.
    std::vector<CustomerMatch> find(std::string_view typed, std::size_t limit = 20);

    // The match ranks, for tests and the UI's grouping.
    static constexpr int kNamePrefix = 0, kWordPrefix = 1, kContactPrefix = 2, kInside = 3;

private:
    struct Row {
        EntityKind kind;
        std::uint32_t desk_row;   // index in Desk::entities(kind)
        std::uint32_t offset;     // of the keys in text_
        std::uint16_t name_length, email_length;
        std::uint64_t signature;  // of the keys
    };
    void build_if_stale();
    void add(EntityKind kind, std::uint32_t desk_row);
    std::string_view keys(const Row& row) const;
    // The rows (indexes into rows_) whose keys hold the needle, among `candidates` or all.
    std::vector<std::uint32_t> matching(std::string_view needle, bool digits, const std::vector<std::uint32_t>* candidates) const;
    bool row_matches(const Row& row, std::string_view needle, bool digits) const;
    int rank_of(const Row& row, std::string_view needle, bool digits) const;

    const Desk& desk_;
    std::string text_;
    std::vector<Row> rows_;
    std::size_t built_accounts_ = 0, built_contacts_ = 0;
    bool built_ = false;
    // The previous query and its matches (indexes into rows_), to narrow.
    std::string last_needle_;
    bool last_digits_ = false;
    std::vector<std::uint32_t> last_matches_;
};

}  // namespace hotline::app
