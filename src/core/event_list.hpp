// The events of one record (W11), kept encoded in one buffer and read in place.
//
// An incident has a few events, each an id, a stamp, an actor, a type and a text.
// As objects with four strings each they cost, in the browser, ~60 bytes of object
// plus a heap block for nearly every string: 75 MB of the desk at 100,000
// incidents (issue 10). Here they are one buffer per record, in stamp order:
//
//   event := svarint wall_ms | varint counter | varint replica
//            | varint n, id | varint n, actor | varint n, type | varint n, text
//
// Reading yields Event values whose strings are views into the buffer: valid
// until the list changes (an insert), like iterators of a vector.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>

#include "core/hlc.hpp"

namespace hotline {

// An HLC with the replica replaced by its index in the Desk's replica table:
// 16 bytes instead of a string per stamp.
struct Stamp {
    std::int64_t wall_ms = 0;
    std::uint32_t counter = 0;
    std::uint32_t replica = 0;

    friend bool operator==(const Stamp&, const Stamp&) = default;
};

// W11: something that happened on an incident. Append-only; ordered by stamp.
struct Event {
    std::string_view id;  // the add_event operation's id
    Stamp stamp;
    std::string_view actor;
    std::string_view type;  // an event type key
    std::string_view text;

    friend bool operator==(const Event&, const Event&) = default;
};

class EventList {
public:
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Event;
        using difference_type = std::ptrdiff_t;
        using pointer = const Event*;
        using reference = const Event&;

        const_iterator() = default;
        const Event& operator*() const { return current_; }
        const Event* operator->() const { return &current_; }
        const_iterator& operator++();
        const_iterator operator++(int) {
            const_iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.offset_ == b.offset_; }

    private:
        friend class EventList;
        const_iterator(std::string_view data, std::size_t offset);
        void read();

        std::string_view data_;
        std::size_t offset_ = 0;  // of current_ in data_
        std::size_t next_ = 0;    // of the event after it
        Event current_;
    };

    std::size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    const_iterator begin() const { return const_iterator(data_, 0); }
    const_iterator end() const { return const_iterator(data_, data_.size()); }
    Event operator[](std::size_t i) const;  // walks from the first (an empty Event past the end)
    Event back() const { return (*this)[count_ - 1]; }

    // Inserts `e` before the first event for which `after(stamp)` holds (the list stays
    // in stamp order when `after` says "newer than e").
    template <typename After>
    void insert_before_first(const Event& e, After after) {
        std::size_t offset = 0;
        for (auto it = begin(); it != end(); ++it) {
            if (after(it->stamp)) break;
            offset = it.next_;
        }
        insert_at(offset, e);
    }
    void push_back(const Event& e) { insert_at(data_.size(), e); }
    // Replaces the list with `events`, already in stamp order, in one allocation (loading).
    void assign(std::span<const Event> events);

    std::size_t heap_bytes() const { return data_.capacity(); }
    friend bool operator==(const EventList&, const EventList&) = default;

private:
    void insert_at(std::size_t offset, const Event& e);

    std::string data_;
    std::uint32_t count_ = 0;
};

}  // namespace hotline
