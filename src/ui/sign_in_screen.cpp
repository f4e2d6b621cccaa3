// The sign-in screen, shown instead of the desk when a server is there and no
// one is signed in on this browser: login, password (hidden), Sign in. Enter in
// either field signs in. Drawn without an App (the user's desk opens after).
#include "app/i18n.hpp"
#include "app/sign_in.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {

bool draw_sign_in(app::SignIn& form) {
    const ImGuiViewport* view = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const ImVec2 size(std::min(view->WorkSize.x - 2 * em, 28 * em), 0.0f);
    ImGui::SetNextWindowPos(ImVec2(view->WorkPos.x + view->WorkSize.x * 0.5f, view->WorkPos.y + view->WorkSize.y * 0.4f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size);
    bool submit = false;
    // A card on the page, like the panes of the desk.
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ImGui::GetStyle().ChildRounding);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.5f * em, 1.5f * em));
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
    if (ImGui::Begin("Sign in", nullptr, kFlags)) {
        text_coloured(palette().accent, "Hotline");
        text_wrapped(app::tr("signin.intro"));
        ImGui::Spacing();
        const ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
        text_muted(app::tr("Login"));
        ImGui::SetNextItemWidth(-1);
        if (ImGui::IsWindowAppearing()) focus_next_item();
        submit |= input_text("##login", form.login, enter);
        name_last_item("Login");
        text_muted(app::tr("Password"));
        ImGui::SetNextItemWidth(-1);
        submit |= input_text("##password", form.password, enter | ImGuiInputTextFlags_Password);
        name_last_item("Password");
        ImGui::Spacing();
        ImGui::BeginDisabled(form.busy());
        submit |= accent_button(T("Sign in").c_str());
        ImGui::EndDisabled();
        if (form.busy()) {
            ImGui::SameLine();
            text_muted(app::tr("Signing in\xe2\x80\xa6"));
        }
        if (!form.error().empty()) text_coloured(palette().error, form.error());
    }
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();
    return submit && !form.busy();
}

}  // namespace hotline::ui
