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

std::vector<TxEntry> decode_history(std::string_view blob, const std::vector<std::string>& actors, EntityKind record_kind) {
    std::vector<TxEntry> out;
    ByteReader r(blob);
    constexpr std::size_t kMax = limits::kLongTextMax;
    while (!r.at_end()) {
        TxEntry e;
        std::uint8_t kind = 0;
        if (!r.u8(kind) || kind > static_cast<std::uint8_t>(TxKind::renumber)) break;
        e.kind = static_cast<TxKind>(kind);
        std::uint64_t actor = 0;
        if (!r.svarint(e.wall_ms) || !r.varint(actor)) break;
        e.actor = actor < actors.size() ? actors[actor] : std::string("?");
        bool ok = true;
        switch (e.kind) {
            case TxKind::created:
                e.field = "number";
                ok = r.bytes(e.new_value, kMax);
                break;
            case TxKind::field:
            case TxKind::superseded: {
                std::uint8_t f = 0;
                std::string& value = e.kind == TxKind::field ? e.old_value : e.new_value;
                ok = r.u8(f) && f < field_count(record_kind) && r.bytes(value, kMax);
                if (ok) e.field = std::string(field_spec(record_kind, FieldId(f)).name);
                break;
            }
            case TxKind::event:
                ok = r.bytes(e.field, kMax) && r.bytes(e.new_value, kMax);
                break;
            case TxKind::status: {
                std::uint8_t a = 0, b = 0;
                ok = r.u8(a) && r.u8(b) && a < kStatusCount && b < kStatusCount;
                if (ok) {
                    e.field = "status";
                    e.old_value = std::string(status_name(static_cast<IncidentStatus>(a)));
                    e.new_value = std::string(status_name(static_cast<IncidentStatus>(b)));
                }
                break;
            }
            case TxKind::renumber:
                e.field = "number";
                ok = r.bytes(e.old_value, kMax) && r.bytes(e.new_value, kMax);
                break;
        }
        if (!ok) break;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace hotline
