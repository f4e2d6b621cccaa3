// Related incidents (W12) on the incident's Summary: the one it was merged into, its
// parent, its child incidents and the incidents merged into it, each with Open; then
// "New child incident" (the create form, filled from this one) and "Merge into…" (a
// number, then the incident it names to confirm; Enter in the number asks too). Shown only when there is a relation
// or the incident can take one. Open buttons are named for the browser tests by what
// they open ("Open parent", "Open child: <number>", "Open merged into").
#include <string>
#include <vector>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/relations.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/work_panels.hpp"

namespace hotline::ui {
namespace {

std::string incident_line(const Incident& inc) {
    return inc.number.display() + "  " + std::string(inc.value(IncidentField::title)) + "  \xc2\xb7  " +
           std::string(app::status_text(inc.status));
}

// "<label> <number> <title> · <status>  [Open]".
void related_row(Context& ctx, std::string_view label, const Incident& other, const std::string& name) {
    text_muted(label);
    ImGui::SameLine();
    text(incident_line(other));
    ImGui::SameLine();
    if (ImGui::SmallButton((T("Open") + "##" + name).c_str())) ctx.app.open_incident_id(other.id);
    name_last_item(name.c_str());
}

// The incident's relations, found once per frame: each lookup walks every incident.
struct Relations {
    std::vector<const Incident*> children;
    std::vector<const Incident*> family;  // merged_family(): the incident, then those merged into it
};

void draw_links(Context& ctx, const Incident& inc, const Relations& rel) {
    const Desk& desk = ctx.app.desk();
    if (const std::string_view into = inc.value(IncidentField::merged_into); !into.empty()) {
        if (const Incident* survivor = resolved_incident(desk, into))
            related_row(ctx, app::tr("Merged into"), *survivor, "Open merged into");
        else
            text_muted(app::tr("relations.merged_elsewhere"));
    }
    if (const Incident* parent = parent_of(desk, inc)) related_row(ctx, app::tr("Parent incident"), *parent, "Open parent");
    for (const Incident* child : rel.children)
        related_row(ctx, app::tr("Child incident"), *child, "Open child: " + child->number.display());
    for (std::size_t i = 1; i < rel.family.size(); ++i)
        related_row(ctx, app::tr("Merged here"), *rel.family[i], "Open merged: " + rel.family[i]->number.display());
}

void draw_merge(Context& ctx, const Incident& inc) {
    app::MergeRequest& merge = ctx.app.merge_request();
    if (merge.target.empty()) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        const bool entered = input_text("##merge_number", merge.typed, ImGuiInputTextFlags_EnterReturnsTrue,
                                        T("Incident number").c_str());
        name_last_item("Merge into number");
        ImGui::SameLine();
        if (ImGui::Button(T("Merge into\xe2\x80\xa6").c_str()) || entered) ctx.app.ask_merge();
        return;
    }
    const Incident* into = ctx.app.desk().find(merge.target);
    if (!into) {
        ctx.app.cancel_merge();
        return;
    }
    text_wrapped(app::tr_format("relations.merge_confirm",
                                {inc.number.display(), into->number.display(), into->value(IncidentField::title)}));
    if (accent_button(T("Confirm merge").c_str())) ctx.app.confirm_merge(ctx.now_ms);
    ImGui::SameLine();
    if (ImGui::Button((T("Cancel") + "##merge").c_str())) ctx.app.cancel_merge();
    name_last_item("Cancel merge");
}

}  // namespace

void draw_relations_panel(Context& ctx, bool editable) {
    const Incident* inc = ctx.app.editor().incident();
    if (!inc) return;
    app::MergeRequest& merge = ctx.app.merge_request();
    if (merge.incident != inc->id) merge = {inc->id, {}, {}};  // the request follows the open incident
    const bool merged = !inc->value(IncidentField::merged_into).empty();
    const bool open = inc->status != IncidentStatus::closed && inc->status != IncidentStatus::archived;
    const Relations rel{children_of(ctx.app.desk(), *inc), merged_family(ctx.app.desk(), *inc)};
    const bool related =
        merged || !inc->value(IncidentField::parent).empty() || !rel.children.empty() || rel.family.size() > 1;
    const bool may_relate = editable && !merged;
    if (!related && !may_relate) return;
    // Without relations the actions share one line with the title, so the incident's own
    // fields stay above the fold on a laptop screen.
    if (!related && may_relate) ImGui::AlignTextToFramePadding();
    text_coloured(palette().accent, app::tr("Related incidents"));
    if (related) {
        ImGui::Separator();
        draw_links(ctx, *inc, rel);
    }
    if (!may_relate) return;
    if (!related) ImGui::SameLine(0, ImGui::GetFontSize());
    if (open && ImGui::Button(T("New child incident").c_str())) ctx.app.start_child();
    if (open) ImGui::SameLine();
    draw_merge(ctx, *inc);
}

}  // namespace hotline::ui
