#include "core/byte_codec.hpp"

namespace hotline {

// Into a local buffer, then one append: push_back per byte checks the capacity each time.
void ByteWriter::varint(std::uint64_t v) {
    char buf[10];
    out_.append(buf, encode_varint(buf, v));
}

void ByteWriter::fixed32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

bool ByteReader::u8(std::uint8_t& v) {
    if (pos_ >= in_.size()) return false;
    v = static_cast<std::uint8_t>(in_[pos_++]);
    return true;
}

bool ByteReader::varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos_ >= in_.size()) return false;
        auto b = static_cast<std::uint8_t>(in_[pos_++]);
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
    }
    return false;
}

bool ByteReader::svarint(std::int64_t& v) {
    std::uint64_t u;
    if (!varint(u)) return false;
    v = static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
    return true;
}

bool ByteReader::view(std::string_view& s, std::size_t max_len) {
    std::uint64_t n;
    if (!varint(n) || n > max_len || n > in_.size() - pos_) return false;
    s = in_.substr(pos_, n);
    pos_ += n;
    return true;
}

bool ByteReader::raw(std::string_view& s, std::size_t n) {
    if (n > in_.size() - pos_) return false;
    s = in_.substr(pos_, n);
    pos_ += n;
    return true;
}

bool ByteReader::bytes(std::string& s, std::size_t max_len) {
    std::string_view v;
    if (!view(v, max_len)) return false;
    s.assign(v);
    return true;
}

bool ByteReader::fixed32(std::uint32_t& v) {
    if (in_.size() - pos_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in_[pos_++])) << (8 * i);
    return true;
}

}  // namespace hotline
