#include "app/draft.hpp"

#include "app/i18n.hpp"

namespace hotline::app {
namespace {

std::string trimmed(const std::string& s) {
    auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

void Draft::clear() {
    values_ = make_entity(kind_, {}).values.to_strings();
    errors_.assign(values_.size(), std::string());
}

void Draft::load(const Entity& record) {
    values_ = record.values.to_strings();
    errors_.assign(values_.size(), std::string());
}

bool Draft::validate() {
    bool ok = true;
    for (const auto& spec : fields_of(kind_)) {
        std::string& v = value(spec.id);
        if (spec.kind == FieldKind::short_text || spec.kind == FieldKind::date) v = trimmed(v);
        std::string& error = errors_[index(spec.id)];
        error.clear();
        if (auto checked = check_field_value(spec, v); !checked) error = tr_error(checked.error());
        else if (auto filled_in = check_required(kind_, spec, v); !filled_in) error = tr_error(filled_in.error());
        ok = ok && error.empty();
    }
    return ok;
}

std::vector<std::pair<FieldId, std::string>> Draft::filled() const {
    std::vector<std::pair<FieldId, std::string>> out;
    for (const auto& spec : fields_of(kind_))
        if (!value(spec.id).empty()) out.emplace_back(spec.id, value(spec.id));
    return out;
}

std::vector<FieldId> Draft::changes_from(const Entity& record) const {
    std::vector<FieldId> out;
    // The survivor of a merge (W12) is written by the merge alone, never through a form: a
    // merge arriving while the form is open is no edit of the user's.
    const auto merge_field = kind_spec(kind_).merged_into;
    for (const auto& spec : fields_of(kind_))
        if (spec.id != merge_field && value(spec.id) != record.value(spec.id)) out.push_back(spec.id);
    return out;
}

bool Draft::is_blank() const { return values_ == make_entity(kind_, {}).values.to_strings(); }

std::optional<FieldId> Draft::first_error() const {
    for (const auto& spec : fields_of(kind_))
        if (!error(spec.id).empty()) return spec.id;
    return std::nullopt;
}

Error invalid_fields_error() { return make_error("invalid_fields", std::string(tr("form.fix_fields"))); }

}  // namespace hotline::app
