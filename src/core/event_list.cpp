#include "core/event_list.hpp"

#include "core/byte_codec.hpp"

namespace hotline {

EventList::const_iterator::const_iterator(std::string_view data, std::size_t offset) : data_(data), offset_(offset) {
    if (offset_ < data_.size()) read();
}

// The buffer is written only by insert_at(): reading it cannot fail.
void EventList::const_iterator::read() {
    ByteReader r(data_.substr(offset_));
    std::uint64_t counter = 0, replica = 0;
    r.svarint(current_.stamp.wall_ms);
    r.varint(counter);
    r.varint(replica);
    current_.stamp.counter = static_cast<std::uint32_t>(counter);
    current_.stamp.replica = static_cast<std::uint32_t>(replica);
    for (std::string_view* s : {&current_.id, &current_.actor, &current_.type, &current_.text})
        r.view(*s, data_.size());
    next_ = offset_ + r.position();
}

EventList::const_iterator& EventList::const_iterator::operator++() {
    offset_ = next_;
    if (offset_ < data_.size()) read();
    return *this;
}

Event EventList::operator[](std::size_t i) const {
    auto it = begin();
    for (; i > 0 && it != end(); --i) ++it;
    return it == end() ? Event{} : *it;
}

void EventList::insert_at(std::size_t offset, const Event& e) {
    std::string encoded;
    ByteWriter w(encoded);
    w.svarint(e.stamp.wall_ms);
    w.varint(e.stamp.counter);
    w.varint(e.stamp.replica);
    for (std::string_view s : {e.id, e.actor, e.type, e.text}) w.bytes(s);
    // `e` may view this list's own bytes: they are read above, before the buffer changes.
    // Exactly the room needed: most records have a few events and never grow again.
    data_.reserve(data_.size() + encoded.size());
    data_.insert(offset, encoded);
    ++count_;
}

}  // namespace hotline
