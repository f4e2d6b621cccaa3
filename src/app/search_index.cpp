#include "app/search_index.hpp"

#include <algorithm>

#include "core/assignment.hpp"
#include "core/text_fold.hpp"

namespace hotline::app {
namespace {

constexpr char kSeparator = '\1';

}  // namespace

void SearchIndex::compose(const Incident& incident) {
    scratch_.clear();
    auto add = [&](std::string_view value) {
        scratch_ += value;
        scratch_ += kSeparator;
    };
    add(incident.number.display());
    add(incident.value(IncidentField::title));
    add(incident.value(IncidentField::customer_name));
    add(assignee_key(incident));
    for (FieldId f : {IncidentField::customer_contact, IncidentField::customer_phone, IncidentField::customer_email,
                      IncidentField::unit_serial})
        add(incident.value(f));
    for (const auto& alias : incident.number_aliases) add(alias);
    // The phone's digits, for a number typed as the caller says it ("0478 12", list_model.cpp).
    add(digits_of(incident.value(IncidentField::customer_phone)));
    // Case and accents folded, ё read as е: "ecole" finds "École", as the lookups do.
    make_lookup_key(scratch_);
}

void SearchIndex::set(std::uint32_t row, const Incident& incident) {
    compose(incident);
    const auto length = static_cast<std::uint32_t>(scratch_.size());
    if (row >= rows_.size()) {
        rows_.push_back({static_cast<std::uint32_t>(text_.size()), length, length});
        signature_.push_back(signature_of(scratch_));
        text_ += scratch_;
        return;
    }
    Row& r = rows_[row];
    if (std::string_view(text_).substr(r.offset, r.length) == scratch_) return;
    signature_[row] = signature_of(scratch_);
    if (length <= r.capacity) {
        // Fits: overwrite, and pad the rest with separators (which never match).
        text_.replace(r.offset, length, scratch_);
        std::fill(text_.begin() + r.offset + length, text_.begin() + r.offset + r.capacity, kSeparator);
        r.length = length;
        return;
    }
    garbage_bytes_ += r.capacity;
    r = {static_cast<std::uint32_t>(text_.size()), length, length};
    text_ += scratch_;
    if (garbage_bytes_ * 2 > text_.size()) rebuild();
}

void SearchIndex::rebuild() {
    std::string text;
    text.reserve(text_.size() - garbage_bytes_);
    for (Row& r : rows_) {
        const auto offset = static_cast<std::uint32_t>(text.size());
        text.append(text_, r.offset, r.length);
        r = {offset, r.length, r.length};
    }
    text_ = std::move(text);
    garbage_bytes_ = 0;
}

void SearchIndex::clear() {
    text_.clear();
    rows_.clear();
    signature_.clear();
    garbage_bytes_ = 0;
}

void SearchIndex::shrink_to_fit() {
    const std::size_t wanted = text_.size() + text_.size() / 16;  // room for new rows and longer texts
    if (text_.capacity() <= wanted + wanted / 8) return;
    std::string text;
    text.reserve(wanted);
    text.append(text_);
    text_.swap(text);
}

void SearchIndex::reserve(std::size_t rows, std::size_t bytes_per_row) {
    rows_.reserve(rows);
    signature_.reserve(rows);
    text_.reserve(rows * bytes_per_row);
}

bool SearchIndex::matches(std::uint32_t row, const TextQuery& query) const {
    if (!may_contain(signature_[row], query)) return false;
    const Row& r = rows_[row];
    return query.signature_decides || contains(std::string_view(text_).substr(r.offset, r.length), query.text);
}

void SearchIndex::find_all(const TextQuery& query, RowBits& hits) const {
    hits.assign(rows_.size());
    for (std::uint32_t row = 0; row < rows_.size(); ++row)
        if (matches(row, query)) hits.words_[row / 64] |= std::uint64_t{1} << (row % 64);
}

std::size_t SearchIndex::memory_bytes() const {
    return text_.capacity() + rows_.capacity() * sizeof(Row) + signature_.capacity() * sizeof(std::uint64_t) +
           scratch_.capacity();
}

}  // namespace hotline::app
