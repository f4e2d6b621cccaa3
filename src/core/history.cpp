#include "core/history.hpp"

#include "core/byte_codec.hpp"
#include "core/limits.hpp"

namespace hotline {

// Every change of every record writes one: built in a local buffer and appended once.
void HistoryWriter::head(TxKind kind, std::int64_t wall) {
    char buf[1 + 10 + 10];
    std::size_t n = 0;
    buf[n++] = static_cast<char>(kind);
    n += encode_varint(buf + n, zigzag(wall));
    n += encode_varint(buf + n, actor_);
    blob_.append(buf, n);
}

void HistoryWriter::created(std::int64_t wall, std::string_view number) {
    head(TxKind::created, wall);
    ByteWriter(blob_).bytes(number);
}

void HistoryWriter::field(std::int64_t wall, FieldId f, std::string_view old_value) {
    head(TxKind::field, wall);
    ByteWriter w(blob_);
    w.u8(f.value);
    w.bytes(old_value);
}

void HistoryWriter::superseded(std::int64_t wall, FieldId f, std::string_view attempted) {
    head(TxKind::superseded, wall);
    ByteWriter w(blob_);
    w.u8(f.value);
    w.bytes(attempted);
}

void HistoryWriter::event(std::int64_t wall, std::string_view type,
                          std::string_view event_id) {
    head(TxKind::event, wall);
    ByteWriter w(blob_);
    w.bytes(type);
    w.bytes(event_id);
}

void HistoryWriter::status(std::int64_t wall, IncidentStatus from, IncidentStatus to) {
    head(TxKind::status, wall);
    ByteWriter w(blob_);
    w.u8(static_cast<std::uint8_t>(from));
    w.u8(static_cast<std::uint8_t>(to));
}

void HistoryWriter::renumber(std::int64_t wall, std::string_view from,
                             std::string_view to) {
    head(TxKind::renumber, wall);
    ByteWriter w(blob_);
    w.bytes(from);
    w.bytes(to);
}

namespace {

// One entry as stored, its texts pointing into the blob.
struct RawEntry {
    TxKind kind = TxKind::created;
    std::int64_t wall_ms = 0;
    std::uint64_t actor = 0;
    std::uint8_t field = 0;                   // field, superseded
    std::uint8_t from = 0, to = 0;            // status
    std::string_view first, second;           // the kind's texts, in their order
};

// Calls visit(entry) for each well-formed entry, stopping at the first damaged one.
template <typename Visit>
void walk_history(std::string_view blob, EntityKind record_kind, Visit&& visit) {
    ByteReader r(blob);
    constexpr std::size_t kMax = limits::kLongTextMax;
    while (!r.at_end()) {
        RawEntry e;
        std::uint8_t kind = 0;
        if (!r.u8(kind) || kind > static_cast<std::uint8_t>(TxKind::renumber)) return;
        e.kind = static_cast<TxKind>(kind);
        if (!r.svarint(e.wall_ms) || !r.varint(e.actor)) return;
        bool ok = true;
        switch (e.kind) {
            case TxKind::created: ok = r.view(e.first, kMax); break;
            case TxKind::field:
            case TxKind::superseded: ok = r.u8(e.field) && e.field < field_count(record_kind) && r.view(e.first, kMax); break;
            case TxKind::event:
            case TxKind::renumber: ok = r.view(e.first, kMax) && r.view(e.second, kMax); break;
            case TxKind::status: ok = r.u8(e.from) && r.u8(e.to) && e.from < kStatusCount && e.to < kStatusCount; break;
        }
        if (!ok) return;
        visit(e);
    }
}

}  // namespace

std::vector<TxEntry> decode_history(std::string_view blob, const std::vector<std::string>& actors, EntityKind record_kind) {
    std::vector<TxEntry> out;
    walk_history(blob, record_kind, [&](const RawEntry& raw) {
        TxEntry& e = out.emplace_back();
        e.kind = raw.kind;
        e.wall_ms = raw.wall_ms;
        e.actor = raw.actor < actors.size() ? actors[raw.actor] : std::string("?");
        switch (raw.kind) {
            case TxKind::created:
                e.field = "number";
                e.new_value = raw.first;
                break;
            case TxKind::field:
            case TxKind::superseded:
                e.field = std::string(field_spec(record_kind, FieldId(raw.field)).name);
                (raw.kind == TxKind::field ? e.old_value : e.new_value) = raw.first;
                break;
            case TxKind::event:
                e.field = raw.first;
                e.new_value = raw.second;
                break;
            case TxKind::status:
                e.field = "status";
                e.old_value = std::string(status_name(static_cast<IncidentStatus>(raw.from)));
                e.new_value = std::string(status_name(static_cast<IncidentStatus>(raw.to)));
                break;
            case TxKind::renumber:
                e.field = "number";
                e.old_value = raw.first;
                e.new_value = raw.second;
                break;
        }
    });
    return out;
}

void life_changes(std::string_view blob, EntityKind record_kind, FieldId first, FieldId second,
                  std::vector<LifeChange>& out) {
    out.clear();
    walk_history(blob, record_kind, [&](const RawEntry& raw) {
        if (raw.kind == TxKind::status) out.push_back({raw.wall_ms, true, static_cast<IncidentStatus>(raw.to), {}, {}});
        else if (raw.kind == TxKind::field && (raw.field == first.value || raw.field == second.value))
            out.push_back({raw.wall_ms, false, {}, FieldId(raw.field), raw.first});
    });
}

}  // namespace hotline
