// Which operation ids a replica has applied, so a re-delivered operation is a
// no-op (idempotent push and pull). Per origin replica: every counter up to
// `contiguous` plus a sparse set of later ones that arrived out of order, which
// stays small because each replica's operations usually arrive in order.
#pragma once

#include <cstdint>
#include <set>
#include <vector>

namespace hotline {

struct SeenRange {
    std::uint64_t contiguous = 0;     // counters 1..contiguous are seen
    std::set<std::uint64_t> beyond;   // seen counters > contiguous + 1

    friend bool operator==(const SeenRange&, const SeenRange&) = default;
};

class SeenOps {
public:
    bool contains(std::uint32_t replica, std::uint64_t counter) const;
    void insert(std::uint32_t replica, std::uint64_t counter);

    // By replica index (Desk's replica table); the store persists it.
    const std::vector<SeenRange>& ranges() const { return ranges_; }
    void restore(std::vector<SeenRange> ranges) { ranges_ = std::move(ranges); }

    friend bool operator==(const SeenOps&, const SeenOps&) = default;

private:
    std::vector<SeenRange> ranges_;
};

}  // namespace hotline
