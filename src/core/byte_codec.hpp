// Little binary codec shared by the transaction log blobs and the store:
// unsigned LEB128 varints, zigzag signed varints, and length-prefixed bytes.
// The reader never reads past its end: every getter reports failure instead,
// so corrupt input yields an error, not a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hotline {

// LEB128: 7 bits a byte, low first; at most 10 bytes. Returns the bytes written to `out`.
inline std::size_t encode_varint(char* out, std::uint64_t v) {
    std::size_t n = 0;
    while (v >= 0x80) {
        out[n++] = static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out[n++] = static_cast<char>(v);
    return n;
}
// Zigzag: small negative numbers stay small varints.
inline std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }

class ByteWriter {
public:
    explicit ByteWriter(std::string& out) : out_(out) {}
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void varint(std::uint64_t v);
    void svarint(std::int64_t v) { varint(zigzag(v)); }
    void bytes(std::string_view s) {
        varint(s.size());
        out_.append(s);
    }
    void raw(std::string_view s) { out_.append(s); }  // no length: the reader must know it
    void fixed32(std::uint32_t v);

private:
    std::string& out_;
};

class ByteReader {
public:
    explicit ByteReader(std::string_view in) : in_(in) {}
    bool u8(std::uint8_t& v);
    bool varint(std::uint64_t& v);
    bool svarint(std::int64_t& v);
    bool bytes(std::string& s, std::size_t max_len);
    bool view(std::string_view& s, std::size_t max_len);  // points into the input
    bool raw(std::string_view& s, std::size_t n);        // the next n bytes, into the input
    bool fixed32(std::uint32_t& v);
    bool at_end() const { return pos_ == in_.size(); }
    std::size_t position() const { return pos_; }
    std::size_t remaining() const { return in_.size() - pos_; }

private:
    std::string_view in_;
    std::size_t pos_ = 0;
};

}  // namespace hotline
