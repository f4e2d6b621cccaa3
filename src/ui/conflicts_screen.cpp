// The conflicts pane: changes the server refused (a status change the incident
// no longer allows, an edit of an incident taken away...), each with the
// server's reason, and what the user can do: re-apply it as a new change, or
// discard it. Nothing a user typed disappears without them choosing so.
#include <string>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/schema.hpp"
#include "core/status.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

// "Status → Solved", "Priority = 1", "Event: call back tomorrow"...
std::string describe(const Operation& op) {
    switch (op.type) {
        case OpType::create: return std::string(app::tr("New")) + " " + std::string(app::tr(kind_spec(op.entity).label));
        case OpType::set:
            return std::string(app::field_text(op.field, op.entity)) + " = " + op.text.substr(0, 80);
        case OpType::add_event: return app::tr_format("log.event", {op.text.substr(0, 80)});
        case OpType::transition:
            return std::string(app::tr("Status")) + " \xe2\x86\x92 " + std::string(app::tr(status_label(op.to)));
        case OpType::renumber: return std::string(app::tr("Number"));
        case OpType::merge: return std::string(app::tr("Merged into")) + " " + op.text;
    }
    return {};
}

}  // namespace

void draw_conflicts(Context& ctx) {
    app::App& app = ctx.app;
    text_coloured(palette().accent, app::tr("Conflicts"));
    ImGui::Separator();
    const sync::SyncEngine* engine = app.sync();
    if (!engine || engine->conflicts().empty()) {
        text_muted(app::tr("conflicts.empty"));
    } else {
        text_wrapped(app::tr("conflicts.intro"));
        ImGui::Spacing();
        // Copied: a button below changes the list while we walk it.
        const auto items = engine->conflicts().items();
        for (const auto& c : items) {
            ImGui::PushID(c.op.id.to_string().c_str());
            const Incident* inc = app.desk().find(c.op.entity_id);
            const std::string number = inc ? inc->number.display() : c.op.entity_id;
            text(app::tr_format("detail.number", {number}) + " \xc2\xb7 " + describe(c.op));
            text_coloured(palette().error, c.reason.message);
            if (accent_button(T("Re-apply").c_str())) app.reapply_conflict(c.op.id, ctx.now_ms);
            ImGui::SameLine();
            if (ImGui::Button(T("Discard").c_str())) app.discard_conflict(c.op.id);
            ImGui::Separator();
            ImGui::PopID();
        }
    }
    ImGui::Spacing();
    if (ImGui::Button(T("Close").c_str())) app.cancel();
}

}  // namespace hotline::ui
