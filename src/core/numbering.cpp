#include "core/numbering.hpp"

#include "core/ids.hpp"

namespace hotline {

std::string IncidentNumber::display() const {
    return is_final() ? std::to_string(value) : provisional;
}

void NumberAllocator::add_block(NumberBlock block) {
    if (block.first <= 0 || block.last < block.first) return;
    std::vector<NumberBlock> fresh = {block};  // the parts of `block` not held before, in order
    for (const NumberBlock& h : held_) {
        std::vector<NumberBlock> rest;
        for (const NumberBlock& f : fresh) {
            if (f.last < h.first || f.first > h.last) {
                rest.push_back(f);
                continue;
            }
            if (f.first < h.first) rest.push_back({f.first, h.first - 1});
            if (f.last > h.last) rest.push_back({h.last + 1, f.last});
        }
        fresh = std::move(rest);
    }
    blocks_.insert(blocks_.end(), fresh.begin(), fresh.end());
    held_.push_back(block);
}

IncidentNumber NumberAllocator::allocate() {
    while (!blocks_.empty() && blocks_.front().first > blocks_.front().last) blocks_.pop_front();
    if (blocks_.empty())
        return IncidentNumber{0, "P-" + replica_ + "-" + std::to_string(++provisional_issued_)};
    IncidentNumber n{blocks_.front().first++, {}};
    if (blocks_.front().first > blocks_.front().last) blocks_.pop_front();
    return n;
}

void NumberAllocator::mark_used(const IncidentNumber& number) {
    if (!number.is_final()) {
        std::string prefix = "P-" + replica_ + "-";
        if (number.provisional.rfind(prefix, 0) == 0) {
            std::uint64_t n = 0;
            if (parse_decimal_u64(std::string_view(number.provisional).substr(prefix.size()), n) &&
                n > provisional_issued_)
                provisional_issued_ = n;
        }
        return;
    }
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        if (number.value < blocks_[i].first || number.value > blocks_[i].last) continue;
        blocks_.erase(blocks_.begin(), blocks_.begin() + static_cast<std::ptrdiff_t>(i));
        blocks_.front().first = number.value + 1;
        if (blocks_.front().first > blocks_.front().last) blocks_.pop_front();
        return;
    }
}

std::int64_t NumberAllocator::remaining() const {
    std::int64_t total = 0;
    for (const auto& b : blocks_) total += b.last - b.first + 1;
    return total;
}

}  // namespace hotline
