#include "core/seen_ops.hpp"

namespace hotline {

bool SeenOps::contains(std::uint32_t replica, std::uint64_t counter) const {
    if (replica >= ranges_.size()) return false;
    const auto& r = ranges_[replica];
    return counter <= r.contiguous || r.beyond.count(counter) != 0;
}

void SeenOps::insert(std::uint32_t replica, std::uint64_t counter) {
    if (replica >= ranges_.size()) ranges_.resize(replica + 1);
    auto& r = ranges_[replica];
    if (counter <= r.contiguous) return;
    if (counter != r.contiguous + 1) {
        r.beyond.insert(counter);
        return;
    }
    r.contiguous = counter;
    while (!r.beyond.empty() && *r.beyond.begin() == r.contiguous + 1) {
        r.beyond.erase(r.beyond.begin());
        ++r.contiguous;
    }
}

}  // namespace hotline
