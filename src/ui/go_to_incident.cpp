// "Go to incident" (G or Ctrl+G): a small dialog with a number field; Enter
// opens the incident with that number (App::open_number), Escape closes it. An
// unknown number is said in the dialog, which stays open to correct it.
#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {

void draw_go_to(Context& ctx) {
    UiState& ui = ctx.ui;
    const std::string name = T("Go to incident") + "###go_to";
    const bool opening = ui.show_go_to;
    ui.show_go_to = false;
    if (opening) {
        ui.go_to_number.clear();
        ui.go_to_said = ctx.app.message().serial;  // older messages are not this dialog's
    }
    if (!begin_dialog(name.c_str(), opening)) return;
    text_muted(app::tr("Incident number"));
    if (ImGui::IsWindowAppearing()) focus_next_item();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    input_text("##number", ui.go_to_number);
    name_last_item(T("Incident number").c_str());
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
    const app::Message& said = ctx.app.message();
    if (said.serial > ui.go_to_said && said.error && said.code == "unknown_number") text_coloured(palette().error, said.text);
    bool close = dialog_escape();
    if (accent_button(T("Open").c_str()) || enter) close = ctx.app.open_number(ui.go_to_number) || close;
    ImGui::SameLine();
    if (ImGui::Button(T("Cancel").c_str())) close = true;
    if (close) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace hotline::ui
