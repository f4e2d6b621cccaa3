#include "app/list_model.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "core/text_fold.hpp"

namespace hotline::app {
namespace {

// Typical prepared text: number, title, customer, engineer, contact, phone, email, serial.
constexpr std::size_t kTypicalTextBytes = 160;
// Above this many new rows, one full sort beats inserting them one by one.
constexpr std::size_t kInsertOneByOneMax = 64;
// Queries whose hits are kept (100 KB each with 100,000 incidents).
constexpr std::size_t kRecentQueries = 16;

std::string trimmed_without_controls(std::string_view typed) {
    std::string out;
    out.reserve(typed.size());
    for (char c : typed)
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// Rows in (key, row) order, for keys below key_count: one counting sort.
void order_by_small_keys(const std::vector<std::uint32_t>& key, std::size_t key_count, std::vector<std::uint32_t>& order) {
    std::vector<std::uint32_t> start(key_count + 1, 0);
    for (std::uint32_t k : key) ++start[k + 1];
    for (std::size_t k = 1; k <= key_count; ++k) start[k] += start[k - 1];
    order.resize(key.size());
    for (std::uint32_t row = 0; row < key.size(); ++row) order[start[key[row]]++] = row;
}

template <typename Key>
void order_by_wide_keys(const std::vector<Key>& key, std::vector<std::uint32_t>& order) {
    std::vector<std::pair<Key, std::uint32_t>> pairs(key.size());
    for (std::uint32_t row = 0; row < key.size(); ++row) pairs[row] = {key[row], row};
    std::sort(pairs.begin(), pairs.end());
    order.resize(key.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) order[i] = pairs[i].second;
}

}  // namespace

ListModel::ListModel(const Desk& desk) : desk_(desk) { reload(); }

void ListModel::prepare(std::uint32_t row) {
    const Incident& inc = incident(row);
    index_.set(row, inc);
    if (row >= number_.size()) {
        number_.resize(row + 1);
        updated_.resize(row + 1);
        priority_bit_.resize(row + 1);
        status_.resize(row + 1);
    }
    // Provisional numbers are the newest: they sort after every final one.
    number_[row] = inc.number.is_final() ? inc.number.value : std::numeric_limits<std::int64_t>::max();
    updated_[row] = inc.updated_ms;
    int p = inc.priority();
    priority_bit_[row] = p >= 1 && p <= 4 ? static_cast<std::uint8_t>(1u << (p - 1)) : kAllPriorities;
    status_[row] = static_cast<std::uint8_t>(inc.status);
}

bool ListModel::less(std::uint32_t a, std::uint32_t b) const {
    if (!sort_.ascending) std::swap(a, b);
    // Ties are broken by row, so the order is total and flipping the direction is an exact reverse.
    auto by = [&](const auto& ka, const auto& kb) { return ka < kb || (ka == kb && a < b); };
    using S = SearchIndex::Segment;
    switch (sort_.column) {
        case Column::number: return by(number_[a], number_[b]);
        case Column::title: return by(index_.segment(a, S::title), index_.segment(b, S::title));
        case Column::customer: return by(index_.segment(a, S::customer), index_.segment(b, S::customer));
        case Column::priority: return by(priority_bit_[a], priority_bit_[b]);
        case Column::status: return by(status_[a], status_[b]);
        case Column::assignee: return by(index_.segment(a, S::engineer), index_.segment(b, S::engineer));
        case Column::updated: return by(updated_[a], updated_[b]);
    }
    return a < b;
}

void ListModel::sort_all() {
    // Every column orders rows by (key, row). Text keys are replaced by dense
    // ranks first: the distinct texts are sorted (names, titles and engineers
    // repeat across a desk), then one counting sort places 100,000 rows.
    using S = SearchIndex::Segment;
    auto by_text = [&](S segment) {
        const auto n = static_cast<std::uint32_t>(order_.size());
        std::unordered_map<std::string_view, std::uint32_t> distinct_index;
        distinct_index.reserve(n / 4);
        std::vector<std::string_view> distinct;
        std::vector<std::uint32_t> key(n);
        for (std::uint32_t row = 0; row < n; ++row) {
            std::string_view text = index_.segment(row, segment);
            auto [it, added] = distinct_index.try_emplace(text, static_cast<std::uint32_t>(distinct.size()));
            if (added) distinct.push_back(text);
            key[row] = it->second;
        }
        std::vector<std::uint32_t> by_rank(distinct.size());
        for (std::uint32_t i = 0; i < by_rank.size(); ++i) by_rank[i] = i;
        std::sort(by_rank.begin(), by_rank.end(), [&](std::uint32_t a, std::uint32_t b) { return distinct[a] < distinct[b]; });
        std::vector<std::uint32_t> rank(distinct.size());
        for (std::uint32_t r = 0; r < by_rank.size(); ++r) rank[by_rank[r]] = r;
        for (auto& k : key) k = rank[k];
        order_by_small_keys(key, distinct.size(), order_);
    };
    auto by_byte = [&](const std::vector<std::uint8_t>& bytes) {
        order_by_small_keys(std::vector<std::uint32_t>(bytes.begin(), bytes.end()), 256, order_);
    };
    switch (sort_.column) {
        case Column::number: order_by_wide_keys(number_, order_); break;
        case Column::title: by_text(S::title); break;
        case Column::customer: by_text(S::customer); break;
        case Column::priority: by_byte(priority_bit_); break;
        case Column::status: by_byte(status_); break;
        case Column::assignee: by_text(S::engineer); break;
        case Column::updated: order_by_wide_keys(updated_, order_); break;
    }
    if (!sort_.ascending) std::reverse(order_.begin(), order_.end());
}

void ListModel::insert_in_order(std::uint32_t row) {
    auto at = std::upper_bound(order_.begin(), order_.end(), row,
                               [this](std::uint32_t a, std::uint32_t b) { return less(a, b); });
    order_.insert(at, row);
}

void ListModel::reload() {
    const std::size_t n = desk_.incidents().size();
    index_.clear();
    index_.reserve(n, kTypicalTextBytes);
    number_.clear();
    updated_.clear();
    priority_bit_.clear();
    status_.clear();
    order_.clear();
    for (std::uint32_t row = 0; row < n; ++row) {
        prepare(row);
        order_.push_back(row);
    }
    sort_all();
    recent_.clear();
    if (!folded_query_.empty()) index_.find_all(index_.needle(folded_query_), hits_);
    rebuild_visible();
}

void ListModel::sync_new_rows() {
    const std::size_t first = order_.size();
    const std::size_t n = desk_.incidents().size();
    if (first == n) return;
    recent_.clear();
    for (auto row = static_cast<std::uint32_t>(first); row < n; ++row) {
        prepare(row);
        if (n - first <= kInsertOneByOneMax) insert_in_order(row);
        else order_.push_back(row);
        hits_.push_back(!folded_query_.empty() && index_.matches(row, index_.needle(folded_query_)));
    }
    if (n - first > kInsertOneByOneMax) sort_all();
    rebuild_visible();
}

void ListModel::row_changed(std::uint32_t row) {
    order_.erase(std::find(order_.begin(), order_.end(), row));
    prepare(row);
    insert_in_order(row);
    recent_.clear();
    if (!folded_query_.empty()) hits_[row] = index_.matches(row, index_.needle(folded_query_));
    rebuild_visible();
}

void ListModel::set_query(std::string_view typed) {
    std::string query = trimmed_without_controls(typed);
    std::string folded_query = folded(query);
    query_ = std::move(query);
    if (folded_query == folded_query_) return;
    // Every row matching a query also matches any part of it: when the new query
    // contains the previous one, only the previous hits need checking again.
    bool narrows = !folded_query_.empty() && folded_query.find(folded_query_) != std::string::npos;
    folded_query_ = std::move(folded_query);
    auto cached = std::find_if(recent_.begin(), recent_.end(),
                               [&](const RecentHits& r) { return r.folded_query == folded_query_; });
    if (folded_query_.empty()) {
        hits_.clear();
    } else if (cached != recent_.end()) {
        hits_ = cached->hits;
    } else {
        const SearchIndex::Needle needle = index_.needle(folded_query_);
        if (narrows) {
            for (std::uint32_t row = 0; row < hits_.size(); ++row)
                if (hits_[row]) hits_[row] = index_.matches(row, needle);
        } else {
            index_.find_all(needle, hits_);
        }
        if (recent_.size() == kRecentQueries) recent_.erase(recent_.begin());
        recent_.push_back({folded_query_, hits_});
    }
    rebuild_visible();
}

void ListModel::set_sort(SortSpec sort) {
    if (sort == sort_) return;
    bool flip_only = sort.column == sort_.column;
    sort_ = sort;
    if (flip_only) std::reverse(order_.begin(), order_.end());
    else sort_all();
    rebuild_visible();
}

void ListModel::set_status_filter(std::uint8_t mask) {
    if (mask == status_mask_) return;
    status_mask_ = mask;
    rebuild_visible();
}

void ListModel::set_priority_filter(std::uint8_t mask) {
    if (mask == priority_mask_) return;
    priority_mask_ = mask;
    rebuild_visible();
}

void ListModel::rebuild_visible() {
    visible_.clear();
    const bool search = !folded_query_.empty();
    for (std::uint32_t row : order_) {
        if (search && !hits_[row]) continue;
        if (!(status_mask_ & (1u << status_[row])) || !(priority_mask_ & priority_bit_[row])) continue;
        visible_.push_back(row);
    }
    selected_position_ = -1;
    if (selected_) {
        auto it = std::find(visible_.begin(), visible_.end(), *selected_);
        if (it != visible_.end()) selected_position_ = static_cast<int>(it - visible_.begin());
    }
}

void ListModel::select(std::uint32_t row) {
    if (row >= order_.size()) return;
    selected_ = row;
    auto it = std::find(visible_.begin(), visible_.end(), row);
    selected_position_ = it == visible_.end() ? -1 : static_cast<int>(it - visible_.begin());
}

std::optional<std::uint32_t> ListModel::row_after_move(int delta) const {
    if (visible_.empty()) return std::nullopt;
    const auto last = static_cast<std::int64_t>(visible_.size()) - 1;
    std::int64_t pos = selected_position_ < 0 ? (delta > 0 ? 0 : last)
                                              : std::clamp<std::int64_t>(std::int64_t{selected_position_} + delta, 0, last);
    return visible_[static_cast<std::size_t>(pos)];
}

std::size_t ListModel::memory_bytes() const {
    std::size_t bytes = index_.memory_bytes() + (number_.capacity() + updated_.capacity()) * sizeof(std::int64_t) +
                        priority_bit_.capacity() + status_.capacity() + hits_.capacity() +
                        (order_.capacity() + visible_.capacity()) * sizeof(std::uint32_t);
    for (const RecentHits& r : recent_) bytes += r.hits.capacity() + r.folded_query.capacity();
    return bytes;
}

}  // namespace hotline::app
