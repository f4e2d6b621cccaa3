#include "core/operation_json.hpp"

#include <algorithm>
#include <initializer_list>

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
Result<std::string> field_value_from_json(const FieldSpec& spec, const json& v, std::string_view name) {
    std::string text;
    switch (spec.kind) {
        case FieldKind::priority: {
            if (!v.is_number_integer()) return bad(name, "must be an integer");
            auto p = v.get<std::int64_t>();
            if (p < kPriorityCritical || p > kPriorityLow) return bad(name, "must be 1 (critical) to 4 (low)");
            return std::to_string(p);
        }
        case FieldKind::flag:
            if (!v.is_boolean()) return bad(name, "must be true or false");
            return std::string(v.get<bool>() ? kFlagTrue : kFlagFalse);
        case FieldKind::count:
        case FieldKind::instant: {
            if (v.is_null()) return std::string();
            if (!v.is_number_integer()) return bad(name, "must be an integer or null");
            auto n = v.get<std::int64_t>();
            if (n < 0 || n > kCountMax) return bad(name, "must be from 0 to " + std::to_string(kCountMax));
            return std::to_string(n);
        }
        case FieldKind::short_text:
        case FieldKind::long_text:
        case FieldKind::date:
        case FieldKind::choice:
        case FieldKind::ref:
            if (!v.is_string()) return bad(name, "must be a string");
            text = v.get_ref<const std::string&>();
            break;
    }
    if (auto ok = check_field_value(spec, text); !ok) return bad(name, "is invalid: " + ok.error().message);
    return text;
}

}  // namespace

json field_value_to_json(const FieldSpec& spec, std::string_view text) {
    switch (spec.kind) {
        case FieldKind::priority: return text.size() == 1 ? text[0] - '0' : 0;
        case FieldKind::flag: return text == kFlagTrue;
        case FieldKind::count:
        case FieldKind::instant:
            if (auto n = parse_count(text)) return *n;
            return nullptr;
        case FieldKind::short_text:
        case FieldKind::long_text:
        case FieldKind::date:
        case FieldKind::choice:
        case FieldKind::ref: return std::string(text);
    }
    return std::string(text);
}

