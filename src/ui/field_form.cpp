#include "ui/field_form.hpp"

#include <string>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "app/reference_editor.hpp"
#include "core/code_tree.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

using F = IncidentField;

constexpr FieldId kQuick[] = {F::title, F::customer_name, F::customer_phone, F::priority, F::origin, F::description};
constexpr FieldId kIncident[] = {F::title, F::description, F::priority, F::origin, F::reason_general, F::reason_specific};
constexpr FieldId kCustomer[] = {F::customer_name,  F::customer_contact, F::customer_address,
                           F::customer_phone, F::customer_fax,     F::customer_email};
constexpr FieldId kUnit[] = {F::unit_item, F::unit_serial, F::unit_warranty_end, F::unit_contract};
// W5: the resolution is a code of the tree; the free text older versions stored
// (resolution_general, resolution_specific) is shown apart, read-only (summary_tab.cpp).
constexpr FieldId kResolution[] = {F::diagnosis, F::actual_problem, F::actual_solution, F::resolution_code};

// No assignment fields: people are assigned from records on the Summary's assignment
// panel (assignment_panel.cpp), not typed.
const FieldGroup kRegistration[] = {
    {app::tr_key("Incident"), kIncident}, {app::tr_key("Customer"), kCustomer}, {app::tr_key("Unit"), kUnit}};
const FieldGroup kResolutionGroup = {app::tr_key("Resolution"), kResolution};

constexpr float kMultilineRows = 4.5f;
constexpr float kTwoColumnsMinEm = 30.0f;  // below this width, one field per row

