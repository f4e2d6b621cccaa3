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

namespace {

void encode(ByteWriter& w, const Event& e) {
    w.svarint(e.stamp.wall_ms);
    w.varint(e.stamp.counter);
    w.varint(e.stamp.replica);
    for (std::string_view s : {e.id, e.actor, e.type, e.text}) w.bytes(s);
}

std::size_t varint_size(std::uint64_t v) {
    std::size_t n = 1;
    for (; v >= 0x80; v >>= 7) ++n;
    return n;
}

// What encode() writes, exactly.
std::size_t encoded_size(const Event& e) {
    std::size_t n = varint_size(zigzag(e.stamp.wall_ms)) + varint_size(e.stamp.counter) + varint_size(e.stamp.replica);
    for (std::string_view s : {e.id, e.actor, e.type, e.text}) n += varint_size(s.size()) + s.size();
    return n;
}

}  // namespace

void EventList::assign(std::span<const Event> events) {
    std::size_t size = 0;
    for (const Event& e : events) size += encoded_size(e);
    std::string data;
    data.reserve(size);
    ByteWriter w(data);
    for (const Event& e : events) encode(w, e);
    data_ = std::move(data);
    count_ = static_cast<std::uint32_t>(events.size());
}

void EventList::insert_at(std::size_t offset, const Event& e) {
    std::string encoded;
    encoded.reserve(encoded_size(e));
    ByteWriter w(encoded);
    encode(w, e);
    // `e` may view this list's own bytes: they are read above, before the buffer changes.
    // Exactly the room needed: most records have a few events and never grow again.
    data_.reserve(data_.size() + encoded.size());
    data_.insert(offset, encoded);
    ++count_;
}

}  // namespace hotline
