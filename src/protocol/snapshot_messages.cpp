#include "protocol/snapshot_messages.hpp"

#include <nlohmann/json.hpp>

#include "core/ids.hpp"
#include "protocol/json_text.hpp"
#include "protocol/reply_json.hpp"

namespace hotline::protocol {
namespace {

namespace rj = reply_json;

bool is_snapshot_id(std::string_view id) {
    if (id.empty() || id.size() > kSnapshotIdMax) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    return true;
}

}  // namespace

std::int64_t SnapshotManifest::bytes() const {
    std::int64_t total = 0;
    for (const auto& c : chunks) total += c.bytes;
    return total;
}

std::string encode_snapshot_manifest(const SnapshotManifest& m) {
    std::string out = "{\"chunks\":[";
    for (std::size_t k = 0; k < m.chunks.size(); ++k) {
        out += k == 0 ? "{\"bytes\":" : ",{\"bytes\":";
        json_text::append_int(out, m.chunks[k].bytes);
        out += ",\"records\":";
        json_text::append_int(out, m.chunks[k].records);
        out += '}';
    }
    out += "],\"id\":";
    json_text::append_string(out, m.id);
    out += ",\"incidents\":";
    json_text::append_int(out, m.incidents);
    out += ",\"records\":";
    json_text::append_int(out, m.records);
    out += ",\"seq\":";
    json_text::append_int(out, m.seq);
    out += '}';
    return out;
}

Result<SnapshotManifest> decode_snapshot_manifest(std::string_view body) {
    auto j = rj::parse_object(body);
    if (!j) return j.error();
    SnapshotManifest m;
    auto id = rj::string_member(*j, "id");
    if (!id) return id.error();
    if (!is_snapshot_id(*id)) return rj::bad("\"id\" is not a snapshot id");
    m.id = std::move(*id);
    auto seq = rj::count_member(*j, "seq");
    if (!seq) return seq.error();
    m.seq = *seq;
    auto records = rj::count_member(*j, "records");
    if (!records) return records.error();
    m.records = *records;
    auto incidents = rj::count_member(*j, "incidents");
    if (!incidents) return incidents.error();
    if (*incidents > m.records) return rj::bad("\"incidents\" is more than \"records\"");
    m.incidents = *incidents;
    auto chunks = rj::array_member(*j, "chunks");
    if (!chunks) return chunks.error();
    if ((*chunks)->empty() || (*chunks)->size() > kSnapshotChunksMax)
        return rj::bad("\"chunks\" must list 1 to " + std::to_string(kSnapshotChunksMax) + " chunks");
    std::int64_t sum = 0;
    for (std::size_t k = 0; k < (*chunks)->size(); ++k) {
        const auto& c = (**chunks)[k];
        const std::string where = "chunks[" + std::to_string(k) + "]";
        if (!c.is_object()) return rj::bad(where + " is not an object");
        auto bytes = rj::count_member(c, "bytes");
        if (!bytes) return rj::at(where, bytes.error());
        auto n = rj::count_member(c, "records");
        if (!n) return rj::at(where, n.error());
        if (*n > m.records - sum) return rj::bad(where + ": more records than the snapshot holds");
        sum += *n;
        m.chunks.push_back({*bytes, *n});
    }
    if (sum != m.records) return rj::bad("the chunks' records do not add up to \"records\"");
    return m;
}

std::string snapshot_chunk_path(std::string_view id, std::size_t k) {
    return std::string(kSnapshotPath) + "/" + std::string(id) + "/" + std::to_string(k);
}

bool parse_snapshot_chunk_path(std::string_view path, std::string& id, std::size_t& k) {
    const std::string prefix = std::string(kSnapshotPath) + "/";
    if (!path.starts_with(prefix)) return false;
    path.remove_prefix(prefix.size());
    const auto slash = path.find('/');
    std::uint64_t index = 0;
    if (slash == std::string_view::npos || !is_snapshot_id(path.substr(0, slash)) ||
        !parse_decimal_u64(path.substr(slash + 1), index) || index >= kSnapshotChunksMax)
        return false;
    id = std::string(path.substr(0, slash));
    k = static_cast<std::size_t>(index);
    return true;
}

}  // namespace hotline::protocol
