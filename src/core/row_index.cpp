#include "core/row_index.hpp"

#include <functional>

namespace hotline {

std::uint32_t RowIndex::hash_of(std::string_view id) {
    const std::size_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (static_cast<std::uint64_t>(h) >> 32));
}

std::size_t RowIndex::probe(std::string_view id, std::uint32_t hash, const Rows& rows) const {
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
        const Slot& s = slots_[i];
        if (s.row_plus_one == 0 || (s.hash == hash && rows[s.row_plus_one - 1].id == id)) return i;
    }
}

std::optional<std::uint32_t> RowIndex::find(std::string_view id, const Rows& rows) const {
    if (size_ == 0) return std::nullopt;
    const Slot& s = slots_[probe(id, hash_of(id), rows)];
    if (s.row_plus_one == 0) return std::nullopt;
    return s.row_plus_one - 1;
}

bool RowIndex::insert(std::uint32_t row, const Rows& rows) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow_to(slots_.empty() ? 16 : slots_.size() * 2);
    const std::string_view id = rows[row].id;
    const std::uint32_t hash = hash_of(id);
    Slot& s = slots_[probe(id, hash, rows)];
    if (s.row_plus_one != 0) return false;
    s = {hash, row + 1};
    ++size_;
    return true;
}

bool RowIndex::erase(std::string_view id, const Rows& rows) {
    if (size_ == 0) return false;
    std::size_t hole = probe(id, hash_of(id), rows);
    if (slots_[hole].row_plus_one == 0) return false;
    // Backward-shift deletion: later slots of the same probe run move up into the hole, so
    // every lookup still finds its id before an empty slot (no tombstones).
    for (std::size_t next = (hole + 1) & mask(); slots_[next].row_plus_one != 0; next = (next + 1) & mask()) {
        const std::size_t home = slots_[next].hash & mask();
        // `next` may move to `hole` unless its home lies cyclically in (hole, next].
        const bool home_after_hole = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
        if (home_after_hole) continue;
        slots_[hole] = slots_[next];
        hole = next;
    }
    slots_[hole] = Slot{};
    --size_;
    return true;
}

void RowIndex::reserve(std::size_t count) {
    std::size_t slots = 16;
    while (count * 4 > slots * 3) slots *= 2;
    if (slots > slots_.size()) grow_to(slots);
}

void RowIndex::grow_to(std::size_t slot_count) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(slot_count, Slot{});
    for (const Slot& s : old) {
        if (s.row_plus_one == 0) continue;
        std::size_t i = s.hash & mask();
        while (slots_[i].row_plus_one != 0) i = (i + 1) & mask();  // ids are distinct: no compare needed
        slots_[i] = s;
    }
}

}  // namespace hotline
