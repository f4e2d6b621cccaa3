// The incident list's sort keys: one integer per row and column, kept up to date
// row by row, so that sorting 100,000 rows by any column is an integer sort
// (a radix sort, a few linear passes) instead of 1.7 million comparisons of
// texts (target: a click on a header < 5 ms).
//
// Text columns (title, customer, assignee) are collated (core/collation.hpp):
// a row's key is the rank of its text's collation key among the distinct keys
// of that column. Adding a text that was not there yet shifts the ranks above
// it by one (one pass over the rows: rare, and far cheaper than a sort); a text
// nobody uses any more keeps its rank until the next reload.
//
// A "row" is an incident's index in Desk::incidents() (list_model.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/sla_rows.hpp"
#include "core/desk.hpp"

namespace hotline::app {

// `due`: the SLA's countdown (sla_rows.hpp), soonest deadline first.
enum class Column : std::uint8_t { number, title, customer, priority, status, due, assignee, updated };
inline constexpr int kColumnCount = 8;

// Filter masks (list_model.hpp). A row whose priority is out of range passes every priority filter.
inline constexpr std::uint8_t kAllStatuses = 0xff;    // bit i: IncidentStatus i
// Every status but Archived (W10: the list's default; archived incidents are history).
inline constexpr std::uint8_t kActiveStatuses = kAllStatuses & ~(1u << static_cast<int>(IncidentStatus::archived));
inline constexpr std::uint8_t kAllPriorities = 0x0f;  // bit i: priority i + 1

// The ranks of one text column's rows.
class TextRanks {
public:
    // Every row at once (rows 0..texts.size()-1): each distinct text collated once.
    void assign(const std::vector<std::string_view>& texts);
    // One row, new (row == size()) or changed.
    void set(std::uint32_t row, std::string_view text);
    std::uint32_t rank(std::uint32_t row) const { return rank_[row]; }
    std::size_t size() const { return rank_.size(); }
    std::size_t memory_bytes() const;

private:
    std::vector<std::string> keys_;    // distinct collation keys, sorted: a key's index is its rank
    std::vector<std::uint32_t> rank_;  // per row
};

class SortKeys {
public:
    void clear();
    void reserve(std::size_t rows);
    // Every row of `incidents` from scratch.
    void assign(const IncidentList& incidents);
    // One row, new (row == size()) or changed.
    void set(std::uint32_t row, const Incident& incident);
    std::size_t size() const { return number_.size(); }

    // Rows sort by (key, row) in every column.
    std::uint64_t key(Column column, std::uint32_t row) const;
    // Every row in (key, row) order.
    void order(Column column, std::vector<std::uint32_t>& order) const;

    // For the filters.
    std::uint8_t priority_bit(std::uint32_t row) const { return priority_bit_[row]; }  // 1 << (priority - 1)
    std::uint8_t status(std::uint32_t row) const { return status_[row]; }
    std::size_t memory_bytes() const;

    // The SLA of each row (the `due` column's keys), computed a slice at a time after
    // assign() or a policy change (ListModel::refresh_sla).
    SlaRows& sla() { return sla_; }
    const SlaRows& sla() const { return sla_; }

private:
    void set_numbers(std::uint32_t row, const Incident& incident);

    std::vector<std::int64_t> number_;
    std::vector<std::int64_t> updated_;
    std::vector<std::uint8_t> priority_bit_;
    std::vector<std::uint8_t> status_;
    TextRanks title_, customer_, engineer_;
    SlaRows sla_;
};

}  // namespace hotline::app
