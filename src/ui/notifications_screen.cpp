// The notification centre (issue 14, S2, S6; app/notifications.hpp): newest first, each
// with its time, the incident's number and title, and what happened (assigned to you by
// someone, an SLA target at Warning or Late); Open takes the user to the incident.
#include <string>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "app/sla_display.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

constexpr std::size_t kShown = 200;

ImVec4 colour_of(app::Notification::Kind kind) {
    switch (kind) {
        case app::Notification::Kind::assigned: return palette().accent;
        case app::Notification::Kind::sla_warning: return sla_colour(SlaStatus::State::warning);
        case app::Notification::Kind::sla_late: return sla_colour(SlaStatus::State::late);
    }
    return palette().muted;
}

}  // namespace

void draw_notifications(Context& ctx) {
    app::App& app = ctx.app;
    text_coloured(palette().accent, app::tr("Notifications"));
    ImGui::Separator();
    const auto items = app.notifications().newest(kShown);
    if (items.empty()) text_muted(app::tr("notify.empty"));
    for (const app::Notification& n : items) {
        const Incident& inc = app.desk().incidents()[n.row];
        ImGui::PushID(static_cast<int>(n.row));
        ImGui::PushID(static_cast<int>(n.kind));
        ImGui::PushID(static_cast<int>(n.wall_ms % 1000003));
        text_muted(app::format_date_time(n.wall_ms, app.zone()));
        ImGui::SameLine();
        text(app::tr_format("detail.number", {inc.number.display()}) + " \xc2\xb7 " +
             std::string(inc.value(IncidentField::title)));
        text_coloured(colour_of(n.kind), app::notification_text(app.desk(), n, app.zone()));
        ImGui::SameLine();
        if (ImGui::SmallButton(T("Open").c_str())) app.open_incident(n.row);
        ImGui::Separator();
        ImGui::PopID();
        ImGui::PopID();
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button(T("Close").c_str())) app.cancel();
}

}  // namespace hotline::ui
