#include "app/search_index.hpp"

#include <algorithm>
#include <cstring>

#include "core/text_fold.hpp"
#include "core/limits.hpp"

namespace hotline::app {
namespace {

constexpr char kSeparator = '\1';
// Segment lengths are kept in one byte: short texts and numbers ("P-<replica>-<n>") fit.
static_assert(limits::kShortTextMax <= 255 && limits::kReplicaIdMax + 24 <= 255);

}  // namespace

void SearchIndex::compose(const Incident& incident, Row& row) {
    scratch_.clear();
    auto add = [&](std::string_view value) {
        scratch_ += value;
        scratch_ += kSeparator;
    };
    std::string number = incident.number.display();
    const std::string_view sortable[] = {number, incident.value(IncidentField::title), incident.value(IncidentField::customer_name),
                                         incident.value(IncidentField::engineer)};
    for (std::size_t i = 0; i < 4; ++i) {
        add(sortable[i]);
        row.segment_length[i] = static_cast<std::uint8_t>(sortable[i].size());
    }
    for (FieldId f : {IncidentField::customer_contact, IncidentField::customer_phone, IncidentField::customer_email, IncidentField::unit_serial})
        add(incident.value(f));
    for (const auto& alias : incident.number_aliases) add(alias);
    fold_in_place(scratch_);
    row.length = static_cast<std::uint32_t>(scratch_.size());
}

void SearchIndex::set(std::uint32_t row, const Incident& incident) {
    if (row >= rows_.size()) {
        Row r;
        compose(incident, r);
        r.offset = static_cast<std::uint32_t>(text_.size());
        r.capacity = r.length;
        regions_.push_back({r.offset, row});
        append(scratch_);
        rows_.push_back(r);
        return;
    }
    Row& r = rows_[row];
    Row fresh = r;
    compose(incident, fresh);
    if (std::string_view(text_).substr(r.offset, r.length) == scratch_) return;
    if (fresh.length <= r.capacity) {
        // Fits: overwrite, and pad the rest with separators (which never match).
        text_.replace(r.offset, fresh.length, scratch_);
        std::fill(text_.begin() + r.offset + fresh.length, text_.begin() + r.offset + r.capacity, kSeparator);
        r = fresh;
        return;
    }
    garbage_bytes_ += r.capacity;
    fresh.offset = static_cast<std::uint32_t>(text_.size());
    fresh.capacity = fresh.length;
    regions_.push_back({fresh.offset, row});
    append(scratch_);
    r = fresh;
    if (garbage_bytes_ * 2 > text_.size()) rebuild();
}

void SearchIndex::append(std::string_view text) {
    text_ += text;
    for (char c : text) ++byte_count_[static_cast<unsigned char>(c)];
}

void SearchIndex::rebuild() {
    std::string text;
    text.reserve(text_.size() - garbage_bytes_);
    regions_.clear();
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
        Row& r = rows_[i];
        regions_.push_back({static_cast<std::uint32_t>(text.size()), i});
        text.append(text_, r.offset, r.length);
        r.offset = regions_.back().offset;
        r.capacity = r.length;
    }
    text_ = std::move(text);
    garbage_bytes_ = 0;
    byte_count_.fill(0);
    for (char c : text_) ++byte_count_[static_cast<unsigned char>(c)];
}

void SearchIndex::clear() {
    text_.clear();
    rows_.clear();
    regions_.clear();
    garbage_bytes_ = 0;
    byte_count_.fill(0);
}

void SearchIndex::reserve(std::size_t rows, std::size_t bytes_per_row) {
    rows_.reserve(rows);
    regions_.reserve(rows);
    text_.reserve(rows * bytes_per_row);
}

std::string_view SearchIndex::segment(std::uint32_t row, Segment s) const {
    const Row& r = rows_[row];
    std::size_t at = r.offset;
    for (std::size_t i = 0; i < static_cast<std::size_t>(s); ++i) at += r.segment_length[i] + 1u;
    return std::string_view(text_).substr(at, r.segment_length[static_cast<std::size_t>(s)]);
}

SearchIndex::Needle SearchIndex::needle(std::string_view folded_query) const {
    Needle needle{folded_query, 0};
    for (std::size_t i = 1; i < folded_query.size(); ++i)
        if (byte_count_[static_cast<unsigned char>(folded_query[i])] <
            byte_count_[static_cast<unsigned char>(folded_query[needle.anchor])])
            needle.anchor = i;
    return needle;
}

std::size_t SearchIndex::find(const Needle& needle, std::size_t begin, std::size_t end) const {
    const char* const text = text_.data();
    const std::size_t n = needle.text.size();
    const std::size_t k = needle.anchor;
    const auto anchor = static_cast<unsigned char>(needle.text[k]);
    for (std::size_t pos = begin + k; pos < end;) {
        const void* found = std::memchr(text + pos, anchor, end - pos);
        if (!found) return std::string_view::npos;
        pos = static_cast<std::size_t>(static_cast<const char*>(found) - text);
        const std::size_t start = pos - k;
        if (end - start >= n && std::memcmp(text + start, needle.text.data(), n) == 0) return start;
        ++pos;
    }
    return std::string_view::npos;
}

void SearchIndex::find_all(const Needle& needle, std::vector<std::uint8_t>& hits) const {
    hits.assign(rows_.size(), 0);
    std::size_t region = 0;
    for (std::size_t pos = 0; pos < text_.size();) {
        const std::size_t at = find(needle, pos, text_.size());
        if (at == std::string_view::npos) return;
        // Regions are in buffer order and hits come in increasing order: walk forward.
        while (region + 1 < regions_.size() && regions_[region + 1].offset <= at) ++region;
        const Region& hit = regions_[region];
        if (rows_[hit.row].offset == hit.offset) hits[hit.row] = 1;
        // One hit is enough for a row: continue with the next region.
        pos = region + 1 < regions_.size() ? regions_[region + 1].offset : text_.size();
    }
}

bool SearchIndex::matches(std::uint32_t row, const Needle& needle) const {
    const Row& r = rows_[row];
    return find(needle, r.offset, r.offset + r.length) != std::string_view::npos;
}

std::size_t SearchIndex::memory_bytes() const {
    return text_.capacity() + rows_.capacity() * sizeof(Row) + regions_.capacity() * sizeof(Region) + scratch_.capacity();
}

}  // namespace hotline::app
