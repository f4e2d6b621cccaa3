// The tabs of the incident pane (detail_screen.cpp), one file each.
#pragma once

#include "ui/screens.hpp"

namespace hotline::ui {

void draw_summary_tab(Context& ctx);   // the fields, editable; Save and Discard
void draw_timeline_tab(Context& ctx);  // W11: events in order; add one of a chosen type
void draw_log_tab(Context& ctx);       // W15: date, field, author, old and new value

}  // namespace hotline::ui
