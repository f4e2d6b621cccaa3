// The two themes: ImGui style (spacing, rounding, colours) and the colours the
// screens use beyond ImGui's own (badges, banner, errors). Light by default.
#pragma once

#include <imgui.h>

#include "core/incident_sla.hpp"
#include "core/status.hpp"

namespace hotline::ui {

struct Palette {
    ImVec4 accent;         // buttons that commit, the app name, the selected row
    ImVec4 accent_text;    // text on accent
    ImVec4 muted;          // secondary text: field names, times, authors
    ImVec4 error;          // refusals and invalid fields
    ImVec4 success;        // confirmations
    ImVec4 warning;        // "Saving…"
    ImVec4 banner;         // the demo banner's background
    ImVec4 banner_text;
    ImVec4 panel;          // background of panes and cards
};

void apply_theme(bool dark, float scale);
bool theme_is_dark();
float theme_scale();
// The smallest comfortable touch target, 44 CSS pixels (WCAG 2.5.5), in ImGui's pixels at
// the applied scale: the height of the narrow top bar's buttons and menu entries.
float touch_target();
const Palette& palette();

ImU32 status_colour(IncidentStatus status);
ImU32 priority_colour(int priority);
// The SLA countdown: on track plain, Follow-up amber, Warning orange, Late and Missed red,
// Paused and Met grey (issue 14, S2).
ImVec4 sla_colour(SlaStatus::State state);

}  // namespace hotline::ui
