// The values of one record's fields, all in one allocation.
//
// A record has one value per field of its kind (26 for an incident). Held as a
// vector of strings they cost a string object each plus, in the browser (where a
// string keeps at most 10 bytes in place), a heap block for almost every value:
// at 100,000 incidents that was 95 MB of the 254 MB desk (issue 10). Here the
// values are one buffer:
//
//   data_ := u32 end offset of value i (i = 0 .. size-1, relative to the texts)
//            | the texts, one after the other
//
// Reading a value is two offset loads; writing one rebuilds the buffer, which
// is cheap next to the rest of an operation (a record's values are ~0.6 KB) and
// rare next to reading (the list, sorting, search and drawing only read).
// Equal values give equal bytes, so == is a byte compare.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hotline {

class FieldValues {
public:
    FieldValues() = default;
    explicit FieldValues(std::span<const std::string_view> values);
    FieldValues(std::initializer_list<std::string_view> values)
        : FieldValues(std::span<const std::string_view>(values.begin(), values.size())) {}

    std::size_t size() const { return count_; }
    const std::string_view operator[](std::size_t i) const;  // const: see Entity::value
    void set(std::size_t i, std::string_view value);

    std::vector<std::string> to_strings() const;
    // Bytes this object holds on the heap (for memory accounting in benchmarks).
    std::size_t heap_bytes() const { return data_.capacity(); }

    friend bool operator==(const FieldValues&, const FieldValues&) = default;

private:
    std::uint32_t end_of(std::size_t i) const;
    std::size_t header_size() const { return count_ * sizeof(std::uint32_t); }

    std::string data_;
    std::uint32_t count_ = 0;
};

}  // namespace hotline
