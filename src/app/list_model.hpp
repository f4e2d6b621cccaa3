// The incident list as the list screen shows it: every incident of the desk,
// filtered by status, priority and the search box, in the chosen sort order,
// with a selection that stays on the same incident while rows come and go.
// Archived incidents (W10) are out of it unless the status filter asks for them or
// the search box finds them (core/archive.hpp, is_listed). A technician's device
// (set_viewer) lists only what can_see_incident() lets them see: no archived incident,
// none handed over to someone else (W2).
// The search box matches, ignoring case and accents (lookup_key, text_fold.hpp:
// "ecole" finds "École", "ёлка" and "елка" are one), the number, title, customer,
// assignee, contact, phone, email, serial and former provisional numbers; a phone
// number typed as the caller says it ("0478 12") is found among the phones' digits.
//
// Built for 100,000 incidents and a search box that filters as one types
// (target: one keystroke, filter + order, < 5 ms natively):
//   - the search text of every incident is prepared once, folded, in one
//     contiguous buffer with a signature per row (search_index.hpp);
//   - every column has an integer sort key per row (sort_keys.hpp: texts
//     collated, as ranks), so a sort is a radix sort of integers;
//   - the permutation of all rows in the current sort order is kept, and
//     re-sorted only when the sort or the data change (a changed row is moved,
//     not the whole list re-sorted);
//   - the visible rows are a walk of that permutation keeping the rows that
//     pass the filters, made when they are next read: filters and a sort changed
//     together (a saved view, query Q of the benchmarks) walk it once;
//   - a query that extends the previous one re-checks only the rows the
//     previous one matched; erasing a character finds the hits of the shorter
//     query among the last ones computed.
// A "row" is an incident's index in Desk::incidents() (stable: the desk never
// moves or removes incidents).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/search_index.hpp"
#include "app/sort_keys.hpp"
#include "core/authorization.hpp"
#include "core/desk.hpp"

namespace hotline::app {

struct SortSpec {
    Column column = Column::number;
    bool ascending = false;  // newest numbers first
    friend bool operator==(const SortSpec&, const SortSpec&) = default;
};

class ListModel {
public:
    explicit ListModel(const Desk& desk);

    // Keeping up with the desk.
    void reload();                        // every row from scratch
    void sync_new_rows();                 // incidents created since the last call
    void row_changed(std::uint32_t row);  // an incident's values or status changed
    // Counts the calls above: what is computed over every incident (the queues' depth) is
    // kept while it stays the same.
    std::uint64_t changes() const { return changes_; }
    // Call each frame: when the SLA policies or calendars changed (a sync, an admin's save,
    // the first call), every row's SLA is computed again, a slice of rows per call
    // (sla_rows.hpp); sorted by Due, the list is sorted again once the last slice is done.
    // Returns true while rows are left to compute.
    bool refresh_sla(std::int64_t now_s);
    std::int64_t sla_now() const { return sla_now_; }  // the clock of the last refresh_sla (the frame drawn)
    SlaStatus sla_status(std::uint32_t row, std::int64_t now_s) const { return keys_.sla().status(row, now_s); }
    const SlaPolicies& sla_policies() const { return keys_.sla().policies(); }

    void set_query(std::string_view typed);
    const std::string& query() const { return query_; }
    void set_sort(SortSpec sort);
    SortSpec sort() const { return sort_; }
    void set_status_filter(std::uint8_t mask);
    std::uint8_t status_filter() const { return status_mask_; }
    void set_priority_filter(std::uint8_t mask);
    std::uint8_t priority_filter() const { return priority_mask_; }
    void set_viewer(const Principal& who);

    // The visible rows, in order.
    const std::vector<std::uint32_t>& rows() const {
        rebuild_visible();
        return visible_;
    }
    std::size_t total() const { return order_.size(); }
    const Incident& incident(std::uint32_t row) const { return desk_.incidents()[row]; }

    // The selected incident stays selected while filters and data change, even
    // when it is filtered out (then selected_position() is -1).
    std::optional<std::uint32_t> selected() const { return selected_; }
    int selected_position() const {
        rebuild_visible();
        return selected_position_;
    }
    void select(std::uint32_t row);
    // The row `delta` places from the selection, clamped to the visible rows;
    // without a visible selection, the first (delta > 0) or last row.
    std::optional<std::uint32_t> row_after_move(int delta) const;

    // Heap held by the search index, sort keys, order and cached hits (for the benchmarks).
    std::size_t memory_bytes() const;

private:
    void prepare(std::uint32_t row);
    bool less(std::uint32_t a, std::uint32_t b) const;  // in the current sort order
    void sort_all();
    void insert_in_order(std::uint32_t row);
    void rebuild_visible() const;  // when a change made them stale (visible_dirty_)
    void forget_recent();

    const Desk& desk_;
    SearchIndex index_;
    SortKeys keys_;

    SortSpec sort_;
    std::vector<std::uint32_t> order_;  // every row, in sort order
    std::string query_;                 // as typed, trimmed
    std::string folded_query_;
    RowBits hits_;                      // the rows matching folded_query_ (when not empty)
    // The hits of the last queries typed, so erasing characters (a query that no
    // longer extends the previous one) finds the earlier result without a scan.
    // Forgotten when the data change (the slots and their buffers are kept).
    struct RecentHits {
        std::string folded_query;
        RowBits hits;
    };
    std::vector<RecentHits> recent_;
    std::size_t oldest_recent_ = 0;  // the slot the next query's hits replace, once all are used
    std::uint8_t status_mask_ = kActiveStatuses;
    std::optional<Principal> technician_;  // set_viewer: the rows are theirs only
    std::uint8_t priority_mask_ = kAllPriorities;
    // What the filters let through, in order, and the selection's place in it: a cache of
    // order_ and the filters, made again when read after a change.
    mutable std::vector<std::uint32_t> visible_;
    mutable bool visible_dirty_ = true;

    std::optional<std::uint32_t> selected_;
    mutable int selected_position_ = -1;
    std::int64_t sla_now_ = 0;
    std::uint64_t changes_ = 0;
};

}  // namespace hotline::app
