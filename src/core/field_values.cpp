#include "core/field_values.hpp"

#include <cstring>

namespace hotline {
namespace {

void put_u32(char* at, std::uint32_t v) { std::memcpy(at, &v, sizeof v); }

}  // namespace

FieldValues::FieldValues(std::span<const std::string_view> values) : count_(static_cast<std::uint32_t>(values.size())) {
    std::size_t text = 0;
    for (std::string_view v : values) text += v.size();
    data_.resize(header_size() + text);
    char* header = data_.data();
    char* out = header + header_size();
    std::uint32_t end = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i].empty()) std::memcpy(out + end, values[i].data(), values[i].size());  // an empty view may be null
        end += static_cast<std::uint32_t>(values[i].size());
        put_u32(header + i * sizeof(std::uint32_t), end);
    }
}

std::uint32_t FieldValues::end_of(std::size_t i) const {
    std::uint32_t v = 0;
    std::memcpy(&v, data_.data() + i * sizeof(std::uint32_t), sizeof v);
    return v;
}

const std::string_view FieldValues::operator[](std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : end_of(i - 1);
    return std::string_view(data_).substr(header_size() + begin, end_of(i) - begin);
}

void FieldValues::set(std::size_t i, std::string_view value) {
    const std::string_view old = (*this)[i];
    if (old.size() == value.size()) {
        if (value.empty()) return;  // an empty view may be null, which memmove must not get
        std::memmove(data_.data() + (old.data() - data_.data()), value.data(), value.size());
        return;
    }
    // A new buffer: `value` may point into this one.
    const std::size_t at = static_cast<std::size_t>(old.data() - data_.data());
    std::string next;
    next.reserve(data_.size() - old.size() + value.size());
    next.append(data_, 0, at);
    next.append(value);
    next.append(data_, at + old.size());
    const auto shift = static_cast<std::uint32_t>(value.size() - old.size());  // wraps when shorter: modular arithmetic
    for (std::size_t j = i; j < count_; ++j) put_u32(next.data() + j * sizeof(std::uint32_t), end_of(j) + shift);
    data_ = std::move(next);
}

std::vector<std::string> FieldValues::to_strings() const {
    std::vector<std::string> out;
    out.reserve(count_);
    for (std::size_t i = 0; i < count_; ++i) out.emplace_back((*this)[i]);
    return out;
}

}  // namespace hotline
