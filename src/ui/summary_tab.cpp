// The Summary tab: the incident's work (the customer's answer, assignment, time, orders and billing:
// work_panels.hpp), then every field of the incident, editable (read-only once
// archived, or handed over to someone else on a technician's device); Save writes one
// change per edited field, Discard changes reverts.
#include "app/i18n.hpp"
#include "ui/detail_tabs.hpp"
#include "ui/field_form.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/work_panels.hpp"

namespace hotline::ui {
namespace {

// The resolution as older versions stored it, typed rather than chosen (W5): shown
// for reading, so nothing recorded before the code tree disappears from view.
void draw_resolution_text(const app::IncidentEditor& editor) {
    const Incident* inc = editor.incident();
    if (!inc) return;
    const std::string_view general = inc->value(IncidentField::resolution_general);
    const std::string_view specific = inc->value(IncidentField::resolution_specific);
    if (is_blank(general) && is_blank(specific)) return;
    text_muted(app::tr_format("summary.resolution_text", {general, specific}));
}

}  // namespace

void draw_summary_tab(Context& ctx) {
    app::IncidentEditor& editor = ctx.app.editor();
    const bool editable = editor.editable();
    if (editable) {
        const bool dirty = editor.has_unsaved_edits();
        ImGui::BeginDisabled(!dirty);
        if (accent_button(T("Save").c_str())) save_current(ctx);
        ImGui::SameLine();
        if (ImGui::Button(T("Discard changes").c_str())) ctx.app.discard_summary();
        ImGui::EndDisabled();
        if (dirty) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            text_coloured(palette().warning, app::tr("Unsaved changes"));
        }
    } else {
        const bool handed_over = editor.workable().error().code == "handed_over";
        text_muted(handed_over ? app::tr("summary.handed_over") : app::tr("summary.archived"));
    }
    if (ImGui::BeginChild("fields")) {
        draw_acceptance_panel(ctx, editable);
        draw_relations_panel(ctx, editable);
        draw_assignment_panel(ctx, editable);
        ImGui::Spacing();
        draw_timer_panel(ctx, editable);
        ImGui::Spacing();
        draw_orders_panel(ctx, editable);
        draw_article_panel(ctx, editable);
        ImGui::Spacing();
        auto typing_in = draw_groups(editor.draft(), registration_groups(), !editable, ctx.ui.focus_field);
        ImGui::Spacing();
        if (auto in_resolution = draw_groups(editor.draft(), std::span(&resolution_group(), 1), !editable,
                                             ctx.ui.focus_field, &ctx.app.desk()))
            typing_in = in_resolution;
        draw_resolution_text(editor);
        if (typing_in) ctx.ui.form_field = typing_in;
        ctx.ui.focus_field.reset();
    }
    ImGui::EndChild();
}

}  // namespace hotline::ui
