#include "core/op_admission.hpp"

#include "core/relations.hpp"
#include "core/schema.hpp"
#include "core/text_rules.hpp"

namespace hotline {
namespace {

Outcome check_text(std::string_view label, std::string_view text, bool multi_line) {
    if (auto problem = field_text_problem(text, multi_line))
        return make_error("bad_value", "'" + std::string(label) + "' " + std::string(*problem));
    return {};
}

Outcome check_field_text(EntityKind kind, FieldId field, std::string_view text) {
    const auto fields = fields_of(kind);
    if (field.value >= fields.size()) return {};  // no such field: Desk::apply refuses the operation
    const FieldSpec& spec = fields[field.value];
    return check_text(spec.label, text, spec.kind == FieldKind::long_text);
}

Outcome check_texts(const Operation& op) {
    switch (op.type) {
        case OpType::create:
            for (const auto& [field, text] : op.fields)
                if (auto ok = check_field_text(op.entity, field, text); !ok) return ok;
            return {};
        case OpType::set: return check_field_text(op.entity, op.field, op.text);
        case OpType::add_event: return check_text("Event text", op.text, true);
        case OpType::transition:
        case OpType::renumber:
        case OpType::merge: return {};
    }
    return {};
}

}  // namespace

Outcome check_new_operation(const Operation& op, const Desk& desk) {
    if (auto ok = check_texts(op); !ok) return ok;
    return check_relations(desk, op);
}

}  // namespace hotline
