// The Queues screen (issue 14, S5; core/queues.hpp): each active queue with its
// department, the skills it needs and how many incidents wait in it; "Pick next" gives
// the one due first to the user and opens it.
#include <string>

#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {

void draw_queues(Context& ctx) {
    app::App& app = ctx.app;
    const Desk& desk = app.desk();
    text_coloured(palette().accent, app::tr("Queues"));
    ImGui::Separator();
    const std::vector<app::QueueLine> lines = app.queue_lines();
    if (lines.empty()) text_muted(app::tr("queue.none"));
    for (const app::QueueLine& line : lines) {
        const Entity& queue = *line.queue;
        ImGui::PushID(queue.id.c_str());
        text(std::string(record_title(queue)));
        ImGui::SameLine();
        const std::string_view dept = queue.value(QueueField::department);
        if (const Entity* d = desk.find(EntityKind::department, dept)) text_muted(std::string(record_title(*d)));
        if (const std::string_view skills = queue.value(QueueField::skills); !skills.empty())
            text_muted(app::tr_format("queue.skills", {std::string(skills)}));
        text(app::tr_plural("queue.depth", static_cast<std::int64_t>(line.waiting),
                            {app::format_count(static_cast<std::int64_t>(line.waiting))}));
        ImGui::SameLine();
        ImGui::BeginDisabled(line.waiting == 0);
        if (accent_button(T("Pick next").c_str())) app.pick_next(queue.id, ctx.now_ms);
        name_last_item((T("Pick next") + " " + std::string(record_title(queue))).c_str());
        ImGui::EndDisabled();
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button(T("Close").c_str())) app.cancel();
}

}  // namespace hotline::ui
