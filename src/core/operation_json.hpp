// JSON form of an operation, the one the sync endpoint carries:
//
//   {"id":"r7f3:42", "hlc":"1764000000123-0-r7f3", "actor":"u:ivanova",
//    "entity":"incident", "entity_id":"r7f3:17", "type":"set",
//    "field":"priority", "value":2}
//
// "entity" is a kind's wire name (schema.hpp). Per type, besides the six keys
// above (all required):
//   create      "value": {"<field>": <value>, ...} with every required field that
//               has no initial value; numbered kinds (incident) also
//               "number": 10042 (final) or "P-<replica>-<n>" (provisional).
//               entity_id equals id for minted kinds, is the key for keyed ones
//   set         "field": "<field name>", "value": <value>
//   add_event   "value": {"type": "<event type key>", "text": "..."}   (kinds with events)
//   transition  "value": "<status name>"                                (kinds with a workflow)
//   renumber    "number": 10042                                         (numbered kinds)
//   merge       "value": "<id of the record it is merged into>"          (incident, W12)
// A <value> is a JSON number for priority fields, a boolean for flags and a
// string for every other field. Field names are those of the entity's kind.
// The forms written before the entity model (incident and event_type) are these.
//
// Decoding is strict: a missing key, an unknown key, a wrong type, a value over
// its size limit or a hlc from another replica than the id is an Error naming
// the key. Decoding never throws and never aborts.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/operation.hpp"
#include "core/result.hpp"

namespace hotline {

Result<Operation> decode_operation(std::string_view json_text);
Result<Operation> decode_operation(const nlohmann::json& j);
// Text arguments convert to both std::string_view and nlohmann::json, which made a call
// with a std::string or a string literal ambiguous: these pick the text overload.
inline Result<Operation> decode_operation(const std::string& json_text) {
    return decode_operation(std::string_view(json_text));
}
inline Result<Operation> decode_operation(const char* json_text) {
    return decode_operation(std::string_view(json_text));
}

nlohmann::json operation_to_json(const Operation& op);
// A field's stored text as its JSON <value> (above); also the HTTP API's record fields.
nlohmann::json field_value_to_json(const FieldSpec& spec, std::string_view text);
std::string encode_operation(const Operation& op);

}  // namespace hotline
