// Administration › Users (admins): the server's accounts in a table (login,
// display name, role, department, active); a click on a row opens it in the form
// above the table, "New user" an empty one. The form: login (new only), display name,
// role, department (a picker of department records), a password (the first one,
// or a reset), and Deactivate / Reactivate. Answers of the server come later
// (app/user_admin.hpp): the status bar says what happened.
#include "app/i18n.hpp"
#include "app/reference_editor.hpp"
#include "ui/field_form.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

constexpr float kTableRows = 8.5f;

std::string department_title(const Desk& desk, const std::string& key) {
    const Entity* d = key.empty() ? nullptr : desk.find(EntityKind::department, key);
    return d ? std::string(record_title(*d)) : key;
}

void users_table(app::App& app) {
    app::UserAdmin& users = app.users();
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    const ImVec2 size(0.0f, ImGui::GetTextLineHeightWithSpacing() * kTableRows);
    if (!ImGui::BeginTable("users", 5, kFlags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* column : {app::tr_key("Login"), app::tr_key("Display name"), app::tr_key("Role"),
                               app::tr_key("Department"), app::tr_key("Active")})
        ImGui::TableSetupColumn(T(column).c_str());
    ImGui::TableHeadersRow();
    // Copied: opening a row's form may not change the list, but a reply polled meanwhile could.
    const std::vector<app::UserAccount> list = users.users();
    for (const app::UserAccount& u : list) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool selected = users.form_open() && users.editing() == u.login;
        if (ImGui::Selectable(u.login.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) users.edit(u.login);
        ImGui::TableNextColumn();
        text(u.name);
        ImGui::TableNextColumn();
        text(app::tr(u.role));
        ImGui::TableNextColumn();
        text(department_title(app.desk(), users.department_of(u.login)));
        ImGui::TableNextColumn();
        text(app::tr(u.active ? "Yes" : "No"));
    }
    ImGui::EndTable();
}

// A labelled text field with its error below.
void form_text(const char* label, std::string& value, const std::string& error, ImGuiInputTextFlags flags = 0) {
    const std::string name = T(label);
    text_muted(name);
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_text((std::string("##") + label).c_str(), value, flags);
    name_last_item(name.c_str());
    if (!error.empty()) text_coloured(palette().error, error);
}

void role_input(std::string& role, const std::string& error) {
    const std::string name = T("Role");
    text_muted(name);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool open = ImGui::BeginCombo("##role", std::string(app::tr(role)).c_str());
    name_last_item(name.c_str());
    if (open) {
        for (Role r : kAllRoles) {
            const std::string label(app::tr(role_name(r)));
            if (combo_item(label.c_str(), role == role_name(r))) role = std::string(role_name(r));
        }
        ImGui::EndCombo();
    }
    if (!error.empty()) text_coloured(palette().error, error);
}

void user_form(Context& ctx) {
    app::App& app = ctx.app;
    app::UserAdmin& users = app.users();
    app::UserForm& form = users.form;
    const app::UserFormErrors& errors = users.errors();
    const bool creating = users.editing().empty();
    text_coloured(palette().accent, creating ? app::tr("New user") : app::tr_format("admin.user", {users.editing()}));
    ImGui::Separator();
    if (creating) form_text(app::tr_key("Login"), form.login, errors.login);
    form_text(app::tr_key("Display name"), form.name, errors.name);
    role_input(form.role, errors.role);
    text_muted(app::tr("Department"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ref_input("##department", T("Department").c_str(), app.desk(), EntityKind::department, false, form.department,
              false);
    form_text(creating ? app::tr_key("Password") : app::tr_key("New password"), form.password, errors.password,
              ImGuiInputTextFlags_Password);
    ImGui::Spacing();
    ImGui::BeginDisabled(users.busy());
    if (creating) {
        if (accent_button(T("Create user").c_str())) app.create_user();
    } else {
        if (accent_button(T("Save").c_str())) app.save_user(ctx.now_ms);
        ImGui::SameLine();
        if (ImGui::Button(T("Reset password").c_str())) app.reset_password();
        ImGui::SameLine();
        const app::UserAccount* u = users.user(users.editing());
        const bool active = u && u->active;
        if (ImGui::Button(T(active ? "Deactivate" : "Reactivate").c_str())) app.set_user_active(!active);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(T("Cancel").c_str())) users.close();
    ImGui::Separator();
}

}  // namespace

void draw_admin_users(Context& ctx) {
    app::App& app = ctx.app;
    app::UserAdmin& users = app.users();
    if (!users.connected()) {
        text_wrapped(app::tr("admin.needs_connection"));
        return;
    }
    ImGui::BeginDisabled(users.busy());
    if (accent_button(T("New user").c_str())) users.start_new();
    ImGui::SameLine();
    if (ImGui::Button(T("Refresh").c_str())) app.refresh_users();
    ImGui::EndDisabled();
    if (users.busy()) {
        ImGui::SameLine();
        text_muted(app::tr("admin.sending"));
    }
    // The form above the table: its fields come before the columns of the same names.
    if (users.form_open()) user_form(ctx);
    ImGui::Spacing();
    users_table(app);
}

}  // namespace hotline::ui
