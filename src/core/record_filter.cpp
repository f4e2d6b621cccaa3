#include "core/record_filter.hpp"

#include <algorithm>

#include "core/text_fold.hpp"

namespace hotline {
namespace {

bool is_text(FieldKind kind) {
    switch (kind) {
        case FieldKind::short_text:
        case FieldKind::long_text: return true;
        case FieldKind::date:
        case FieldKind::priority:
        case FieldKind::choice:
        case FieldKind::ref:
        case FieldKind::flag:
        case FieldKind::count:
        case FieldKind::instant: return false;
    }
    return false;
}

Error bad_query(std::string_view parameter, std::string_view problem) {
    return make_error("bad_query", "\"" + std::string(parameter) + "\" " + std::string(problem));
}

std::string status_names() {
    std::string out;
    for (int i = 0; i < kStatusCount; ++i)
        out += (i ? ", " : "") + std::string(status_name(static_cast<IncidentStatus>(i)));
    return out;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

Outcome RecordFilter::set_text(std::string_view parameter, std::string_view text) {
    if (!is_valid_utf8(text)) return bad_query(parameter, "is not valid UTF-8 text.");
    text_key_ = lookup_key(trimmed(text));
    return {};
}

Outcome RecordFilter::add_condition(std::string_view name, std::string_view value) {
    if (name == kStatusCondition && kind_spec(kind_).has_workflow) {
        status_ = status_by_name(value);
        if (!status_) return bad_query(name, "must be a status: " + status_names() + ".");
        return {};
    }
    const auto field = field_by_name(kind_, name);
    if (!field) return bad_query(name, "is neither a field of " + kind_noun(kind_) + " nor a search parameter.");
    const FieldSpec& spec = field_spec(kind_, *field);
    if (value.empty()) {
        conditions_.push_back({*field, {}, false});
        return {};
    }
    if (auto ok = check_field_value(spec, value); !ok)
        return bad_query(name, "is no value of the field: " + ok.error().message + ".");
    const bool prefix = is_text(spec.kind);
    conditions_.push_back({*field, prefix ? lookup_key(value) : std::string(value), prefix});
    return {};
}

bool RecordFilter::matches(const Entity& e) const {
    if (status_ && e.status != *status_) return false;
    for (const Condition& c : conditions_) {
        const std::string_view value = e.value(c.field);
        if (c.prefix ? !lookup_key(value).starts_with(c.value) : value != c.value) return false;
    }
    return text_key_.empty() || has_text(e);
}

bool RecordFilter::has_text(const Entity& e) const {
    auto found_in = [&](std::string_view text) { return lookup_key(text).find(text_key_) != std::string::npos; };
    for (const FieldSpec& f : fields_of(kind_))
        if (is_text(f.kind) && found_in(e.value(f.id))) return true;
    if (!kind_spec(kind_).numbered) return false;
    return found_in(e.number.display()) || std::any_of(e.number_aliases.begin(), e.number_aliases.end(), found_in);
}

}  // namespace hotline
