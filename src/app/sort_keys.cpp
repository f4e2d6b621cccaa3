#include "app/sort_keys.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "core/assignment.hpp"
#include "core/collation.hpp"

namespace hotline::app {
namespace {

// Signed keys as unsigned ones of the same order.
std::uint64_t ordered_bits(std::int64_t v) { return static_cast<std::uint64_t>(v) ^ (std::uint64_t{1} << 63); }

// Least-significant-digit radix passes over `items`, 16 bits of `range` a pass, as many
// as the range needs (one for ranks, priorities and statuses, two or three for dates and
// deadlines); digit_of(item, shift) is the item's digit at that bit. Stable.
template <class Item, class DigitOf>
void radix_passes(std::vector<Item>& items, std::uint64_t range, DigitOf digit_of) {
    constexpr int kDigitBits = 16;
    constexpr std::uint64_t kBuckets = std::uint64_t{1} << kDigitBits;
    std::vector<Item> scratch(items.size());
    std::vector<std::uint32_t> start;
    for (int shift = 0; shift < 64 && (range >> shift) != 0; shift += kDigitBits) {
        // As many buckets as this digit takes values: 16 for priorities, not 65,536.
        start.assign(std::min<std::uint64_t>(kBuckets, (range >> shift) + 1), 0);
        for (const Item& item : items) ++start[digit_of(item, shift) & (kBuckets - 1)];
        std::exclusive_scan(start.begin(), start.end(), start.begin(), std::uint32_t{0});
        for (const Item& item : items) scratch[start[digit_of(item, shift) & (kBuckets - 1)]++] = item;
        items.swap(scratch);
    }
}

// Rows 0..n-1 in (key, row) order, keys[row] the row's key. Stable, so rows of equal keys
// stay in row order. When the keys' range and the row number fit in 64 bits together (a
// desk's dates and deadlines with up to millions of rows), each item is that one number:
// half the memory each pass moves of (key, row) pairs.
void radix_order(const std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& order) {
    const auto [low_at, high_at] = std::minmax_element(keys.begin(), keys.end());
    const std::uint64_t low = keys.empty() ? 0 : *low_at, range = keys.empty() ? 0 : *high_at - low;
    const int row_bits = std::max(1, static_cast<int>(std::bit_width(keys.size())));
    order.resize(keys.size());
    if (std::bit_width(range) + row_bits <= 64) {
        std::vector<std::uint64_t> items(keys.size());
        for (std::size_t row = 0; row < keys.size(); ++row) items[row] = ((keys[row] - low) << row_bits) | row;
        radix_passes(items, range, [&](std::uint64_t item, int shift) { return item >> (row_bits + shift); });
        const std::uint64_t row_mask = (std::uint64_t{1} << row_bits) - 1;
        for (std::size_t i = 0; i < items.size(); ++i) order[i] = static_cast<std::uint32_t>(items[i] & row_mask);
        return;
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> items(keys.size());
    for (std::uint32_t row = 0; row < items.size(); ++row) items[row] = {keys[row] - low, row};
    radix_passes(items, range, [](const auto& item, int shift) { return item.first >> shift; });
    for (std::size_t i = 0; i < items.size(); ++i) order[i] = items[i].second;
}

}  // namespace

void TextRanks::assign(const std::vector<std::string_view>& texts) {
    // Names, titles and engineers repeat across a desk: collate each distinct text once.
    std::unordered_map<std::string_view, std::uint32_t> distinct_index;
    distinct_index.reserve(texts.size() / 4);
    std::vector<std::string> distinct_keys;
    rank_.resize(texts.size());
    for (std::size_t row = 0; row < texts.size(); ++row) {
        auto [it, added] = distinct_index.try_emplace(texts[row], static_cast<std::uint32_t>(distinct_keys.size()));
        if (added) distinct_keys.push_back(collation_key(texts[row]));
        rank_[row] = it->second;
    }
    std::vector<std::uint32_t> by_key(distinct_keys.size());
    std::iota(by_key.begin(), by_key.end(), std::uint32_t{0});
    std::sort(by_key.begin(), by_key.end(), [&](std::uint32_t a, std::uint32_t b) { return distinct_keys[a] < distinct_keys[b]; });
    // Different texts may collate equal (they differ in ignored characters): one rank.
    std::vector<std::uint32_t> rank_of(distinct_keys.size());
    keys_.clear();
    for (std::uint32_t i : by_key) {
        if (keys_.empty() || keys_.back() != distinct_keys[i]) keys_.push_back(std::move(distinct_keys[i]));
        rank_of[i] = static_cast<std::uint32_t>(keys_.size() - 1);
    }
    for (auto& r : rank_) r = rank_of[r];
}

void TextRanks::set(std::uint32_t row, std::string_view text) {
    std::string key = collation_key(text);
    auto at = std::lower_bound(keys_.begin(), keys_.end(), key);
    const auto rank = static_cast<std::uint32_t>(at - keys_.begin());
    if (at == keys_.end() || *at != key) {
        keys_.insert(at, std::move(key));
        for (auto& r : rank_) r += r >= rank;
    }
    if (row == rank_.size()) rank_.push_back(rank);
    else rank_[row] = rank;
}

std::size_t TextRanks::memory_bytes() const {
    const std::size_t inline_capacity = std::string().capacity();
    std::size_t bytes = keys_.capacity() * sizeof(std::string) + rank_.capacity() * sizeof(std::uint32_t);
    for (const auto& k : keys_) bytes += k.capacity() > inline_capacity ? k.capacity() + 1 : 0;
    return bytes;
}

void SortKeys::clear() {
    number_.clear();
    updated_.clear();
    priority_bit_.clear();
    status_.clear();
    title_ = customer_ = engineer_ = TextRanks{};
    sla_.clear_rows();
}

void SortKeys::reserve(std::size_t rows) {
    number_.reserve(rows);
    updated_.reserve(rows);
    priority_bit_.reserve(rows);
    status_.reserve(rows);
}

void SortKeys::set_numbers(std::uint32_t row, const Incident& inc) {
    if (row == number_.size()) {
        number_.emplace_back();
        updated_.emplace_back();
        priority_bit_.emplace_back();
        status_.emplace_back();
    }
    // Provisional numbers are the newest: they sort after every final one.
    number_[row] = inc.number.is_final() ? inc.number.value : std::numeric_limits<std::int64_t>::max();
    updated_[row] = inc.updated_ms;
    const int p = inc.priority();
    priority_bit_[row] = p >= 1 && p <= 4 ? static_cast<std::uint8_t>(1u << (p - 1)) : kAllPriorities;
    status_[row] = static_cast<std::uint8_t>(inc.status);
}

void SortKeys::assign(const IncidentList& incidents) {
    clear();
    reserve(incidents.size());
    for (std::uint32_t row = 0; row < incidents.size(); ++row) set_numbers(row, incidents[row]);
    std::vector<std::string_view> texts(incidents.size());
    for (auto [ranks, field] : {std::pair{&title_, IncidentField::title}, std::pair{&customer_, IncidentField::customer_name}}) {
        for (std::size_t row = 0; row < incidents.size(); ++row) texts[row] = incidents[row].value(field);
        ranks->assign(texts);
    }
    for (std::size_t row = 0; row < incidents.size(); ++row) texts[row] = assignee_key(incidents[row]);
    engineer_.assign(texts);
    sla_.restart(incidents.size());  // computed a slice per frame (ListModel::refresh_sla)
}

void SortKeys::set(std::uint32_t row, const Incident& inc) {
    set_numbers(row, inc);
    title_.set(row, inc.value(IncidentField::title));
    customer_.set(row, inc.value(IncidentField::customer_name));
    engineer_.set(row, assignee_key(inc));
    sla_.set(row, inc);
}

std::uint64_t SortKeys::key(Column column, std::uint32_t row) const {
    switch (column) {
        case Column::number: return ordered_bits(number_[row]);
        case Column::title: return title_.rank(row);
        case Column::customer: return customer_.rank(row);
        case Column::priority: return priority_bit_[row];
        case Column::status: return status_[row];
        case Column::due: return sla_.sort_key(row);
        case Column::assignee: return engineer_.rank(row);
        case Column::updated: return ordered_bits(updated_[row]);
    }
    return 0;
}

void SortKeys::order(Column column, std::vector<std::uint32_t>& order) const {
    std::vector<std::uint64_t> keys(size());
    for (std::uint32_t row = 0; row < keys.size(); ++row) keys[row] = key(column, row);
    radix_order(keys, order);
}

std::size_t SortKeys::memory_bytes() const {
    return (number_.capacity() + updated_.capacity()) * sizeof(std::int64_t) + priority_bit_.capacity() +
           status_.capacity() + title_.memory_bytes() + customer_.memory_bytes() + engineer_.memory_bytes() +
           sla_.memory_bytes();
}

}  // namespace hotline::app
