// The Administration pane (P6, app/admin_access.hpp): "Users" for admins and
// "Reference data" for admins and managers, switched by two radio buttons (the
// app holds which one shows). The top bar offers the pane only to those roles.
#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {

void draw_admin(Context& ctx) {
    app::App& app = ctx.app;
    text_coloured(palette().accent, app::tr("Administration"));
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(T("Close").c_str()).x -
                    ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::Button(T("Close").c_str())) app.cancel();
    ImGui::Separator();
    if (app.users().allowed()) {
        if (ImGui::RadioButton(T("Users").c_str(), app.admin_tab() == app::AdminTab::users))
            app.set_admin_tab(app::AdminTab::users);
        ImGui::SameLine();
    }
    if (ImGui::RadioButton(T("Reference data").c_str(), app.admin_tab() == app::AdminTab::reference))
        app.set_admin_tab(app::AdminTab::reference);
    ImGui::Spacing();
    switch (app.admin_tab()) {
        case app::AdminTab::users: draw_admin_users(ctx); return;
        case app::AdminTab::reference: draw_admin_reference(ctx); return;
    }
}

}  // namespace hotline::ui
