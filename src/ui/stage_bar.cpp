// W14: the stage bar at the top of the incident pane (seed 004: Dynamics 365's
// business process flow). Six stages, those behind in the success colour, the
// current one in the accent colour, Transferred as a branch under Work; below it
// what the next stage still needs and the one button that takes the incident there
// (a status change as the status buttons make it: a refusal takes the user to the
// field to fill in). The rules are core/stages.hpp's. A closed incident offers its
// archiving (W10) there, in one click.
#include <imgui_internal.h>  // PushItemFlag: the segments are no keyboard stops

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/stages.hpp"
#include "core/workflow.hpp"
#include "ui/detail_tabs.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

const char* stage_key(ProcessStage stage) {
    switch (stage) {
        case ProcessStage::register_call: return app::tr_key("stage.register");
        case ProcessStage::assign: return app::tr_key("stage.assign");
        case ProcessStage::work: return app::tr_key("stage.work");
        case ProcessStage::solve: return app::tr_key("stage.solve");
        case ProcessStage::accept: return app::tr_key("stage.accept");
        case ProcessStage::close: return app::tr_key("stage.close");
    }
    return "";
}

ImU32 with_alpha(const ImVec4& colour, float alpha) {
    return ImGui::GetColorU32(ImVec4(colour.x, colour.y, colour.z, alpha));
}

// One stage's segment: filled when behind or current, outlined when ahead. Named
// "Stage: <label>" for the browser tests (the bare label is also a button's: Assign).
void draw_segment(ProcessStage stage, int state, ImVec2 at, ImVec2 size) {
    const Palette& p = palette();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 end(at.x + size.x, at.y + size.y);
    const float rounding = size.y * 0.5f;
    const ImVec4 fill = state < 0 ? p.success : p.accent;
    if (state <= 0)
        draw->AddRectFilled(at, end, with_alpha(fill, state < 0 ? 0.8f : 1.0f), rounding);
    else
        draw->AddRect(at, end, with_alpha(p.muted, 0.6f), rounding);
    const std::string label = T(stage_key(stage));
    const ImVec2 text = ImGui::CalcTextSize(label.c_str());
    const ImU32 ink = state <= 0 ? ImGui::GetColorU32(p.accent_text) : ImGui::GetColorU32(p.muted);
    draw->AddText(ImVec2(at.x + (size.x - text.x) * 0.5f, at.y + (size.y - text.y) * 0.5f), ink, label.c_str());
    ImGui::SetCursorScreenPos(at);
    // An item only to be found by tools; Tab and the arrow keys pass it by.
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop, true);
    ImGui::InvisibleButton(stage_key(stage), size);
    ImGui::PopItemFlag();
    name_last_item(("Stage: " + label).c_str());
}

// True when every label fits in its segment.
bool labels_fit(float segment) {
    for (ProcessStage s : kProcessStages)
        if (ImGui::CalcTextSize(T(stage_key(s)).c_str()).x + ImGui::GetFontSize() > segment) return false;
    return true;
}

void draw_segments(const StageGuide& guide, const Incident& inc) {
    constexpr int kCount = static_cast<int>(std::size(kProcessStages));
    const float gap = ImGui::GetFontSize() * 0.25f;
    const float width = ImGui::GetContentRegionAvail().x;
    const float segment = (width - gap * (kCount - 1)) / kCount;
    if (!labels_fit(segment)) {  // a phone: the current stage only
        text(app::tr_format("stage.compact", {std::to_string(static_cast<int>(guide.current) + 1),
                                             std::to_string(kCount), T(stage_key(guide.current))}));
    } else {
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float height = ImGui::GetFrameHeight();
        for (int i = 0; i < kCount; ++i) {
            const auto stage = kProcessStages[i];
            const int state = guide.finished || stage < guide.current ? -1 : stage == guide.current ? 0 : 1;
            draw_segment(stage, state, ImVec2(origin.x + static_cast<float>(i) * (segment + gap), origin.y),
                         ImVec2(segment, height));
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + ImGui::GetStyle().ItemSpacing.y));
        if (guide.transferred) {
            // The branch, under Work.
            const int work = static_cast<int>(ProcessStage::work);
            ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(work) * (segment + gap), ImGui::GetCursorScreenPos().y));
        }
    }
    if (guide.transferred) badge(app::status_text(inc.status), status_colour(inc.status));
}

// What the next stage needs, and the button that moves the incident on.
void draw_next_step(Context& ctx, const StageGuide& guide) {
    if (guide.finished) {
        const Incident* inc = ctx.app.editor().incident();
        if (inc && ctx.app.editor().editable() && is_allowed_transition(inc->status, IncidentStatus::archived)) {
            if (ImGui::Button(T("stage.archive").c_str())) change_status(ctx, IncidentStatus::archived);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
        }
        text_muted(app::tr("stage.finished"));
        return;
    }
    if (!guide.next) return;
    for (const Error& need : guide.missing) text_coloured(palette().warning, app::tr_error(need));
    if (!ctx.app.editor().editable()) return;
    const bool needs_assignment = ctx.app.editor().incident()->status == IncidentStatus::registered && !guide.missing.empty();
    if (needs_assignment) {
        text_muted(app::tr("stage.assign_below"));
        return;
    }
    const std::string label = app::tr_format("stage.next", {app::status_text(*guide.next)});
    if (guide.missing.empty() ? accent_button(label.c_str()) : ImGui::Button(label.c_str())) change_status(ctx, *guide.next);
}

}  // namespace

void draw_stage_bar(Context& ctx, const Incident& inc) {
    const StageGuide guide = stage_guide(inc);
    draw_segments(guide, inc);
    draw_next_step(ctx, guide);
}

}  // namespace hotline::ui
