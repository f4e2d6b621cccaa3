#include "store/desk_codec.hpp"

#include <algorithm>
#include <charconv>

#include "core/byte_codec.hpp"
#include "core/ids.hpp"
#include "core/limits.hpp"

namespace hotline::store {
namespace {

constexpr std::size_t kHistoryMax = 64u * 1024 * 1024;
constexpr std::size_t kIdMax = limits::kEntityIdMax;
constexpr std::uint64_t kCountMax = 1u << 24;

// Stamps of an incident are written relative to its creation time: small numbers.
void put_stamp(ByteWriter& w, const Stamp& s, std::int64_t base_wall = 0) {
    w.svarint(s.wall_ms - base_wall);
    w.varint(s.counter);
    w.varint(s.replica);
}

bool get_stamp(ByteReader& r, Stamp& s, std::int64_t base_wall = 0) {
    std::uint64_t counter = 0, replica = 0;
    if (!r.svarint(s.wall_ms) || !r.varint(counter) || !r.varint(replica)) return false;
    s.wall_ms += base_wall;
    if (counter > 0xffffffffu || replica > 0xffffffffu) return false;
    s.counter = static_cast<std::uint32_t>(counter);
    s.replica = static_cast<std::uint32_t>(replica);
    return true;
}

// A count of items that take at least a byte each: never more than the bytes left, so a
// damaged count cannot make the loader reserve gigabytes before it finds the damage.
bool get_count(ByteReader& r, std::uint64_t& n) { return r.varint(n) && n <= kCountMax && n <= r.remaining(); }

Error corrupt(const char* what) { return make_error("corrupt_record", std::string("damaged ") + what); }

// Long texts are mostly unique: they never enter the string table.
bool is_one_line_field(EntityKind kind, std::size_t f) {
    return f < field_count(kind) && field_spec(kind, FieldId(static_cast<std::uint8_t>(f))).kind != FieldKind::long_text;
}

// Tagged string: low bit 1 = written in place (length << 1 | 1, then the
// bytes); low bit 0 = entry (k >> 1) - 1 of the string table, or the id
// "<replica>:<k >> 1>" for operation ids (see put_op_id).
void put_inline(ByteWriter& w, std::string_view s) {
    w.varint((static_cast<std::uint64_t>(s.size()) << 1) | 1);
    w.raw(s);
}

bool get_tagged(ByteReader& r, std::string& out, std::size_t max_len, std::uint64_t& tag) {
    if (!r.varint(tag)) return false;
    if (!(tag & 1)) return true;
    std::string_view bytes;
    if ((tag >> 1) > max_len || !r.raw(bytes, static_cast<std::size_t>(tag >> 1))) return false;
    out.assign(bytes);
    return true;
}

// A ref as a view of the record's bytes or of the table (both outlive the decoding).
bool get_ref_view(ByteReader& r, const std::vector<std::string>& table, std::string_view& out, std::size_t max_len) {
    std::uint64_t tag = 0;
    if (!r.varint(tag)) return false;
    if (tag & 1) return (tag >> 1) <= max_len && r.raw(out, static_cast<std::size_t>(tag >> 1));
    const std::uint64_t k = tag >> 1;
    if (k == 0 || k > table.size()) return false;
    out = table[k - 1];
    return true;
}

bool get_ref(ByteReader& r, const std::vector<std::string>& table, std::string& out, std::size_t max_len) {
    std::string_view v;
    if (!get_ref_view(r, table, v, max_len)) return false;
    out.assign(v);
    return true;
}

// Operation ids ("<replica>:<counter>") of the replica that stamped them are
// written as the counter alone.
void put_op_id(ByteWriter& w, std::string_view id, const Stamp& stamp, const std::vector<std::string>& replicas) {
    if (stamp.replica < replicas.size()) {
        const std::string& rep = replicas[stamp.replica];
        std::uint64_t counter = 0;
        if (id.size() > rep.size() + 1 && id.compare(0, rep.size(), rep) == 0 && id[rep.size()] == ':' &&
            parse_decimal_u64(id.substr(rep.size() + 1), counter) && counter > 0) {
            w.varint(counter << 1);
            return;
        }
    }
    put_inline(w, id);
}

bool get_op_id(ByteReader& r, std::string& out, const Stamp& stamp, const std::vector<std::string>& replicas) {
    std::uint64_t tag = 0;
    if (!get_tagged(r, out, kIdMax, tag)) return false;
    if (tag & 1) return !out.empty();
    if (stamp.replica >= replicas.size() || (tag >> 1) == 0) return false;
    // Spelled into `out` directly: a string it already holds keeps its buffer (the loader
    // reuses its event ids), and no temporaries (this runs for every record and event).
    char digits[20];
    const auto written = std::to_chars(digits, digits + sizeof digits, tag >> 1);
    const std::string& replica = replicas[stamp.replica];
    out.reserve(replica.size() + 1 + static_cast<std::size_t>(written.ptr - digits));
    out.assign(replica);
    out += ':';
    out.append(digits, written.ptr);
    return true;
}

}  // namespace

void StringTableBuilder::count(std::string_view s) {
    if (s.size() >= 3) ++counts_[s];  // shorter strings cost no more in place than as a ref
}

void StringTableBuilder::add(const Entity& e) {
    for (std::size_t f = 0; f < e.values.size(); ++f)
        if (is_one_line_field(e.kind, f)) count(e.values[f]);
    count(e.created_by);
    for (const auto& ev : e.events) {
        count(ev.actor);
        count(ev.type);
    }
}

void StringTableBuilder::finish() {
    std::unordered_map<std::string_view, std::uint64_t> refs;
    for (const auto& [s, n] : counts_)
        if (n >= 2) entries_.emplace_back(s);
    std::sort(entries_.begin(), entries_.end());  // same input, same bytes
    for (std::size_t i = 0; i < entries_.size(); ++i) refs.emplace(entries_[i], i + 1);
    counts_ = std::move(refs);
}

std::uint64_t StringTableBuilder::ref(std::string_view s) const {
    auto it = counts_.find(s);
    return it == counts_.end() ? 0 : it->second;
}

void encode_string_table(std::string& out, const std::vector<std::string>& entries) {
    ByteWriter w(out);
    w.varint(entries.size());
    for (const auto& e : entries) w.bytes(e);
}

Result<std::vector<std::string>> decode_string_table(std::string_view data) {
    ByteReader r(data);
    std::uint64_t n = 0;
    if (!get_count(r, n)) return corrupt("string table size");
    std::vector<std::string> entries(n);
    for (auto& e : entries)
        if (!r.bytes(e, limits::kShortTextMax)) return corrupt("string table entry");
    if (!r.at_end()) return corrupt("string table (trailing bytes)");
    return entries;
}

void encode_entity(std::string& out, const Entity& inc, const StringTableBuilder& table,
                   const std::vector<std::string>& replicas) {
    ByteWriter w(out);
    w.u8(static_cast<std::uint8_t>(inc.kind));
    auto put_ref = [&](std::string_view s) {
        if (std::uint64_t k = table.ref(s)) w.varint(k << 1);
        else put_inline(w, s);
    };
    const std::int64_t base = inc.created.wall_ms;
    put_stamp(w, inc.created);
    put_op_id(w, inc.id, inc.created, replicas);
    w.svarint(inc.number.value);
    w.bytes(inc.number.provisional);
    w.varint(inc.number_aliases.size());
    for (const auto& a : inc.number_aliases) w.bytes(a);
    w.varint(inc.values.size());
    for (std::size_t i = 0; i < inc.values.size(); ++i) put_ref(inc.values[i]);
    w.u8(static_cast<std::uint8_t>(inc.status));
    put_ref(inc.created_by);
    w.svarint(inc.updated_ms - base);
    w.varint(inc.field_stamps.size());
    for (const auto& fs : inc.field_stamps) {
        w.u8(fs.field.value);
        put_stamp(w, fs.stamp, base);
    }
    w.varint(inc.events.size());
    for (const auto& ev : inc.events) {
        put_stamp(w, ev.stamp, base);
        put_op_id(w, ev.id, ev.stamp, replicas);
        put_ref(ev.actor);
        put_ref(ev.type);
        w.bytes(ev.text);
    }
    w.varint(inc.superseded_writes);
    w.bytes(inc.history);
}

namespace {

// What decoding one record needs besides the record itself, kept from one record to the
// next: the loader decodes every record of the desk, and fresh vectors (and event id
// strings) per record were a third of its allocations (docs/benchmarks.md).
struct DecodeScratch {
    std::vector<std::string_view> values;
    std::vector<Event> events;
    std::vector<std::string> event_ids;
};

Result<Entity> decode_body(ByteReader& r, EntityKind kind, const std::vector<std::string>& table,
                           const std::vector<std::string>& replicas) {
    thread_local DecodeScratch scratch;
    Entity inc;
    inc.kind = kind;
    std::uint64_t n = 0;
    if (!get_stamp(r, inc.created) || !get_op_id(r, inc.id, inc.created, replicas)) return corrupt("incident id");
    const std::int64_t base = inc.created.wall_ms;
    if (!r.svarint(inc.number.value) || !r.bytes(inc.number.provisional, kIdMax)) return corrupt("incident number");
    if (!get_count(r, n)) return corrupt("alias count");
    inc.number_aliases.resize(n);
    for (auto& a : inc.number_aliases)
        if (!r.bytes(a, kIdMax)) return corrupt("alias");
    if (!r.varint(n) || n > 255) return corrupt("field count");
    // Views into the record's bytes and the string table, copied once into the record's
    // buffer; fields the record does not have keep their initial values, and values of
    // fields this build does not know are read and dropped.
    const FieldValues& initial = initial_values(kind);
    std::vector<std::string_view>& values = scratch.values;
    values.resize(initial.size());
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = initial[i];
    for (std::size_t i = 0; i < n; ++i) {
        std::string_view v;
        if (!get_ref_view(r, table, v, limits::kLongTextMax)) return corrupt("field value");
        if (i < values.size()) values[i] = v;
    }
    inc.values = FieldValues(values);
    std::uint8_t status = 0;
    if (!r.u8(status) || status >= kStatusCount) return corrupt("status");
    inc.status = static_cast<IncidentStatus>(status);
    if (!get_ref(r, table, inc.created_by, limits::kActorMax) || !r.svarint(inc.updated_ms))
        return corrupt("creation data");
    inc.updated_ms += base;
    if (!get_count(r, n)) return corrupt("field stamp count");
    inc.field_stamps.resize(n);
    for (auto& fs : inc.field_stamps) {
        std::uint8_t f = 0;
        if (!r.u8(f) || f >= inc.values.size() || !get_stamp(r, fs.stamp, base)) return corrupt("field stamp");
        fs.field = FieldId(f);
    }
    if (!get_count(r, n)) return corrupt("event count");
    // Read as views (the ids, rebuilt from their replica, held beside them), then
    // encoded into the record's list at once; they were written in stamp order.
    std::vector<Event>& events = scratch.events;
    std::vector<std::string>& ids = scratch.event_ids;
    events.resize(n);
    if (ids.size() < n) ids.resize(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        Event& ev = events[i];
        if (!get_stamp(r, ev.stamp, base) || !get_op_id(r, ids[i], ev.stamp, replicas) ||
            !get_ref_view(r, table, ev.actor, limits::kActorMax) || !get_ref_view(r, table, ev.type, 32) ||
            !r.view(ev.text, limits::kLongTextMax))
            return corrupt("event");
        ev.id = ids[i];
    }
    inc.events.assign(events);
    std::uint64_t superseded = 0;
    if (!r.varint(superseded) || superseded > 0xffffffffu) return corrupt("superseded count");
    inc.superseded_writes = static_cast<std::uint32_t>(superseded);
    if (!r.bytes(inc.history, kHistoryMax)) return corrupt("history");
    if (!r.at_end()) return corrupt("record (trailing bytes)");
    return inc;
}

}  // namespace

Result<Entity> decode_entity(std::string_view data, const std::vector<std::string>& table,
                             const std::vector<std::string>& replicas) {
    ByteReader r(data);
    std::uint8_t kind = 0;
    if (!r.u8(kind) || kind >= kEntityKindCount) return corrupt("record kind");
    return decode_body(r, static_cast<EntityKind>(kind), table, replicas);
}

Result<Entity> decode_format1_incident(std::string_view data, const std::vector<std::string>& table,
                                       const std::vector<std::string>& replicas) {
    ByteReader r(data);
    return decode_body(r, EntityKind::incident, table, replicas);
}

void encode_desk_header(std::string& out, const DeskHeader& h) {
    ByteWriter w(out);
    w.varint(h.replicas.size());
    for (const auto& r : h.replicas) w.bytes(r);
    w.varint(h.actors.size());
    for (const auto& a : h.actors) w.bytes(a);
    w.varint(0);  // format 1's event types: records of their own now
    const auto& ranges = h.seen.ranges();
    w.varint(ranges.size());
    for (const auto& range : ranges) {
        w.varint(range.contiguous);
        w.varint(range.beyond.size());
        for (auto c : range.beyond) w.varint(c);
    }
    w.bytes(h.newest_hlc.replica.empty() ? std::string() : h.newest_hlc.to_string());
    w.varint(h.record_count);
    w.varint(h.chunk_count);
}

Result<DeskHeader> decode_desk_header(std::string_view data) {
    ByteReader r(data);
    DeskHeader h;
    std::uint64_t n = 0;
    if (!get_count(r, n)) return corrupt("replica count");
    h.replicas.resize(n);
    for (auto& rep : h.replicas)
        if (!r.bytes(rep, limits::kReplicaIdMax)) return corrupt("replica");
    if (!get_count(r, n)) return corrupt("actor count");
    h.actors.resize(n);
    for (auto& actor : h.actors)
        if (!r.bytes(actor, limits::kActorMax)) return corrupt("actor");
    if (!r.varint(n) || n > limits::kKeyedRecordsMax) return corrupt("event type count");
    for (std::size_t i = 0; i < n; ++i) {
        std::string key, label;
        Stamp stamp;
        if (!r.bytes(key, 32) || !r.bytes(label, limits::kShortTextMax) || !get_stamp(r, stamp) ||
            !is_valid_record_id(EntityKind::event_type, key) || label.empty())
            return corrupt("event type");
        // Format 1 kept a key, a label and the stamp of the label's last write.
        Entity type = make_entity(EntityKind::event_type, std::move(key));
        type.set_value(EventTypeField::label, label);
        type.created = stamp;
        type.updated_ms = stamp.wall_ms;
        if (stamp != Stamp{})  // a keyed record's fields carry their own stamps (desk.hpp)
            type.field_stamps = {{EventTypeField::label, stamp}, {EventTypeField::active, Stamp{}}};
        h.format1_event_types.push_back(std::move(type));
    }
    if (!get_count(r, n)) return corrupt("seen count");
    std::vector<SeenRange> ranges(n);
    for (auto& range : ranges) {
        std::uint64_t m = 0;
        if (!r.varint(range.contiguous) || !get_count(r, m)) return corrupt("seen range");
        for (std::uint64_t i = 0; i < m; ++i) {
            std::uint64_t c = 0;
            if (!r.varint(c)) return corrupt("seen counter");
            range.beyond.insert(c);
        }
    }
    h.seen.restore(std::move(ranges));
    std::string hlc;
    if (!r.bytes(hlc, 64)) return corrupt("newest hlc");
    if (!hlc.empty()) {
        auto parsed = Hlc::parse(hlc);
        if (!parsed) return corrupt("newest hlc");
        h.newest_hlc = std::move(parsed.value());
    }
    std::uint64_t chunks = 0;
    if (!r.varint(h.record_count) || !r.varint(chunks) || chunks == 0 || chunks > 4096)
        return corrupt("counts");
    h.chunk_count = static_cast<std::uint32_t>(chunks);
    if (!r.at_end()) return corrupt("desk header (trailing bytes)");
    return h;
}

}  // namespace hotline::store
