// The shortcut list (? or F1): every keyboard shortcut, by where it works.
// shortcuts.cpp and registration_panel.cpp handle them; README's "Keyboard"
// section lists the same: keep the three together. Key names stay as printed
// on keys; what they do is translated.
#include <span>

#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

struct Shortcut {
    const char* keys;
    const char* action;  // tr() key
};
struct Section {
    const char* title;  // tr() key
    std::span<const Shortcut> shortcuts;
};

constexpr Shortcut kAnywhere[] = {
    {"? / F1", app::tr_key("Show this list")},
    {"N / Ctrl+N", app::tr_key("New incident (a draft left earlier comes back)")},
    {"/ / Ctrl+F", app::tr_key("Go to the search box")},
    {"G / Ctrl+G", app::tr_key("Go to an incident by its number")},
    {"Ctrl+S / Ctrl+Enter", app::tr_key("Save; on the Timeline, add the event")},
    {"Esc", app::tr_key("Close the innermost dropdown, dialog or pane; a pane with unsaved changes asks first")},
};
constexpr Shortcut kList[] = {
    {"Up / Down", app::tr_key("The incident above, below")},
    {"PageUp / PageDown, Home / End", app::tr_key("A page up, down; the first, the last")},
    {"Enter", app::tr_key("Open the selected incident")},
};
constexpr Shortcut kIncident[] = {
    {"Alt+S", app::tr_key("Move to the next status")},
    {"Alt+E", app::tr_key("Add an event: the Timeline, typing in the event box")},
    {"Alt+M", app::tr_key("Assign to me")},
    {"1 / 2 / 3", app::tr_key("Summary, Timeline, Transaction log")},
    {"Alt+Left / Alt+Right", app::tr_key("The tab before, after")},
};
constexpr Shortcut kNewIncident[] = {
    {"Ctrl+K / Ctrl+U", app::tr_key("Caller lookup, serial number lookup")},
    {"Up / Down, Enter", app::tr_key("Choose in a lookup's list")},
    {"Ctrl+E", app::tr_key("Add the call to the highlighted related incident")},
    {"Alt+F", app::tr_key("Full form or quick form")},
};
constexpr Shortcut kForms[] = {
    {"Tab / Shift+Tab", app::tr_key("The next, previous field or button")},
    {"Space / Enter", app::tr_key("Press the highlighted button, open a dropdown")},
    {"Up / Down, Enter", app::tr_key("Choose in an open dropdown (it opens on the current value)")},
};
constexpr Section kSections[] = {
    {app::tr_key("Anywhere"), kAnywhere},
    {app::tr_key("Incident list"), kList},
    {app::tr_key("An open incident"), kIncident},
    {app::tr_key("New incident"), kNewIncident},
    {app::tr_key("Forms and dialogs"), kForms},
};

void section(const Section& s) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Spacing();
    text_coloured(palette().accent, app::tr(s.title));
    for (const Shortcut& shortcut : s.shortcuts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text(shortcut.keys);
        ImGui::TableNextColumn();
        text(app::tr(shortcut.action));
    }
}

}  // namespace

void draw_shortcut_help(Context& ctx) {
    const std::string name = T("Keyboard shortcuts") + "###shortcut_help";
    const bool opening = ctx.ui.show_help;
    ctx.ui.show_help = false;
    if (!begin_dialog(name.c_str(), opening)) return;
    text_muted(app::tr("While typing in a field, only the shortcuts with Ctrl or Alt (and F1, Esc) work."));
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (const Section& s : kSections) section(s);
        ImGui::EndTable();
    }
    ImGui::Spacing();
    const bool closed = ImGui::Button(T("Close").c_str());
    ImGui::SetItemDefaultFocus();
    if (closed || dialog_escape() || (!ImGui::IsWindowAppearing() && ImGui::IsKeyPressed(ImGuiKey_F1, false)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace hotline::ui
