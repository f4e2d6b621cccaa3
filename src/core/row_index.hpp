// The rows of one record table by their id, without a copy of the ids.
//
// A map from id strings to rows held every id twice (the key is a copy of the record's id)
// and cost two heap blocks per record: at 100,000 incidents and 140,000 customer records
// that was ~15 MB and half a million allocations of the browser's start-up (issue 10).
// Here the index is one array of slots, open addressing with linear probing; a slot holds
// the id's hash and its row, and the id itself is read from the row when hashes match.
//
// The rows are passed to each call (the table owns them; the index stays a plain value,
// so a Desk copies and moves as before). A row's id must not change while it is indexed.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <vector>

#include "core/entity.hpp"

namespace hotline {

class RowIndex {
public:
    using Rows = std::deque<Entity>;

    std::optional<std::uint32_t> find(std::string_view id, const Rows& rows) const;
    bool contains(std::string_view id, const Rows& rows) const { return find(id, rows).has_value(); }
    // Indexes rows[row] under its id; false (and nothing changes) when the id is indexed already.
    bool insert(std::uint32_t row, const Rows& rows);
    // Removes `id`, which must be read before its row changes; false when it was not indexed.
    bool erase(std::string_view id, const Rows& rows);
    void reserve(std::size_t count);
    std::size_t size() const { return size_; }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t row_plus_one = 0;  // 0: empty
    };
    static std::uint32_t hash_of(std::string_view id);
    std::size_t mask() const { return slots_.size() - 1; }
    // The slot holding `id`, or the empty slot where its probe ends.
    std::size_t probe(std::string_view id, std::uint32_t hash, const Rows& rows) const;
    void grow_to(std::size_t slot_count);

    std::vector<Slot> slots_;  // a power of two, at most 3/4 full
    std::size_t size_ = 0;
};

}  // namespace hotline
