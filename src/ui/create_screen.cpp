// The new-incident pane: the registration against real records at the top
// (registration_panel.cpp), then the quick form (R7: title, customer, phone,
// priority, origin, description) or the full registration form, Save and Cancel. The
// number shows as soon as it is saved (the detail pane opens on it). A child incident
// (W12) names its parent above the form, with "Not a child incident" to drop it.
#include "app/i18n.hpp"
#include "ui/field_form.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

void draw_parent(Context& ctx) {
    const std::string& parent_id = ctx.app.create_draft().value(IncidentField::parent);
    if (parent_id.empty()) return;
    const Incident* parent = ctx.app.desk().find(parent_id);
    text(app::tr_format("create.child_of", {parent ? parent->number.display() : parent_id,
                                            parent ? parent->value(IncidentField::title) : std::string_view()}));
    ImGui::SameLine();
    if (ImGui::SmallButton(T("Not a child incident").c_str())) ctx.app.forget_parent();
}

}  // namespace

void draw_create(Context& ctx) {
    app::App& app = ctx.app;
    // In the first frame after a reload ImGui puts the keyboard on the pane's first item as it
    // appears, over a field's focus request: the request is made again in the next frame.
    const bool appearing = ImGui::IsWindowAppearing();
    text_coloured(palette().accent, app::tr("New incident"));
    const bool full = app.create_full_form();
    const std::string switch_label = T(full ? "Quick form" : "Full form");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(switch_label.c_str()).x -
                    ImGui::GetStyle().FramePadding.x * 2);
    // A click takes the keyboard from the field being typed in: give it back (Alt+F does the same without the mouse).
    if (ImGui::SmallButton(switch_label.c_str())) {
        app.set_create_full_form(!full);
        ctx.ui.focus_field = ctx.ui.form_field;
    }
    ImGui::Separator();

    const float buttons_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::BeginChild("form", ImVec2(0, -buttons_height))) {
        draw_parent(ctx);
        draw_registration(ctx);
        const auto typing_in = full ? draw_groups(app.create_draft(), registration_groups(), false, ctx.ui.focus_field)
                                    : draw_fields(app.create_draft(), quick_fields(), false, ctx.ui.focus_field);
        if (typing_in) ctx.ui.form_field = typing_in;
        if (!appearing) ctx.ui.focus_field.reset();
    }
    ImGui::EndChild();

    ImGui::Separator();
    if (accent_button(T("Save").c_str())) save_current(ctx);
    ImGui::SameLine();
    if (ImGui::Button(T("Cancel").c_str())) app.cancel();
    ImGui::SameLine();
    text_muted(app::tr("create.keys"));
}

}  // namespace hotline::ui
