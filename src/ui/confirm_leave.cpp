// The question asked when a pane holding unsaved changes is left (Escape,
// Cancel, Close: App::cancel): Keep editing (the default, also Escape), Discard,
// Save. A modal dialog: nothing else takes the keys or the mouse until it is
// answered. Keeping on editing gives the keyboard back where it was.
#include <optional>

#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {

void draw_confirm_leave(Context& ctx) {
    app::App& app = ctx.app;
    const std::string name = T("Unsaved changes") + "###confirm_leave";
    if (!begin_dialog(name.c_str(), app.leave_asked())) return;
    text(app::tr("What you typed here is not saved yet."));
    ImGui::Spacing();
    std::optional<app::LeaveChoice> choice;
    if (accent_button(T("Keep editing").c_str())) choice = app::LeaveChoice::keep_editing;
    ImGui::SetItemDefaultFocus();
    ImGui::SameLine();
    if (ImGui::Button(T("Discard").c_str())) choice = app::LeaveChoice::discard;
    ImGui::SameLine();
    if (ImGui::Button(T("Save").c_str())) choice = app::LeaveChoice::save;
    if (dialog_escape()) choice = app::LeaveChoice::keep_editing;
    if (choice || !app.leave_asked()) ImGui::CloseCurrentPopup();
    if (choice) {
        const bool on_timeline = app.screen() == app::Screen::detail && app.tab() == app::DetailTab::timeline;
        // Answered: the pane closed, or it stays (kept, or a refused save): then the keyboard goes back.
        if (!app.answer_leave(*choice, ctx.now_ms)) {
            if (on_timeline) ctx.ui.focus_event = true;
            else give_back_keyboard(ctx, app.screen() == app::Screen::create ? app.create_draft() : app.editor().draft());
        }
    }
    ImGui::EndPopup();
}

}  // namespace hotline::ui
