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
    for (auto& v : values_) v.clear();
    for (auto& e : errors_) e.clear();
    value(FieldId::priority) = std::string(kDefaultPriority);
    value(FieldId::origin) = std::string(kDefaultOrigin);
}

void Draft::load(const Incident& incident) {
    values_ = incident.values;
    for (auto& e : errors_) e.clear();
}

bool Draft::validate() {
    bool ok = true;
    for (const auto& spec : all_fields()) {
        std::string& v = value(spec.id);
        if (spec.kind == FieldKind::short_text || spec.kind == FieldKind::date) v = trimmed(v);
        std::string& error = errors_[index(spec.id)];
        error.clear();
        if (auto checked = check_field_value(spec.id, v); !checked) error = tr(checked.error().message);
        else if (spec.id == FieldId::title && is_blank(v)) error = tr("An incident needs a title");
        ok = ok && error.empty();
    }
    return ok;
}

std::vector<std::pair<FieldId, std::string>> Draft::filled() const {
    std::vector<std::pair<FieldId, std::string>> out;
    for (const auto& spec : all_fields())
        if (!value(spec.id).empty()) out.emplace_back(spec.id, value(spec.id));
    return out;
}

std::vector<FieldId> Draft::changes_from(const Incident& incident) const {
    std::vector<FieldId> out;
    for (const auto& spec : all_fields())
        if (value(spec.id) != incident.value(spec.id)) out.push_back(spec.id);
    return out;
}

Error invalid_fields_error() { return make_error("invalid_fields", std::string(tr("form.fix_fields"))); }

}  // namespace hotline::app
