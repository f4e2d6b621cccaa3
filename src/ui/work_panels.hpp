// The incident's work, drawn at the top of its Summary: the customer's answer to a
// solution and closing (acceptance_panel.cpp, W6: only while the incident is Solved or
// Accepted), who it is assigned to and the hand-over controls
// (assignment_panel.cpp, W2/W3), the work timer with the time spent per person
// (timer_panel.cpp, W4), and its orders and billing (orders_panel.cpp, W8, W9). They
// only draw app state and call App commands.
#pragma once

#include "ui/screens.hpp"

namespace hotline::ui {

void draw_assignment_panel(Context& ctx, bool editable);
void draw_timer_panel(Context& ctx, bool editable);
void draw_orders_panel(Context& ctx, bool editable);
void draw_acceptance_panel(Context& ctx, bool editable);
// W13: linked and suggested articles, and writing one from the solved incident (article_panel.cpp).
void draw_article_panel(Context& ctx, bool editable);
// W12: parent, children, merged incidents; a new child, merging into another (relations_panel.cpp).
void draw_relations_panel(Context& ctx, bool editable);

}  // namespace hotline::ui
