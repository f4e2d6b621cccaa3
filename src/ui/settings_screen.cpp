// The settings pane: light or dark theme and the text size (kept in the
// replica's metadata, so they survive reloads), the interface language, the
// signed-in account with Sign out, and a Close button.
#include <iterator>
#include <string>

#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {

void draw_settings(Context& ctx) {
    app::App& app = ctx.app;
    text_coloured(palette().accent, app::tr("Settings"));
    ImGui::Separator();

    text_muted(app::tr("Theme"));
    if (ImGui::RadioButton(T("Light").c_str(), !app.dark_theme())) app.set_dark_theme(false);
    ImGui::SameLine();
    if (ImGui::RadioButton(T("Dark").c_str(), app.dark_theme())) app.set_dark_theme(true);

    ImGui::Spacing();
    text_muted(app::tr("Text size"));
    ImGui::BeginDisabled(app.text_size() == app::kTextSizes[0]);
    if (ImGui::Button(T("Smaller").c_str())) app.step_text_size(-1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text(app::tr_format("settings.text_size", {std::to_string(app.text_size())}));
    ImGui::SameLine();
    ImGui::BeginDisabled(app.text_size() == app::kTextSizes[std::size(app::kTextSizes) - 1]);
    if (ImGui::Button(T("Larger").c_str())) app.step_text_size(+1);
    ImGui::EndDisabled();

    ImGui::Spacing();
    text_muted(app::tr("Language"));
    // Each language by its own name, so whoever cannot read the current one finds theirs.
    bool first = true;
    for (app::Language l : app::kAllLanguages) {
        if (!first) ImGui::SameLine();
        first = false;
        const std::string label = std::string(app::language_name(l)) + "##language_" + std::string(app::language_code(l));
        if (ImGui::RadioButton(label.c_str(), app::language() == l)) app.set_language(l);
    }

    if (!app.user_label().empty()) {
        ImGui::Spacing();
        text_muted(app::tr("Account"));
        text(app::tr_format("sync.user", {app.user_label()}));
        if (ImGui::Button(T("Sign out").c_str())) app.request_sign_out();
    }

    ImGui::Spacing();
    if (ImGui::Button(T("Close").c_str())) app.cancel();
}

}  // namespace hotline::ui
