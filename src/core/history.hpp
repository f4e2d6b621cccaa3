// W15 transaction log: date, field, author, old value, new value for every
// change. It is the operation log rendered at apply time (desk.cpp appends one
// entry per applied or superseded operation), kept per record as a compact
// byte string so 100,000 incidents do not hold millions of small objects; it is
// decoded only when someone looks at it.
//
// Entry encoding (byte_codec.hpp):
//   u8 kind | svarint wall_ms | varint actor (index in the desk's actor table) | kind-specific:
//     created          : bytes number ("" for kinds without numbers)
//     field        : u8 field id (of the record's kind) | bytes old     (the new value is not stored:
//                    it is the old value of the field's next change, or the
//                    current value; render_transaction_log fills it in)
//     superseded   : u8 field id | bytes attempted value
//     event            : bytes event type | bytes event id
//     status           : u8 old status | u8 new status
//     renumber         : bytes old number | bytes new number
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.hpp"
#include "core/status.hpp"

namespace hotline {

enum class TxKind : std::uint8_t { created, field, superseded, event, status, renumber };

struct TxEntry {
    TxKind kind = TxKind::created;
    std::int64_t wall_ms = 0;
    std::string actor;
    std::string field;      // wire name: a field, "status", "number", or an event type key
    std::string old_value;
    std::string new_value;  // for events: the event id (see Incident::events)

    friend bool operator==(const TxEntry&, const TxEntry&) = default;
};

// Appends entries made by one actor (an index in Desk::actors()).
class HistoryWriter {
public:
    HistoryWriter(std::string& blob, std::uint32_t actor) : blob_(blob), actor_(actor) {}
    void created(std::int64_t wall, std::string_view number);
    void field(std::int64_t wall, FieldId f, std::string_view old_value);
    void superseded(std::int64_t wall, FieldId f, std::string_view attempted);
    void event(std::int64_t wall, std::string_view type, std::string_view event_id);
    void status(std::int64_t wall, IncidentStatus from, IncidentStatus to);
    void renumber(std::int64_t wall, std::string_view from, std::string_view to);

private:
    void head(TxKind kind, std::int64_t wall);
    std::string& blob_;
    std::uint32_t actor_;
};

// Decodes the history blob of a record of `kind`, naming actors from `actors`
// (Desk::actors()); an index outside it reads as "?". new_value of TxKind::field entries is left
// empty (see above). A damaged blob yields the entries before the damage.
std::vector<TxEntry> decode_history(std::string_view blob, const std::vector<std::string>& actors, EntityKind kind);

// The status changes and the changes of two fields of a history blob, in the order they
// were applied, appended to `out` (cleared first); nothing else is read and no string is
// made (the SLA clocks of a whole desk walk every incident's history).
struct LifeChange {
    std::int64_t wall_ms = 0;
    bool status = false;                          // a status change, else a change of `field`
    IncidentStatus to = IncidentStatus::registered;  // status changes: the new status
    FieldId field;                                // field changes: which
    std::string_view old_value;                   // field changes: the value before (into the blob)
};
void life_changes(std::string_view blob, EntityKind kind, FieldId first, FieldId second, std::vector<LifeChange>& out);

}  // namespace hotline
