// Work time (W4): the signed-in person's timer on this incident (Start / Stop, with
// the time it has run), a manual entry of minutes with a note, and the time spent
// per person on the incident.
#include <cstdio>

#include "app/i18n.hpp"
#include "core/time_entries.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/work_panels.hpp"

namespace hotline::ui {
namespace {

// "1:05": hours and minutes, the same in every language.
std::string hours_minutes(std::int64_t minutes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(minutes / 60),
                  static_cast<long long>(minutes % 60));
    return buf;
}

std::string person_label(const Desk& desk, const std::string& login) {
    const Entity* profile = desk.find(EntityKind::staff_profile, login);
    return profile ? std::string(record_title(*profile)) : login;
}

void draw_totals(const Desk& desk, const app::TimeTracker::View& view) {
    if (view.totals.empty()) {
        text_muted(app::tr("No time logged yet"));
        return;
    }
    if (!ImGui::BeginTable("time_spent", 2, ImGuiTableFlags_SizingFixedFit)) return;
    for (const TimeSpent& t : view.totals) {
        ImGui::TableNextColumn();
        text(person_label(desk, t.person));
        ImGui::TableNextColumn();
        text(hours_minutes(t.minutes));
        if (t.running) {
            ImGui::SameLine();
            text_coloured(palette().warning, app::tr("running"));
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_timer_panel(Context& ctx, bool editable) {
    app::TimeTracker& timer = ctx.app.timer();
    timer.refresh(ctx.app.editor().incident(), ctx.now_ms);
    const app::TimeTracker::View& view = timer.view();

    text_coloured(palette().accent, app::tr("Time spent"));
    ImGui::Separator();
    if (editable) {
        if (view.running) {
            if (ImGui::Button(T("Stop timer").c_str())) ctx.app.stop_timer(ctx.now_ms);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            text_coloured(palette().warning, app::tr_format("Timer running: {}", {hours_minutes(view.running_ms / 60'000)}));
        } else if (accent_button(T("Start timer").c_str())) {
            ctx.app.start_timer(ctx.now_ms);
        }
        ImGui::SameLine(0, ImGui::GetFontSize());  // one line for the timer and the manual entry
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        input_text("##minutes", timer.minutes(), ImGuiInputTextFlags_CharsDecimal, T("min").c_str());
        name_last_item(T("Minutes").c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
        input_text("##time_note", timer.note(), 0, T("Note").c_str());
        name_last_item(T("Time note").c_str());
        ImGui::SameLine();
        if (ImGui::Button(T("Log time").c_str())) ctx.app.add_time_entry(ctx.now_ms);
    }
    draw_totals(ctx.app.desk(), view);
}

}  // namespace hotline::ui