namespace {

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

const std::initializer_list<std::string_view> kBaseAndValue = {"id", "entity_id", "hlc", "actor", "entity",
                                                               "type", "value"};

Outcome decode_create(const json& j, Operation& op, const KindSpec& spec) {
    if (spec.numbered) {
        if (auto o = only_keys(j, "", {"id", "hlc", "actor", "entity", "entity_id", "type", "value", "number"}); !o)
            return o;
    } else if (auto o = only_keys(j, "", kBaseAndValue); !o) {
        return o;
    }
    if (spec.ids == IdScheme::minted && op.entity_id != op.id.to_string())
        return bad("entity_id", "of a created " + std::string(spec.name) + " must equal its id");
    auto it = j.find("value");
    if (it == j.end() || !it->is_object()) return bad("value", "must be an object of field values");
    if (it->size() > limits::kCreateFieldsMax) return bad("value", "has too many keys");
    for (const auto& item : it->items()) {
        auto field = field_by_name(spec.kind, item.key());
        if (!field) return bad("value." + item.key(), "is not a known field");
        auto v = field_value_from_json(field_spec(spec.kind, *field), item.value(), "value." + item.key());
        if (!v) return v.error();
        op.fields.emplace_back(*field, std::move(v.value()));
    }
    // One canonical order, so equal operations compare equal however their JSON was laid out.
    std::sort(op.fields.begin(), op.fields.end());
    for (const FieldSpec& f : spec.fields) {
        if (!f.required || !f.initial.empty()) continue;
        auto given = std::find_if(op.fields.begin(), op.fields.end(), [&](const auto& p) { return p.first == f.id; });
        if (given == op.fields.end() || is_blank(given->second))
            return bad("value." + std::string(f.name), "is required and cannot be blank");
    }
    if (!spec.numbered) return {};
    auto num = j.find("number");
    if (num == j.end()) return bad("number", "is missing");
    auto n = number_from_json(*num, op.id.replica, true);
    if (!n) return n.error();
    op.number = std::move(n.value());
    return {};
}

Outcome decode_set(const json& j, Operation& op, const KindSpec& spec) {
    if (auto o = only_keys(j, "", {"id", "hlc", "actor", "entity", "entity_id", "type", "field", "value"}); !o) return o;
    auto name = get_string(j, "field", 64);
    if (!name) return name.error();
    auto field = field_by_name(spec.kind, *name);
    if (!field) return bad("field", "'" + *name + "' is not a known field");
    auto it = j.find("value");
    if (it == j.end()) return bad("value", "is missing");
    auto v = field_value_from_json(field_spec(spec.kind, *field), *it, "value");
    if (!v) return v.error();
    op.field = *field;
    op.text = std::move(v.value());
    return {};
}

Outcome decode_add_event(const json& j, Operation& op, const KindSpec& spec) {
    if (!spec.has_events) return bad("type", "add_event: " + std::string(spec.name) + " records have no events");
    if (auto o = only_keys(j, "", kBaseAndValue); !o) return o;
    auto it = j.find("value");
    if (it == j.end() || !it->is_object()) return bad("value", "must be an object with type and text");
    if (auto o = only_keys(*it, "value", {"type", "text"}); !o) return o;
    auto type = get_string(*it, "type", 32, "value");
    if (!type) return type.error();
    if (!is_valid_record_id(EntityKind::event_type, *type)) return bad("value.type", "is not a valid event type key");
    auto text = get_string(*it, "text", limits::kLongTextMax, "value");
    if (!text) return text.error();
    op.event_type = std::move(type.value());
    op.text = std::move(text.value());
    return {};
}

Outcome decode_transition(const json& j, Operation& op, const KindSpec& spec) {
    if (!spec.has_workflow) return bad("type", "transition: " + std::string(spec.name) + " records have no status");
    if (auto o = only_keys(j, "", kBaseAndValue); !o) return o;
    auto to = get_string(j, "value", 32);
    if (!to) return to.error();
    auto status = status_by_name(*to);
    if (!status) return bad("value", "'" + *to + "' is not a status");
    op.to = *status;
    return {};
}

Outcome decode_renumber(const json& j, Operation& op, const KindSpec& spec) {
    if (!spec.numbered) return bad("type", "renumber: " + std::string(spec.name) + " records have no number");
    if (auto o = only_keys(j, "", {"id", "hlc", "actor", "entity", "entity_id", "type", "number"}); !o) return o;
    auto it = j.find("number");
    if (it == j.end()) return bad("number", "is missing");
    auto n = number_from_json(*it, op.id.replica, false);
    if (!n) return n.error();
    op.number = std::move(n.value());
    return {};
}

Outcome decode_merge(const json& j, Operation& op, const KindSpec& spec) {
    if (!spec.merged_into) return bad("type", "merge: " + std::string(spec.name) + " records cannot be merged");
    if (auto o = only_keys(j, "", kBaseAndValue); !o) return o;
    auto into = get_string(j, "value", limits::kEntityIdMax);
    if (!into) return into.error();
    if (!is_valid_record_id(spec.kind, *into)) return bad("value", "is not the id of " + kind_noun(spec.kind));
    op.text = std::move(into.value());
    return {};
}

Outcome decode_payload(const json& j, Operation& op) {
    const KindSpec& spec = kind_spec(op.entity);
    if (!is_valid_record_id(op.entity, op.entity_id))
        return bad("entity_id", spec.ids == IdScheme::minted
                                    ? "of " + kind_noun(op.entity) + " must look like <replica>:<counter>"
                                    : "of " + kind_noun(op.entity) + " must be 1-32 chars of a-z, 0-9, _");
    switch (op.type) {
        case OpType::create: return decode_create(j, op, spec);
        case OpType::set: return decode_set(j, op, spec);
        case OpType::add_event: return decode_add_event(j, op, spec);
        case OpType::transition: return decode_transition(j, op, spec);
        case OpType::renumber: return decode_renumber(j, op, spec);
        case OpType::merge: return decode_merge(j, op, spec);
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
        case OpType::merge: return "merge";
    }
    return "?";
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
    auto kind = kind_by_name(*entity);
    if (!kind) return bad("entity", "'" + *entity + "' is not a known entity");
    op.entity = *kind;

    auto entity_id = get_string(j, "entity_id", limits::kEntityIdMax);
    if (!entity_id) return entity_id.error();
    op.entity_id = std::move(entity_id.value());

    auto type = get_string(j, "type", 32);
    if (!type) return type.error();
    bool known = false;
    for (auto t : kAllOpTypes)
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
    switch (op.type) {
        case OpType::create: {
            json fields = json::object();
            for (const auto& [f, v] : op.fields) {
                const FieldSpec& spec = field_spec(op.entity, f);
                fields[std::string(spec.name)] = field_value_to_json(spec, v);
            }
            j["value"] = std::move(fields);
            if (kind_spec(op.entity).numbered) j["number"] = number_json();
            break;
        }
        case OpType::set:
            j["field"] = std::string(field_spec(op.entity, op.field).name);
            j["value"] = field_value_to_json(field_spec(op.entity, op.field), op.text);
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
        case OpType::merge:
            j["value"] = op.text;
            break;
    }
    return j;
}

std::string encode_operation(const Operation& op) { return operation_to_json(op).dump(); }

}  // namespace hotline
