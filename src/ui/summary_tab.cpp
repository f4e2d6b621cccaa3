// The Summary tab: the incident's work (assignment and time, work_panels.hpp), then
// every field of the incident, editable (read-only once archived); Save writes one
// change per edited field, Discard changes reverts.
#include "app/i18n.hpp"
#include "ui/detail_tabs.hpp"
#include "ui/field_form.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/work_panels.hpp"

namespace hotline::ui {

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
        text_muted(app::tr("summary.archived"));
    }
    if (ImGui::BeginChild("fields")) {
        draw_assignment_panel(ctx, editable);
        ImGui::Spacing();
        draw_timer_panel(ctx, editable);
        ImGui::Spacing();
        draw_article_panel(ctx, editable);
        ImGui::Spacing();
        auto typing_in = draw_groups(editor.draft(), registration_groups(), !editable, ctx.ui.focus_field);
        ImGui::Spacing();
        if (auto in_resolution = draw_groups(editor.draft(), std::span(&resolution_group(), 1), !editable,
                                             ctx.ui.focus_field))
            typing_in = in_resolution;
        if (typing_in) ctx.ui.form_field = typing_in;
        ctx.ui.focus_field.reset();
    }
    ImGui::EndChild();
}

}  // namespace hotline::ui
