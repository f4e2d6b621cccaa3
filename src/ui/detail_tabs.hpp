// The tabs of the incident pane (detail_screen.cpp), one file each, and its stage bar.
#pragma once

#include "ui/screens.hpp"

namespace hotline::ui {

void draw_summary_tab(Context& ctx);   // the fields, editable; Save and Discard
void draw_timeline_tab(Context& ctx);  // W11: events in order; add one of a chosen type
void draw_log_tab(Context& ctx);       // W15: date, field, author, old and new value

// W14: the stages above the tabs (stage_bar.cpp).
void draw_stage_bar(Context& ctx, const Incident& inc);

}  // namespace hotline::ui
