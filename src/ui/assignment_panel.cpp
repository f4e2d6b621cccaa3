// Assignment (W2, W3): the service department and the person, chosen from the
// desk's departments and staff (never typed), a reason when the incident changes
// hands, Assign and "Assign to me". Urgent incidents list field technicians first.
// Route (S4), "By workload" and a queue to add it to (S5); the resolution deadline set by
// hand (S2), typed as a date and time (Enter sets it).
#include "app/i18n.hpp"
#include "core/assignment.hpp"
#include "core/queues.hpp"
#include "ui/field_form.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/work_panels.hpp"

namespace hotline::ui {
namespace {

constexpr float kPickerEm = 16.0f;
constexpr float kQueuePickerEm = 10.0f;
constexpr float kDeadlineEm = 9.0f;

void deadline_row(Context& ctx, const Incident& inc) {
    const std::string label = T("Resolve by");
    ImGui::AlignTextToFramePadding();
    text_muted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kDeadlineEm);
    const bool entered = input_text("##deadline", ctx.app.assignment().deadline(), ImGuiInputTextFlags_EnterReturnsTrue,
                                    T("YYYY-MM-DD HH:MM").c_str());
    name_last_item(label.c_str());
    ImGui::SameLine();
    if (ImGui::Button(T("Set deadline").c_str()) || entered) ctx.app.set_deadline(ctx.now_ms);
    if (inc.value(IncidentField::resolution_deadline).empty()) return;
    ImGui::SameLine();
    if (ImGui::Button(T("Clear deadline").c_str())) ctx.app.clear_deadline(ctx.now_ms);
}

std::string staff_label(const Desk& desk, const Entity& profile) {
    std::string label(record_title(profile));
    const std::string_view department = profile.value(StaffProfileField::department);
    if (const Entity* d = department.empty() ? nullptr : desk.find(EntityKind::department, department))
        label += " \xc2\xb7 " + std::string(record_title(*d));
    return label;
}

void assignee_picker(Context& ctx, const Incident& inc, bool read_only) {
    const Desk& desk = ctx.app.desk();
    app::AssignmentForm& form = ctx.app.assignment();
    const Entity* chosen = form.choice().assignee.empty() ? nullptr
                                                          : desk.find(EntityKind::staff_profile, form.choice().assignee);
    const std::string preview = chosen ? staff_label(desk, *chosen) : T("(none)");
    const std::string name = T("Assignee");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kPickerEm);
    ImGui::BeginDisabled(read_only);
    const bool open = ImGui::BeginCombo("##assignee", preview.c_str());
    name_last_item(name.c_str());
    if (open) {
        for (const AssignmentCandidate& c : assignment_candidates(desk, inc)) {
            std::string label = staff_label(desk, *c.profile);
            if (c.suggested) label += "  (" + T("field technician") + ")";
            label += "##" + c.profile->id;
            if (ImGui::Selectable(label.c_str(), c.profile == chosen)) form.choose_assignee(c.profile->id);
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
}

}  // namespace

void draw_assignment_panel(Context& ctx, bool editable) {
    const Incident* inc = ctx.app.editor().incident();
    if (!inc) return;
    const Desk& desk = ctx.app.desk();
    app::AssignmentForm& form = ctx.app.assignment();
    form.follow(ctx.app.editor().row());
    const bool read_only = !editable || !may_assign(ctx.app.principal());

    text_coloured(palette().accent, app::tr("Assignment"));
    ImGui::Separator();
    const std::string holder = assignee_name(desk, *inc), department = department_name(desk, *inc);
    text_muted(holder.empty() && department.empty()
                   ? std::string(app::tr("Not assigned"))
                   : app::tr_format("Assigned to {} ({})", {holder.empty() ? "—" : holder, department.empty() ? "—" : department}));
    if (waits_in_queue(*inc))
        if (const Entity* queue = desk.find(EntityKind::queue, inc->value(IncidentField::queue)))
            text_coloured(palette().accent, app::tr_format("queue.waiting", {std::string(record_title(*queue))}));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * kPickerEm);
    ref_input("##service_department", T("Service department").c_str(), desk, EntityKind::department, false,
              form.choice().department, read_only);
    ImGui::SameLine();
    assignee_picker(ctx, *inc, read_only);
    if (inc->priority() == kPriorityCritical) text_coloured(palette().warning, app::tr("Urgent: a field technician is suggested"));
    if (read_only) return;
    if (form.is_hand_over()) {
        ImGui::SetNextItemWidth(-1);
        input_text("##reason", form.reason(), 0, T("Reason for the hand-over").c_str());
        name_last_item(T("Reason").c_str());
    }
    if (accent_button(T("Assign").c_str())) ctx.app.assign(ctx.now_ms);
    ImGui::SameLine();
    if (ImGui::Button(T("Assign to me").c_str())) ctx.app.assign_to_me(ctx.now_ms);
    ImGui::SameLine();
    if (ImGui::Button(T("Route").c_str())) ctx.app.route(ctx.now_ms);
    ImGui::SameLine();
    if (ImGui::Button(T("By workload").c_str())) ctx.app.assign_by_workload(ctx.now_ms);
    // The queue and its button stay together, on this row while it has room.
    const std::string add = T("Add to queue");
    const ImGuiStyle& style = ImGui::GetStyle();
    const float queue_width = ImGui::GetFontSize() * kQueuePickerEm;
    same_line_if_room(queue_width + style.ItemSpacing.x + ImGui::CalcTextSize(add.c_str()).x +
                      2 * style.FramePadding.x);
    ImGui::SetNextItemWidth(queue_width);
    ref_input("##queue", T("Queue").c_str(), desk, EntityKind::queue, false, form.queue(), false);
    ImGui::SameLine();
    if (ImGui::Button(add.c_str())) ctx.app.add_to_queue(ctx.now_ms);
    deadline_row(ctx, *inc);
}

}  // namespace hotline::ui