// Combo over the four priorities, shown by label.
void priority_input(const char* id, const char* name, std::string& value, bool read_only) {
    const int current = value.size() == 1 ? value[0] - '0' : 0;
    const std::string preview = current ? std::string(app::priority_text(current)) : std::string();
    ImGui::BeginDisabled(read_only);
    const bool open = ImGui::BeginCombo(id, preview.c_str());
    name_last_item(name);
    if (open) {
        for (int p = kPriorityCritical; p <= kPriorityLow; ++p) {
            const std::string label = std::string(app::priority_text(p));
            if (combo_item(label.c_str(), p == current)) value = std::to_string(p);
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
}

// A yes/no field as a checkbox.
void flag_input(const char* id, const char* name, std::string& value, bool read_only) {
    bool on = value == kFlagTrue;
    ImGui::BeginDisabled(read_only);
    if (ImGui::Checkbox(id, &on)) value = std::string(on ? kFlagTrue : kFlagFalse);
    name_last_item(name);
    ImGui::EndDisabled();
}

// Combo over a choice field's values, shown by label.
void choice_input(const char* id, const char* name, const FieldSpec& spec, std::string& value, bool read_only) {
    const std::string preview(app::choice_text(value));
    ImGui::BeginDisabled(read_only);
    const bool open = ImGui::BeginCombo(id, preview.c_str());
    name_last_item(name);
    if (open) {
        for (std::string_view choice : spec.choices) {
            const std::string label(app::choice_text(choice));
            if (combo_item(label.c_str(), choice == value)) value = std::string(choice);
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
}

// True when the field has the keyboard.
bool draw_field(app::Draft& draft, FieldId field, bool read_only, float width, bool focus, const Desk* refs) {
    const FieldSpec& spec = field_spec(draft.kind(), field);
    const std::string name(app::field_text(field, draft.kind()));
    const std::string id = "##" + std::string(spec.name);
    std::string& value = draft.value(field);
    const std::string& error = draft.error(field);

    ImGui::BeginGroup();
    text_muted(name);
    ImGui::SetNextItemWidth(width);
    if (focus) focus_next_item();
    if (!error.empty()) ImGui::PushStyleColor(ImGuiCol_Border, palette().error);
    const ImGuiInputTextFlags flags = read_only ? ImGuiInputTextFlags_ReadOnly : 0;
    switch (spec.kind) {
        case FieldKind::long_text:
            input_multiline(id.c_str(), value, ImGui::GetTextLineHeight() * kMultilineRows, flags);
            name_last_item(name.c_str());
            break;
        case FieldKind::date:
            input_text(id.c_str(), value, flags, T("YYYY-MM-DD").c_str());
            name_last_item(name.c_str());
            break;
        case FieldKind::short_text:
        case FieldKind::count:
        case FieldKind::instant:
            input_text(id.c_str(), value, flags);
            name_last_item(name.c_str());
            break;
        case FieldKind::priority: priority_input(id.c_str(), name.c_str(), value, read_only); break;
        case FieldKind::choice: choice_input(id.c_str(), name.c_str(), spec, value, read_only); break;
        case FieldKind::flag: flag_input(id.c_str(), name.c_str(), value, read_only); break;
        case FieldKind::ref:
            if (refs && code_parent_field(spec.ref)) {
                code_tree_input(id.c_str(), *refs, spec.ref, value, read_only, width);
                break;
            }
            if (refs) {
                ref_input(id.c_str(), name.c_str(), *refs, spec.ref, spec.required, value, read_only);
                break;
            }
            // Chosen with a lookup (registration), never typed: shown as held.
            input_text(id.c_str(), value, ImGuiInputTextFlags_ReadOnly);
            name_last_item(name.c_str());
            break;
    }
    const bool active = ImGui::IsItemActive();
    if (!error.empty()) {
        ImGui::PopStyleColor();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        text_coloured(palette().error, error);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndGroup();
    return active;
}

}  // namespace

std::span<const FieldId> quick_fields() { return kQuick; }
std::span<const FieldGroup> registration_groups() { return kRegistration; }
const FieldGroup& resolution_group() { return kResolutionGroup; }

void ref_input(const char* id, const char* name, const Desk& desk, EntityKind kind, bool required,
               std::string& value, bool read_only) {
    const Entity* chosen = value.empty() ? nullptr : desk.find(kind, value);
    const std::string preview = chosen ? std::string(record_title(*chosen)) : value.empty() ? T("(none)") : value;
    ImGui::BeginDisabled(read_only);
    const bool open = ImGui::BeginCombo(id, preview.c_str());
    name_last_item(name);
    if (open) {
        if (!required && combo_item(T("(none)").c_str(), value.empty())) value.clear();
        for (const Entity* e : app::sorted_records(desk, kind)) {
            const std::string label = std::string(record_title(*e)) + "##" + e->id;
            if (combo_item(label.c_str(), e->id == value)) value = e->id;
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
}

std::optional<FieldId> draw_fields(app::Draft& draft, std::span<const FieldId> fields, bool read_only,
                                   std::optional<FieldId> focus, const Desk* refs) {
    std::optional<FieldId> active;
    const float full = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    const bool two_columns = full >= ImGui::GetFontSize() * kTwoColumnsMinEm;
    const float half = two_columns ? (full - gap) * 0.5f : full;
    bool right_free = false;  // a short field sits alone on the left of the current row
    float row_top = 0.0f;
    for (const FieldId f : fields) {
        const FieldSpec& spec = field_spec(draft.kind(), f);
        // A code of a tree is two combos: a row of its own.
        const bool wide = spec.kind == FieldKind::long_text || (refs && spec.kind == FieldKind::ref && code_parent_field(spec.ref)) ||
                          !two_columns;
        if (right_free && !wide) {
            ImGui::SameLine(0.0f, gap);
            ImGui::SetCursorPosY(row_top);  // SameLine would align to the left input's text baseline
        } else {
            row_top = ImGui::GetCursorPosY();
        }
        if (draw_field(draft, f, read_only, wide ? full : half, focus == f, refs)) active = f;
        right_free = !wide && !right_free;
    }
    return active;
}

std::optional<FieldId> draw_groups(app::Draft& draft, std::span<const FieldGroup> groups, bool read_only,
                                   std::optional<FieldId> focus, const Desk* refs) {
    std::optional<FieldId> active;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (g > 0) ImGui::Spacing();
        text_coloured(palette().accent, app::tr(groups[g].title));
        ImGui::Separator();
        if (auto in_group = draw_fields(draft, groups[g].fields, read_only, focus, refs)) active = in_group;
    }
    return active;
}

}  // namespace hotline::ui
