// The incident pane: number, title, status and priority, the status actions
// W1 allows from here (a refused one, such as Solved without a solution (W5),
// shows the reason in the status bar and changes nothing), and the tabs.
#include <optional>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "app/sla_display.hpp"
#include "core/workflow.hpp"
#include "ui/detail_tabs.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

struct Tab {
    const char* label;
    app::DetailTab tab;
    void (*draw)(Context&);
};
constexpr Tab kTabs[] = {
    {app::tr_key("Summary"), app::DetailTab::summary, draw_summary_tab},
    {app::tr_key("Timeline"), app::DetailTab::timeline, draw_timeline_tab},
    {app::tr_key("Transaction log"), app::DetailTab::log, draw_log_tab},
};

// S2: beside the badges, the SLA target that runs (or, when none does, how the last one
// ended), coloured by its state; hovering shows the policy, its calendar and every target.
// On the badges' line: the pane's fields keep their place.
void draw_sla(Context& ctx, const Incident& inc) {
    const SlaPolicies& policies = ctx.app.list().sla_policies();
    const IncidentSla sla = incident_sla(policies, inc);
    if (!sla.policy) return;
    const SlaStatus status = sla_status(policies, sla, ctx.now_ms / 1000);
    const auto lines = app::sla_lines(policies, sla, status, inc.status, ctx.app.zone());
    if (lines.size() < 2) return;
    // lines: the policy, [a note], first response, resolution (those with a target).
    std::size_t headline = lines.size() - 1;
    if (status.metric == SlaMetric::response && sla.response.applies && sla.resolution.applies) headline = lines.size() - 2;
    ImGui::SameLine(0.0f, ImGui::GetFontSize());
    text_fitted(sla_colour(status.state), lines[headline]);  // the whole of it on hover
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        for (const std::string& line : lines) text(line);
        ImGui::EndTooltip();
    }
}

void draw_header(Context& ctx, const Incident& inc) {
    text_coloured(palette().accent, app::tr_format("detail.number", {inc.number.display()}));
    ImGui::SameLine();
    badge(app::status_text(inc.status), status_colour(inc.status));
    ImGui::SameLine();
    badge(app::priority_text(inc.priority()), priority_colour(inc.priority()));
    draw_sla(ctx, inc);
    text_wrapped(inc.value(IncidentField::title));
}

// The field a refused status change needs (W5), to take the user to it. An incident
// without department or person (guard_assignee) is assigned on the Assignment panel at the
// top of the Summary, not in a field.
std::optional<FieldId> field_to_fill(std::string_view refusal) {
    if (refusal == "guard_actual_problem" || refusal == "guard_actual_problem_solution") return IncidentField::actual_problem;
    if (refusal == "guard_actual_solution") return IncidentField::actual_solution;
    return std::nullopt;
}

void draw_status_actions(Context& ctx, const Incident& inc) {
    const auto targets = allowed_targets(inc.status);
    if (!ctx.app.editor().editable() || targets.empty()) return;
    ImGui::AlignTextToFramePadding();
    text_muted(app::tr("Move to"));
    for (IncidentStatus to : targets) {
        ImGui::SameLine();
        if (ImGui::Button(std::string(app::status_text(to)).c_str())) change_status(ctx, to);
    }
}

}  // namespace

void change_status(Context& ctx, IncidentStatus to) {
    if (ctx.app.change_status(to, ctx.now_ms)) return;
    ctx.ui.focus_field = field_to_fill(ctx.app.message().code);
    if (ctx.ui.focus_field) ctx.app.set_tab(app::DetailTab::summary);
}

void draw_detail(Context& ctx) {
    const Incident* inc = ctx.app.editor().incident();
    if (!inc) return;
    draw_header(ctx, *inc);
    draw_stage_bar(ctx, *inc);
    draw_status_actions(ctx, *inc);
    ImGui::Spacing();

    // The app decides which tab is open (a command may switch it). ImGui is
    // asked to select it while it shows another; a tab ImGui newly shows that
    // the app did not ask for is one the user clicked.
    UiState& ui = ctx.ui;
    if (!ImGui::BeginTabBar("tabs")) return;
    std::optional<app::DetailTab> displayed;
    for (const Tab& t : kTabs) {
        const ImGuiTabItemFlags flags =
            ctx.app.tab() == t.tab && ui.shown_tab != t.tab ? ImGuiTabItemFlags_SetSelected : 0;
        const std::string label = T(t.label);
        const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
        // ImGui names a tab before adding it; name it again for tools that expect the other order.
        name_last_item(label.c_str());
        if (open) {
            displayed = t.tab;
            t.draw(ctx);
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
    if (displayed && *displayed != ui.shown_tab) {
        ui.shown_tab = *displayed;
        ctx.app.set_tab(*displayed);
    }
}

}  // namespace hotline::ui
