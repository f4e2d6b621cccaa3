// Administration › Reference data: a kind picker (departments, staff profiles,
// reason, resolution and priority codes, event types, blocking reasons, calendars,
// SLA policies, routing rules, queues, contracts: app/admin_access.cpp), the
// kind's records by title, and a form generated from the kind's fields in the
// schema (text, choices, ref pickers, flags: field_form.hpp). A new keyed record
// asks for its key first. Roles the schema does not let change a kind see it
// read-only. Saving is an operation (app/reference_editor.hpp): offline too. A routing
// rule's form tries the rule as typed on an incident (S4).
#include <string>

#include "app/admin_access.hpp"
#include "app/display.hpp"
#include "app/i18n.hpp"
#include "ui/field_form.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

constexpr float kListRows = 7.5f;

void kind_picker(app::ReferenceEditor& ref) {
    const std::string name = T("Kind");
    ImGui::AlignTextToFramePadding();
    text_muted(name);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    // Every kind in view at once (the default height shows eight: the last kinds were hidden).
    const bool open = ImGui::BeginCombo("##kind", std::string(app::tr(kind_spec(ref.kind()).label)).c_str(),
                                        ImGuiComboFlags_HeightLargest);
    name_last_item(name.c_str());
    if (!open) return;
    for (EntityKind kind : app::reference_kinds()) {
        const std::string label(app::tr(kind_spec(kind).label));
        if (combo_item(label.c_str(), kind == ref.kind())) ref.set_kind(kind);
    }
    ImGui::EndCombo();
}

// A record that belongs to another (a contract to its account, a queue to its department)
// says whose it is: titles repeat across customers ("Annual support pack").
std::string owner_suffix(const Desk& desk, const Entity& record) {
    for (const FieldSpec& spec : fields_of(record.kind))
        if (spec.kind == FieldKind::ref && spec.required)
            if (const Entity* owner = desk.find(spec.ref, record.value(spec.id)))
                return " \xc2\xb7 " + std::string(record_title(*owner));
    return {};
}

void record_list(const Desk& desk, app::ReferenceEditor& ref) {
    const ImVec2 size(0.0f, ImGui::GetTextLineHeightWithSpacing() * kListRows);
    const bool shown = ImGui::BeginChild("records", size, true);
    const bool keyed = ref.keyed();
    for (const Entity* e : shown ? ref.records() : std::vector<const Entity*>()) {
        // Keyed records show their key, which other records and incidents name.
        std::string label(record_title(*e));
        if (keyed && label != e->id) label += "  (" + e->id + ")";
        label += owner_suffix(desk, *e) + "##" + e->id;
        const bool selected = ref.form_open() && ref.editing() == e->id;
        if (ImGui::Selectable(label.c_str(), selected)) ref.open(e->id);
    }
    ImGui::EndChild();
}

// S4: the routing rule as typed, tried on an incident by its number (core/routing.hpp).
void rule_test(Context& ctx, const app::ReferenceEditor& ref) {
    app::RuleTest& test = ctx.app.rule_test();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    input_text("##rule_test", test.number, 0, T("Incident number").c_str());
    name_last_item(T("Test on incident").c_str());
    ImGui::SameLine();
    if (ImGui::Button(T("Test rule").c_str())) ctx.app.test_routing_rule();
    if (test.rule != ref.editing()) return;
    for (const std::string& line : test.lines) text_muted(line);
}

void record_form(Context& ctx, app::ReferenceEditor& ref, bool editable) {
    const std::string kind(app::tr(kind_spec(ref.kind()).label));
    text_coloured(palette().accent, ref.is_new() ? app::tr_format("admin.new_record", {kind})
                                                 : app::tr_format("admin.record", {kind, ref.editing()}));
    ImGui::Separator();
    if (ref.is_new() && ref.keyed()) {
        const std::string name = T(ref.kind() == EntityKind::staff_profile ? "Login" : "Key");
        text_muted(name);
        ImGui::SetNextItemWidth(-FLT_MIN);
        input_text("##key", ref.key, 0, app::tr("admin.key_hint").data());
        name_last_item(name.c_str());
        if (!ref.key_error().empty()) text_coloured(palette().error, ref.key_error());
    }
    std::vector<FieldId> fields;
    for (const FieldSpec& spec : fields_of(ref.kind())) fields.push_back(spec.id);
    draw_fields(ref.draft(), fields, !editable, std::nullopt, &ctx.app.desk());
    ImGui::Spacing();
    if (editable && accent_button(T("Save").c_str())) ctx.app.save_reference(ctx.now_ms);
    if (editable) ImGui::SameLine();
    if (ImGui::Button(T("Cancel").c_str())) ref.close();
    if (ref.kind() == EntityKind::routing_rule) rule_test(ctx, ref);
    ImGui::Separator();
}

}  // namespace

void draw_admin_reference(Context& ctx) {
    app::ReferenceEditor& ref = ctx.app.reference();
    const bool editable = ref.editable();
    kind_picker(ref);
    if (editable) {
        ImGui::SameLine();
        if (accent_button(T("New record").c_str())) ref.start_new();
    } else {
        ImGui::SameLine();
        text_muted(app::tr("admin.read_only"));
    }
    ImGui::Spacing();
    // The form above the list, as on the Users tab.
    if (ref.form_open()) record_form(ctx, ref, editable);
    record_list(ctx.app.desk(), ref);
}

}  // namespace hotline::ui
