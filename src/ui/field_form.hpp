// The fields of a draft (app/draft.hpp) as a form: each field's name above its
// input, its error below in red, two short fields per row when there is room.
// Shared by the create form and the Summary tab, with the field groups both use.
#pragma once

#include <optional>
#include <span>

#include "app/draft.hpp"

namespace hotline::ui {

struct FieldGroup {
    const char* title;  // translated when drawn
    std::span<const FieldId> fields;
};

// R7 quick create: the few fields a call taker fills in during a call.
std::span<const FieldId> quick_fields();
// The full registration form (R1, R3, R4, W2).
std::span<const FieldGroup> registration_groups();
// What engineers add later (R9, W5).
const FieldGroup& resolution_group();

// Draws the fields; `focus` (when one of them) takes the keyboard and scrolls into view.
void draw_fields(app::Draft& draft, std::span<const FieldId> fields, bool read_only,
                 std::optional<FieldId> focus = std::nullopt);
void draw_groups(app::Draft& draft, std::span<const FieldGroup> groups, bool read_only,
                 std::optional<FieldId> focus = std::nullopt);

}  // namespace hotline::ui
