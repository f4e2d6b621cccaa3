// The bar across the top: the app's name, the search box (filters as one
// types, Ctrl+F or /), "New incident", "Knowledge base" (W13), "Administration" (for
// the roles that get it, app/admin_access.hpp) and "Settings".
#include <algorithm>

#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

constexpr float kSearchMaxEm = 34.0f;

}  // namespace

void draw_top_bar(Context& ctx) {
    app::App& app = ctx.app;
    UiState& ui = ctx.ui;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();

    ImGui::AlignTextToFramePadding();
    text_coloured(palette().accent, "Hotline");  // the product's name, in every language
    ImGui::SameLine(0.0f, em * 1.5f);

    const std::string new_label = T("New incident");
    const std::string settings_label = T("Settings");
    const std::string knowledge_label = T("Knowledge base");
    const std::string admin_label = app.sees_admin() ? T("Administration") : std::string();
    float buttons = ImGui::CalcTextSize(new_label.c_str()).x + ImGui::CalcTextSize(settings_label.c_str()).x +
                    ImGui::CalcTextSize(knowledge_label.c_str()).x + style.FramePadding.x * 6 +
                    style.ItemSpacing.x * 2;
    if (!admin_label.empty())
        buttons += ImGui::CalcTextSize(admin_label.c_str()).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    const float room = ImGui::GetContentRegionAvail().x - buttons - style.ItemSpacing.x * 4;
    ImGui::SetNextItemWidth(std::min(room, em * kSearchMaxEm));
    if (ui.focus_search) {
        focus_next_item(Caret::select_all);
        ui.focus_search = false;
    }
    const std::string hint = T("Search number, title, customer, phone, serial\xe2\x80\xa6");
    bool changed = input_text("##search", ui.search_text, 0, hint.c_str());
    name_last_item(T("Search").c_str());
    ui.search_active = ImGui::IsItemActive();
    if (ui.clear_search) {
        // After the widget: on Escape it restores the text it had when activated.
        ui.search_text.clear();
        ui.clear_search = false;
        changed = true;
    }
    if (changed) {
        app.list().set_query(ui.search_text);
        ui.scroll_to_selection = true;
    }

    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttons);
    if (accent_button(new_label.c_str())) app.start_create();
    ImGui::SameLine();
    if (ImGui::Button(knowledge_label.c_str())) app.show_knowledge();
    ImGui::SameLine();
    if (!admin_label.empty()) {
        if (ImGui::Button(admin_label.c_str())) app.show_admin();
        ImGui::SameLine();
    }
    if (ImGui::Button(settings_label.c_str())) app.show_settings();
}

}  // namespace hotline::ui
