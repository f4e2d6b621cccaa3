// Small building blocks shared by the screens: text inputs on std::string,
// badges, muted and coloured text, accent buttons, and naming an item for the
// browser tests when its label is drawn apart from it.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace hotline::ui {

// tr() as a std::string, for ImGui calls that need a NUL-terminated label.
std::string T(std::string_view key);

// Text inputs editing a std::string in place (its buffer grows as needed).
// Escape lets go of the keyboard and keeps what was typed: ImGui would put back
// the text the field had when it took the keyboard, and the typing would be lost.
bool input_text(const char* id, std::string& value, ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
bool input_multiline(const char* id, std::string& value, float height, ImGuiInputTextFlags flags = 0);
// Makes the text field `id` (of the current window) let go of the keyboard if
// it has it, before it is drawn: a field that has the keyboard shows its own
// copy of the text and writes it back, so a value replaced from outside (an
// event box emptied once the event is added) must be let go first.
void release_field(const char* id);

// A combo's entry: the current one is where the keyboard highlight starts
// when the combo opens (ImGui starts on the first entry otherwise).
bool combo_item(const char* label, bool current, ImGuiSelectableFlags flags = 0);

// Gives the last item a human name for tools (the browser tests' driver finds
// items by it) when its visible label is drawn apart, like a form field's name
// above the field. Compiles to nothing without ImGui's test-engine hooks.
void name_last_item(const char* name);

// Gives the keyboard to the next item (a text field), even when another
// window has it: ImGui 1.90.1's SetKeyboardFocusHere() alone only works within
// the window that has the keyboard (its request is dropped in another focus scope).
// ImGui selects a focused field's whole text, so the next key typed would
// replace it: `Caret::end` puts the caret after the text instead (a form field
// given back the keyboard); `Caret::select_all` keeps ImGui's way (the search
// box, where a new query replaces the last).
enum class Caret : std::uint8_t { end, select_all };
void focus_next_item(Caret caret = Caret::end);

void text(std::string_view s);
void text_coloured(const ImVec4& colour, std::string_view s);
void text_muted(std::string_view s);
// `s` cut to the width left on the line, ending in "…" when it was cut (the whole text is
// for a hover to show): a line that must not wrap nor run past the pane's edge.
void text_fitted(const ImVec4& colour, std::string_view s);
void text_wrapped(std::string_view s);
// A coloured pill with white text (status, priority).
void badge(std::string_view s, ImU32 colour);
// A button in the accent colour: the one that commits (Save, New incident).
bool accent_button(const char* label);
// Keeps what comes next (`width` pixels wide) on the current line when it fits, else starts
// a new line: a row of controls wraps on a narrow pane instead of running off its edge.
void same_line_if_room(float width);

// A modal dialog in the middle of the window, opened when `open` is true (it
// stays open until closed with ImGui::CloseCurrentPopup()). True while it shows:
// then draw it and call ImGui::EndPopup(). `name` is "Title###id".
bool begin_dialog(const char* name, bool open);
// Escape pressed to close the dialog being drawn (ImGui leaves modal dialogs
// open on Escape); not the Escape that opened it, in the frame it appears.
bool dialog_escape();

}  // namespace hotline::ui
