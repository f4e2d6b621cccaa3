#include "core/operation_json.hpp"

#include <algorithm>
#include <initializer_list>

#include "core/event_types.hpp"
#include "core/limits.hpp"

namespace hotline {
namespace {

using json = nlohmann::json;

Error bad(std::string_view key, std::string_view what) {
    return make_error("bad_operation", "'" + std::string(key) + "' " + std::string(what));
}

// Every key of `obj` must be in `allowed`.
Outcome only_keys(const json& obj, std::string_view where, std::initializer_list<std::string_view> allowed) {
    for (const auto& item : obj.items()) {
        bool known = false;
        for (auto k : allowed) known = known || item.key() == k;
        if (!known) {
            std::string key = where.empty() ? item.key() : std::string(where) + "." + item.key();
            return bad(key, "is not a known key here");
        }
    }
    return {};
}

Result<std::string> get_string(const json& obj, std::string_view key, std::size_t max_len,
                               std::string_view where = {}) {
    std::string name = where.empty() ? std::string(key) : std::string(where) + "." + std::string(key);
    auto it = obj.find(key);
    if (it == obj.end()) return bad(name, "is missing");
    if (!it->is_string()) return bad(name, "must be a string");
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > max_len) return bad(name, "is longer than " + std::to_string(max_len) + " bytes");
    if (!is_valid_utf8(s)) return bad(name, "is not valid UTF-8");
    return s;
}

// A field value as it appears in JSON -> canonical text.
Result<std::string> field_value_from_json(FieldId field, const json& v, std::string_view name) {
    if (field_spec(field).kind == FieldKind::priority) {
        if (!v.is_number_integer()) return bad(name, "must be an integer");
        auto p = v.get<std::int64_t>();
        if (p < kPriorityCritical || p > kPriorityLow) return bad(name, "must be 1 (critical) to 4 (low)");
        return std::to_string(p);
    }
    if (!v.is_string()) return bad(name, "must be a string");
    auto canon = canonical_field_value(field, v.get_ref<const std::string&>());
    if (!canon) return bad(name, "is invalid: " + canon.error().message);
    return canon;
}

json field_value_to_json(FieldId field, const std::string& text) {
    if (field_spec(field).kind == FieldKind::priority) return text.size() == 1 ? text[0] - '0' : 0;
    return text;
}

Result<IncidentNumber> number_from_json(const json& v, const std::string& replica, bool allow_provisional) {
    if (v.is_number_integer()) {
        auto n = v.get<std::int64_t>();
        if (n <= 0 || n > 999'999'999'999) return bad("number", "must be a positive integer");
        return IncidentNumber{n, {}};
    }
    if (allow_provisional && v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        std::string prefix = "P-" + replica + "-";
        std::uint64_t n = 0;
        if (s.rfind(prefix, 0) != 0 || !parse_decimal_u64(std::string_view(s).substr(prefix.size()), n) || n == 0)
            return bad("number", "provisional numbers must look like P-<replica>-<n> with the operation's replica");
        return IncidentNumber{0, s};
    }
    return bad("number", allow_provisional ? "must be a positive integer or a provisional number"
                                           : "must be a positive integer");
}

Outcome decode_incident_create(const json& j, Operation& op) {
    if (auto o = only_keys(j, "", {"id", "hlc", "actor", "entity", "entity_id", "type", "value", "number"}); !o)
        return o;
    if (op.entity_id != op.id.to_string()) return bad("entity_id", "of a created incident must equal its id");
    auto it = j.find("value");
    if (it == j.end() || !it->is_object()) return bad("value", "must be an object of field values");
    if (it->size() > limits::kCreateFieldsMax) return bad("value", "has too many keys");
    for (const auto& item : it->items()) {
        auto field = field_by_name(item.key());
        if (!field) return bad("value." + item.key(), "is not a known field");
        auto v = field_value_from_json(*field, item.value(), "value." + item.key());
        if (!v) return v.error();
        op.fields.emplace_back(*field, std::move(v.value()));
    }
    // One canonical order, so equal operations compare equal however their JSON was laid out.
    std::sort(op.fields.begin(), op.fields.end());
    auto title = it->find("title");
    if (title == it->end() || !title->is_string() ||
        title->get_ref<const std::string&>().find_first_not_of(" \t") == std::string::npos)
        return bad("value.title", "is required and cannot be blank");
    auto num = j.find("number");
    if (num == j.end()) return bad("number", "is missing");
    auto n = number_from_json(*num, op.id.replica, true);
    if (!n) return n.error();
    op.number = std::move(n.value());
    return {};
}

Outcome decode_payload(const json& j, Operation& op) {
    const std::initializer_list<std::string_view> base_and_value = {"id",        "hlc",  "actor", "entity",
                                                                     "entity_id", "type", "value"};
    if (op.entity == EntityKind::event_type) {
        if (op.type != OpType::create) return bad("type", "event types can only be created");
        if (auto o = only_keys(j, "", base_and_value); !o) return o;
        if (!is_valid_event_type_key(op.entity_id))
            return bad("entity_id", "of an event type must be 1-32 chars of a-z, 0-9, _");
        auto it = j.find("value");
        if (it == j.end() || !it->is_object()) return bad("value", "must be an object");
        if (auto o = only_keys(*it, "value", {"label"}); !o) return o;
        auto label = get_string(*it, "label", limits::kShortTextMax, "value");
        if (!label) return label.error();
        if (label->empty()) return bad("value.label", "cannot be empty");
        op.text = std::move(label.value());
        return {};
    }
    auto entity_ok = OpId::parse(op.entity_id);
    if (!entity_ok) return bad("entity_id", "of an incident must look like <replica>:<counter>");
    switch (op.type) {
        case OpType::create:
            return decode_incident_create(j, op);
        case OpType::set: {
            if (auto o = only_keys(j, "", {"id", "hlc", "actor", "entity", "entity_id", "type", "field", "value"}); !o)
                return o;
            auto name = get_string(j, "field", 64);
            if (!name) return name.error();
            auto field = field_by_name(*name);
            if (!field) return bad("field", "'" + *name + "' is not a known field");
            auto it = j.find("value");
            if (it == j.end()) return bad("value", "is missing");
            auto v = field_value_from_json(*field, *it, "value");
            if (!v) return v.error();
            op.field = *field;
            op.text = std::move(v.value());
            return {};
        }
        case OpType::add_event: {
            if (auto o = only_keys(j, "", base_and_value); !o) return o;
            auto it = j.find("value");
            if (it == j.end() || !it->is_object()) return bad("value", "must be an object with type and text");
            if (auto o = only_keys(*it, "value", {"type", "text"}); !o) return o;
            auto type = get_string(*it, "type", 32, "value");
            if (!type) return type.error();
            if (!is_valid_event_type_key(*type)) return bad("value.type", "is not a valid event type key");
            auto text = get_string(*it, "text", limits::kLongTextMax, "value");
            if (!text) return text.error();
            op.event_type = std::move(type.value());
            op.text = std::move(text.value());
            return {};
        }
        case OpType::transition: {
            if (auto o = only_keys(j, "", base_and_value); !o) return o;
            auto to = get_string(j, "value", 32);
            if (!to) return to.error();
            auto status = status_by_name(*to);
            if (!status) return bad("value", "'" + *to + "' is not a status");
            op.to = *status;
            return {};
        }
        case OpType::renumber: {
            if (auto o = only_keys(j, "", {"id", "hlc", "actor", "entity", "entity_id", "type", "number"}); !o)
                return o;
            auto it = j.find("number");
            if (it == j.end()) return bad("number", "is missing");
            auto n = number_from_json(*it, op.id.replica, false);
            if (!n) return n.error();
            op.number = std::move(n.value());
            return {};
        }
    }
    return bad("type", "is not supported");
}

}  // namespace

std::string_view op_type_name(OpType t) {
    switch (t) {
        case OpType::create: return "create";
        case OpType::set: return "set";
        case OpType::add_event: return "add_event";
        case OpType::transition: return "transition";
        case OpType::renumber: return "renumber";
    }
    return "?";
}

std::string_view entity_kind_name(EntityKind k) {
    return k == EntityKind::incident ? "incident" : "event_type";
}

Result<Operation> decode_operation(std::string_view json_text) {
    if (json_text.size() > limits::kOperationJsonMax)
        return make_error("too_large", "operation is larger than " + std::to_string(limits::kOperationJsonMax) + " bytes");
    json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return make_error("bad_json", "operation is not valid JSON");
    return decode_operation(j);
}

Result<Operation> decode_operation(const json& j) {
    if (!j.is_object()) return make_error("bad_operation", "an operation must be a JSON object");
    Operation op;
    auto id = get_string(j, "id", limits::kEntityIdMax);
    if (!id) return id.error();
    auto parsed_id = OpId::parse(*id);
    if (!parsed_id) return bad("id", parsed_id.error().message);
    op.id = std::move(parsed_id.value());

    auto hlc = get_string(j, "hlc", 64);
    if (!hlc) return hlc.error();
    auto parsed_hlc = Hlc::parse(*hlc);
    if (!parsed_hlc) return bad("hlc", parsed_hlc.error().message);
    op.hlc = std::move(parsed_hlc.value());
    if (op.hlc.replica != op.id.replica) return bad("hlc", "must come from the same replica as the id");

    auto actor = get_string(j, "actor", limits::kActorMax);
    if (!actor) return actor.error();
    if (!is_valid_actor(*actor)) return bad("actor", "must look like u:<login> or s:<name>");
    op.actor = std::move(actor.value());

    auto entity = get_string(j, "entity", 32);
    if (!entity) return entity.error();
    if (*entity == "incident") op.entity = EntityKind::incident;
    else if (*entity == "event_type") op.entity = EntityKind::event_type;
    else return bad("entity", "'" + *entity + "' is not a known entity");

    auto entity_id = get_string(j, "entity_id", limits::kEntityIdMax);
    if (!entity_id) return entity_id.error();
    op.entity_id = std::move(entity_id.value());

    auto type = get_string(j, "type", 32);
    if (!type) return type.error();
    bool known = false;
    for (auto t : {OpType::create, OpType::set, OpType::add_event, OpType::transition, OpType::renumber})
        if (op_type_name(t) == *type) {
            op.type = t;
            known = true;
        }
    if (!known) return bad("type", "'" + *type + "' is not a known operation type");

    if (auto o = decode_payload(j, op); !o) return o.error();
    return op;
}

json operation_to_json(const Operation& op) {
    json j = {{"id", op.id.to_string()},
              {"hlc", op.hlc.to_string()},
              {"actor", op.actor},
              {"entity", std::string(entity_kind_name(op.entity))},
              {"entity_id", op.entity_id},
              {"type", std::string(op_type_name(op.type))}};
    auto number_json = [&] {
        return op.number.is_final() ? json(op.number.value) : json(op.number.provisional);
    };
    if (op.entity == EntityKind::event_type) {
        j["value"] = {{"label", op.text}};
        return j;
    }
    switch (op.type) {
        case OpType::create: {
            json fields = json::object();
            for (const auto& [f, v] : op.fields) fields[std::string(field_spec(f).name)] = field_value_to_json(f, v);
            j["value"] = std::move(fields);
            j["number"] = number_json();
            break;
        }
        case OpType::set:
            j["field"] = std::string(field_spec(op.field).name);
            j["value"] = field_value_to_json(op.field, op.text);
            break;
        case OpType::add_event:
            j["value"] = {{"type", op.event_type}, {"text", op.text}};
            break;
        case OpType::transition:
            j["value"] = std::string(status_name(op.to));
            break;
        case OpType::renumber:
            j["number"] = number_json();
            break;
    }
    return j;
}

std::string encode_operation(const Operation& op) { return operation_to_json(op).dump(); }

}  // namespace hotline
