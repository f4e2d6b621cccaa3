// The fields of a draft (app/draft.hpp) as a form: each field's name above its
// input, its error below in red, two short fields per row when there is room.
// Shared by the create form and the Summary tab, with the field groups both use.
#pragma once

#include <optional>
#include <span>

#include "app/draft.hpp"
#include "core/desk.hpp"

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
// With `refs`, ref fields are pickers over that desk's records of the kind they
// point to; without, they show the id held (the registration chooses by lookups).
// Returns the field that has the keyboard, if one of them has it.
std::optional<FieldId> draw_fields(app::Draft& draft, std::span<const FieldId> fields, bool read_only,
                                   std::optional<FieldId> focus = std::nullopt, const Desk* refs = nullptr);
// A combo over the records of `kind` by title (reference_editor.hpp), "(none)"
// first unless `required`; `value` holds the chosen record's id. `name` names it
// for the browser tests.
void ref_input(const char* id, const char* name, const Desk& desk, EntityKind kind, bool required,
               std::string& value, bool read_only);

// W5: a code of a two-level tree (reason or resolution codes) with two combos, general
// then specific, side by side in `width` (code_picker.cpp). `value` holds the code's key.
void code_tree_input(const char* id, const Desk& desk, EntityKind kind, std::string& value, bool read_only,
                     float width);

std::optional<FieldId> draw_groups(app::Draft& draft, std::span<const FieldGroup> groups, bool read_only,
                                   std::optional<FieldId> focus = std::nullopt, const Desk* refs = nullptr);

}  // namespace hotline::ui
