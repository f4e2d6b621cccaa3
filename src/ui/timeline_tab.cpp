// The Timeline tab (W11): the incident's events in order, each with its time,
// type and author, and below them a box to add an event of a chosen type.
#include "app/display.hpp"
#include "app/i18n.hpp"
#include "ui/detail_tabs.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

constexpr float kComposerLines = 3.0f;

void draw_composer(Context& ctx) {
    app::IncidentEditor& editor = ctx.app.editor();
    const Desk& desk = ctx.app.desk();
    ImGui::AlignTextToFramePadding();
    text_muted(app::tr("Event type"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    const std::string preview(app::event_type_text(desk, editor.event_type()));
    const bool open = ImGui::BeginCombo("##event_type", preview.c_str());
    name_last_item(T("Event type").c_str());
    if (open) {
        for (const Entity& type : desk.event_types()) {
            if (!type.flag(EventTypeField::active)) continue;
            const std::string label(app::event_type_text(desk, type.id));
            if (combo_item(label.c_str(), type.id == editor.event_type())) editor.event_type() = type.id;
        }
        ImGui::EndCombo();
    }
    // An added event empties the box; the box keeps the keyboard for the next one.
    if (ctx.ui.event_sent) release_field("##event_text");
    if (ctx.ui.focus_event) focus_next_item();
    ctx.ui.event_sent = ctx.ui.focus_event = false;
    input_multiline("##event_text", editor.event_text(), ImGui::GetTextLineHeight() * kComposerLines);
    name_last_item(T("Event text").c_str());
    if (accent_button(T("Add event").c_str())) ctx.app.add_event(ctx.now_ms);
}

}  // namespace

void draw_timeline_tab(Context& ctx) {
    app::IncidentEditor& editor = ctx.app.editor();
    const bool editable = editor.editable();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float composer = editable ? ImGui::GetTextLineHeight() * kComposerLines + ImGui::GetFrameHeight() * 2 +
                                          style.FramePadding.y * 2 + style.ItemSpacing.y * 4
                                    : 0.0f;
    if (ImGui::BeginChild("events", ImVec2(0, -composer), ImGuiChildFlags_Border)) {
        const auto& rows = editor.timeline();
        if (rows.empty()) text_muted(app::tr("No events yet"));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const app::TimelineRow& r = rows[i];
            if (i > 0) ImGui::Separator();
            text_coloured(palette().accent, r.type);
            ImGui::SameLine();
            text_muted(r.time + "  \xc2\xb7  " + r.author);
            if (!r.author_login.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.author_login.c_str());
            text_wrapped(r.text);
        }
    }
    ImGui::EndChild();
    if (editable) draw_composer(ctx);
}

}  // namespace hotline::ui
