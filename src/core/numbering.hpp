// Incident numbers (R1: assigned automatically, also offline).
//
// The server leases each replica blocks of consecutive numbers. A replica
// creating an incident takes the next number of its oldest block, so numbers
// are final at once even offline. With no number left it issues a provisional
// number "P-<replica>-<n>"; the server replaces it on sync (a "renumber"
// operation) and the provisional one stays searchable as an alias.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace hotline {

struct IncidentNumber {
    std::int64_t value = 0;   // > 0 when final
    std::string provisional;  // non-empty when not final

    bool is_final() const { return value > 0; }
    std::string display() const;  // "10042" or "P-r7f3-2"

    friend bool operator==(const IncidentNumber&, const IncidentNumber&) = default;
};

struct NumberBlock {
    std::int64_t first = 0;  // inclusive
    std::int64_t last = 0;   // inclusive

    friend bool operator==(const NumberBlock&, const NumberBlock&) = default;
};

class NumberAllocator {
public:
    NumberAllocator() = default;
    explicit NumberAllocator(std::string replica) : replica_(std::move(replica)) {}

    // Adds a block leased by the server. Blocks are used in the order added. Numbers this
    // allocator already held (a block repeated, or overlapping an earlier one) are left
    // out, so no number is handed out twice.
    void add_block(NumberBlock block);
    IncidentNumber allocate();
    // Marks `number` (and every number before it in the blocks) as used, e.g.
    // when replaying creations that were saved after the allocator's state.
    void mark_used(const IncidentNumber& number);

    std::int64_t remaining() const;  // final numbers left before going provisional
    const std::deque<NumberBlock>& blocks() const { return blocks_; }
    std::uint64_t provisional_issued() const { return provisional_issued_; }
    const std::string& replica() const { return replica_; }

    // Restores persisted state (the store's metadata).
    void restore(std::deque<NumberBlock> blocks, std::uint64_t provisional_issued) {
        blocks_ = std::move(blocks);
        held_.assign(blocks_.begin(), blocks_.end());
        provisional_issued_ = provisional_issued;
    }

private:
    std::string replica_;
    std::deque<NumberBlock> blocks_;  // front().first is the next number
    // Every block added or restored, used up or not: the numbers never to add again. In
    // memory only; after a restart the desk still refuses a number in use (Desk::apply).
    std::vector<NumberBlock> held_;
    std::uint64_t provisional_issued_ = 0;
};

}  // namespace hotline
