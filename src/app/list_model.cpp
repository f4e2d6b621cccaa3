#include "app/list_model.hpp"

#include <algorithm>

#include "core/archive.hpp"
#include "core/text_fold.hpp"

namespace hotline::app {
namespace {

// Typical prepared text: number, title, customer, engineer, contact, phone, email, serial.
constexpr std::size_t kTypicalTextBytes = 160;
// Above this many new rows, one full sort beats inserting them one by one.
constexpr std::size_t kInsertOneByOneMax = 64;
// Queries whose hits are kept (12.5 KB each with 100,000 incidents).
constexpr std::size_t kRecentQueries = 16;
// Rows whose SLA one frame computes from scratch: ~20 ms natively, ~35 ms in the browser.
constexpr std::size_t kSlaRowsPerCall = 25'000;

std::string trimmed_without_controls(std::string_view typed) {
    std::string out;
    out.reserve(typed.size());
    for (char c : typed)
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

}  // namespace

ListModel::ListModel(const Desk& desk) : desk_(desk) { reload(); }

void ListModel::prepare(std::uint32_t row) {
    index_.set(row, incident(row));
    keys_.set(row, incident(row));
}

bool ListModel::less(std::uint32_t a, std::uint32_t b) const {
    if (!sort_.ascending) std::swap(a, b);
    // Ties are broken by row, so the order is total and flipping the direction is an exact reverse.
    const std::uint64_t ka = keys_.key(sort_.column, a), kb = keys_.key(sort_.column, b);
    return ka < kb || (ka == kb && a < b);
}

void ListModel::sort_all() {
    keys_.order(sort_.column, order_);
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
    for (std::uint32_t row = 0; row < n; ++row) index_.set(row, incident(row));
    index_.shrink_to_fit();
    keys_.assign(desk_.incidents());
    sort_all();
    forget_recent();
    ++changes_;
    if (!folded_query_.empty()) index_.find_all(text_query(folded_query_), hits_);
    visible_dirty_ = true;
}

void ListModel::sync_new_rows() {
    const std::size_t first = order_.size();
    const std::size_t n = desk_.incidents().size();
    if (first == n) return;
    forget_recent();
    ++changes_;
    const bool one_by_one = n - first <= kInsertOneByOneMax;
    for (auto row = static_cast<std::uint32_t>(first); row < n; ++row) {
        index_.set(row, incident(row));
        // One by one, a new text shifts the ranks above it: many rows are ranked together.
        if (one_by_one) {
            keys_.set(row, incident(row));
            insert_in_order(row);
        }
        hits_.grow(row + 1);
        hits_.set(row, !folded_query_.empty() && index_.matches(row, text_query(folded_query_)));
    }
    if (!one_by_one) {
        keys_.assign(desk_.incidents());
        sort_all();
    }
    visible_dirty_ = true;
}

void ListModel::row_changed(std::uint32_t row) {
    order_.erase(std::find(order_.begin(), order_.end(), row));
    prepare(row);
    insert_in_order(row);
    forget_recent();
    ++changes_;
    if (!folded_query_.empty()) hits_.set(row, index_.matches(row, text_query(folded_query_)));
    visible_dirty_ = true;
}

bool ListModel::refresh_sla(std::int64_t now_s) {
    sla_now_ = now_s;
    SlaRows& sla = keys_.sla();
    if (sla.refresh_policies(desk_, now_s)) sla.restart(desk_.incidents().size());
    if (sla.complete()) return false;
    if (!sla.compute_some(desk_.incidents(), kSlaRowsPerCall)) return true;
    if (sort_.column == Column::due) {
        sort_all();
        visible_dirty_ = true;
    }
    return false;
}

void ListModel::set_query(std::string_view typed) {
    std::string query = trimmed_without_controls(typed);
    // A phone number is looked for among the phones' digits; any other text as the index
    // holds texts (lookup_key: case and accents folded).
    std::string folded_query = phone_digits_query(query);
    if (folded_query.empty()) folded_query = lookup_key(query);
    query_ = std::move(query);
    if (folded_query == folded_query_) return;
    // Every row matching a query also matches any part of it: when the new query
    // contains the previous one, only the previous hits need checking again.
    bool narrows = !folded_query_.empty() && folded_query.find(folded_query_) != std::string::npos;
    folded_query_ = std::move(folded_query);
    auto cached = std::find_if(recent_.begin(), recent_.end(),
                               [&](const RecentHits& r) { return r.folded_query == folded_query_; });
    if (folded_query_.empty()) {
        hits_.assign(0);
    } else if (cached != recent_.end()) {
        hits_ = cached->hits;
    } else {
        const TextQuery search = text_query(folded_query_);
        if (narrows) {
            hits_.for_each([&](std::uint32_t row) {
                if (!index_.matches(row, search)) hits_.set(row, false);
            });
        } else {
            index_.find_all(search, hits_);
        }
        // Into the oldest slot, whose buffers are reused: no allocation while typing.
        RecentHits& slot = recent_.size() < kRecentQueries ? recent_.emplace_back() : recent_[oldest_recent_];
        oldest_recent_ = (static_cast<std::size_t>(&slot - recent_.data()) + 1) % kRecentQueries;
        slot.folded_query = folded_query_;
        slot.hits = hits_;
    }
    visible_dirty_ = true;
}

void ListModel::forget_recent() {
    for (RecentHits& r : recent_) r.folded_query.clear();  // never looked up: an empty query has no hits
}

void ListModel::set_sort(SortSpec sort) {
    if (sort == sort_) return;
    bool flip_only = sort.column == sort_.column;
    sort_ = sort;
    if (flip_only) std::reverse(order_.begin(), order_.end());
    else sort_all();
    visible_dirty_ = true;
}

void ListModel::set_status_filter(std::uint8_t mask) {
    if (mask == status_mask_) return;
    status_mask_ = mask;
    visible_dirty_ = true;
}

void ListModel::set_priority_filter(std::uint8_t mask) {
    if (mask == priority_mask_) return;
    priority_mask_ = mask;
    visible_dirty_ = true;
}

void ListModel::set_viewer(const Principal& who) {
    technician_.reset();
    if (!sees_whole_desk(who)) technician_ = who;
    visible_dirty_ = true;
}

void ListModel::rebuild_visible() const {
    if (!visible_dirty_) return;
    visible_dirty_ = false;
    visible_.clear();
    const bool search = !folded_query_.empty();
    for (std::uint32_t row : order_) {
        if (search && !hits_.test(row)) continue;
        const auto status = static_cast<IncidentStatus>(keys_.status(row));
        if (!is_listed(status, status_mask_ & (1u << keys_.status(row)), search) ||
            !(priority_mask_ & keys_.priority_bit(row)) ||
            (technician_ && !can_see_incident(*technician_, desk_.incidents()[row])))
            continue;
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
    if (visible_dirty_) return;  // placed when the rows are next read
    auto it = std::find(visible_.begin(), visible_.end(), row);
    selected_position_ = it == visible_.end() ? -1 : static_cast<int>(it - visible_.begin());
}

std::optional<std::uint32_t> ListModel::row_after_move(int delta) const {
    rebuild_visible();
    if (visible_.empty()) return std::nullopt;
    const auto last = static_cast<std::int64_t>(visible_.size()) - 1;
    std::int64_t pos = selected_position_ < 0 ? (delta > 0 ? 0 : last)
                                              : std::clamp<std::int64_t>(std::int64_t{selected_position_} + delta, 0, last);
    return visible_[static_cast<std::size_t>(pos)];
}

std::size_t ListModel::memory_bytes() const {
    std::size_t bytes = index_.memory_bytes() + keys_.memory_bytes() + hits_.memory_bytes() +
                        (order_.capacity() + visible_.capacity()) * sizeof(std::uint32_t);
    for (const RecentHits& r : recent_) bytes += r.hits.memory_bytes() + r.folded_query.capacity();
    return bytes;
}

}  // namespace hotline::app
