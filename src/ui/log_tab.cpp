// The Transaction log tab (W15): one row per change, oldest first — date,
// field, author, old value, new value. Edits that arrived late and lost to a
// newer one are kept and marked "superseded". Long values show their first
// line; the whole value is in the row's tooltip. Above the table, the incident
// printed or saved for the customer (app/incident_report.hpp).
#include "app/i18n.hpp"
#include "ui/detail_tabs.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

constexpr const char* kHeaders[] = {app::tr_key("Date"), app::tr_key("Field"), app::tr_key("Author"),
                                    app::tr_key("Old value"), app::tr_key("New value")};

// A value on one line: its first line, with an ellipsis when there is more.
void value_cell(const std::string& value) {
    const auto end = value.find('\n');
    if (end == std::string::npos) {
        text(value);
        return;
    }
    text(value.substr(0, end) + "\xe2\x80\xa6");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", value.c_str());
}

// W15: the incident for the customer: printed, or as files to send.
void draw_export_buttons(Context& ctx) {
    if (ImGui::Button(T("Print").c_str())) ctx.app.export_incident(app::ExportKind::print);
    ImGui::SameLine();
    if (ImGui::Button(T("Save as HTML").c_str())) ctx.app.export_incident(app::ExportKind::html);
    ImGui::SameLine();
    if (ImGui::Button(T("Export log as CSV").c_str())) ctx.app.export_incident(app::ExportKind::csv);
}

}  // namespace

void draw_log_tab(Context& ctx) {
    draw_export_buttons(ctx);
    const auto& rows = ctx.app.editor().transaction_log();
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                       ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("log", 5, kFlags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn(T(kHeaders[0]).c_str(), ImGuiTableColumnFlags_WidthFixed, em * 8.5f);
    ImGui::TableSetupColumn(T(kHeaders[1]).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(T(kHeaders[2]).c_str(), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(T(kHeaders[3]).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(T(kHeaders[4]).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const app::LogRow& r = rows[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            if (r.superseded) ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
            ImGui::TableNextColumn();
            text(r.time);
            ImGui::TableNextColumn();
            text(r.superseded ? r.field + " (" + std::string(app::tr("superseded")) + ")" : r.field);
            ImGui::TableNextColumn();
            text(r.author);
            if (!r.author_login.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.author_login.c_str());
            ImGui::TableNextColumn();
            value_cell(r.old_value);
            ImGui::TableNextColumn();
            value_cell(r.new_value);
            if (r.superseded) ImGui::PopStyleColor();
        }
    ImGui::EndTable();
}

}  // namespace hotline::ui
