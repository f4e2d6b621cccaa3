// The prepared search text of every incident, for a search box that filters
// 100,000 incidents as the user types (target: < 5 ms per keystroke).
//
// Each incident ("row": its index in Desk::incidents(), stable because the
// desk never moves or removes an incident) has one folded text (text_fold.hpp)
// in ONE contiguous buffer, so a search is a linear scan of memory instead of
// 100,000 small strings:
//
//   number \1 title \1 customer \1 engineer \1 contact \1 phone \1 email \1 serial \1 {alias \1}
//
// The \1 separators keep a query from matching across two fields or two rows
// (a query never contains control characters). The first four segments double
// as the list's text sort keys (segment()).
//
// A row whose text changes is rewritten in place when the new text fits, else
// appended at the end (its old region becomes garbage); the buffer is rebuilt
// when garbage outweighs live text.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/entity.hpp"

namespace hotline::app {

class SearchIndex {
public:
    enum class Segment : std::uint8_t { number, title, customer, engineer };

    // Prepares (or re-prepares) the text of `row`. Rows are added in order:
    // `row` is at most the number of rows prepared so far.
    void set(std::uint32_t row, const Incident& incident);
    void clear();
    void reserve(std::size_t rows, std::size_t bytes_per_row);

    // A folded segment of the row's text, for sorting.
    std::string_view segment(std::uint32_t row, Segment s) const;

    // A query ready for searching: folded, not empty, and the position of its
    // byte that is rarest in the buffer. memchr for that byte, then a compare
    // of the whole query around it: common bytes (a space, 'e', the D0/D1 lead
    // byte of every Cyrillic letter) would stop a search at almost every position.
    struct Needle {
        std::string_view text;
        std::size_t anchor = 0;
    };
    Needle needle(std::string_view folded_query) const;

    // Sets hits[row] = 1 for every row whose text contains the needle, 0 for
    // the others. One scan of the buffer.
    void find_all(const Needle& needle, std::vector<std::uint8_t>& hits) const;
    bool matches(std::uint32_t row, const Needle& needle) const;

    std::size_t memory_bytes() const;  // heap held, for the benchmarks

private:
    struct Row {
        std::uint32_t offset = 0;  // of the text in text_
        std::uint32_t length = 0;  // of the text
        std::uint32_t capacity = 0;  // bytes the row owns in text_ (>= length; the rest is padding)
        std::uint8_t segment_length[4] = {};  // number, title, customer, engineer (short texts: <= 200 bytes)
    };
    struct Region {
        std::uint32_t offset;
        std::uint32_t row;
    };

    void compose(const Incident& incident, Row& row);  // into scratch_
    void append(std::string_view text);
    void rebuild();
    std::size_t find(const Needle& needle, std::size_t begin, std::size_t end) const;  // in text_[begin, end)

    std::string text_;
    std::vector<Row> rows_;
    // Every region of text_ in buffer order, with the row it was written for.
    // A region whose row now lives elsewhere is garbage (row.offset differs).
    std::vector<Region> regions_;
    std::size_t garbage_bytes_ = 0;
    // How often each byte occurs in text_, to search for a query's rarest byte.
    // Only a guide: rewrites in place and garbage are not subtracted.
    std::array<std::uint32_t, 256> byte_count_{};
    std::string scratch_;
};

}  // namespace hotline::app
