// The prepared search text of every incident, for a search box that filters
// 100,000 incidents as the user types (target: < 5 ms per keystroke).
//
// Each incident ("row": its index in Desk::incidents(), stable because the
// desk never moves or removes an incident) has one folded text (text_fold.hpp)
// in ONE contiguous buffer, without a pointer or an allocation per row:
//
//   number \1 title \1 customer \1 engineer \1 contact \1 phone \1 email \1 serial \1 {alias \1}
//
// The \1 separators keep a query from matching across two fields (a query never
// contains control characters).
//
// Beside the text, each row has a 64-bit signature of its bytes (text_search.hpp):
// a row whose signature lacks a bit of the query cannot match and its text is
// not read; for a one-letter or one-digit query (the first keystroke, which
// matches most rows) the signature is the answer and no text is read at all.
//
// A row whose text changes is rewritten in place when the new text fits, else
// appended at the end (its old region becomes garbage); the buffer is rebuilt
// when garbage outweighs live text.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/text_search.hpp"
#include "core/entity.hpp"

namespace hotline::app {

// A set of rows, one bit each (100,000 rows: 12.5 KB): the rows a query matches.
class RowBits {
public:
    void assign(std::size_t rows) { words_.assign((rows + 63) / 64, 0); }
    void grow(std::size_t rows) { words_.resize((rows + 63) / 64, 0); }  // the new rows not in the set
    bool test(std::uint32_t row) const { return (words_[row / 64] >> (row % 64)) & 1; }
    void set(std::uint32_t row, bool in) {
        const std::uint64_t bit = std::uint64_t{1} << (row % 64);
        words_[row / 64] = in ? words_[row / 64] | bit : words_[row / 64] & ~bit;
    }
    // Calls f(row) for each row of the set, in increasing order; f may remove rows.
    template <typename F>
    void for_each(F f) const {
        for (std::size_t w = 0; w < words_.size(); ++w)
            for (std::uint64_t bits = words_[w]; bits; bits &= bits - 1)
                f(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
    }
    std::size_t memory_bytes() const { return words_.capacity() * sizeof(std::uint64_t); }

private:
    friend class SearchIndex;
    std::vector<std::uint64_t> words_;
};

class SearchIndex {
public:
    // Prepares (or re-prepares) the text of `row`. Rows are added in order:
    // `row` is at most the number of rows prepared so far.
    void set(std::uint32_t row, const Incident& incident);
    void clear();
    void reserve(std::size_t rows, std::size_t bytes_per_row);
    // After a full build: gives back what reserve() over-estimated (a little room stays).
    void shrink_to_fit();

    // Whether the row's text contains the query (text_search.hpp).
    bool matches(std::uint32_t row, const TextQuery& query) const;
    // The rows that match, of all rows.
    void find_all(const TextQuery& query, RowBits& hits) const;

    std::size_t memory_bytes() const;  // heap held, for the benchmarks

private:
    struct Row {
        std::uint32_t offset = 0;    // of the text in text_
        std::uint32_t length = 0;    // of the text
        std::uint32_t capacity = 0;  // bytes the row owns in text_ (>= length; the rest is padding)
    };

    void compose(const Incident& incident);  // into scratch_
    void rebuild();

    std::string text_;
    std::vector<Row> rows_;
    std::vector<std::uint64_t> signature_;  // per row
    std::size_t garbage_bytes_ = 0;
    std::string scratch_;
};

}  // namespace hotline::app
