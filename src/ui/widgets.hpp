// Small building blocks shared by the screens: text inputs on std::string,
// badges, muted and coloured text, accent buttons, and naming an item for the
// browser tests when its label is drawn apart from it.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace hotline::ui {

// tr() as a std::string, for ImGui calls that need a NUL-terminated label.
std::string T(std::string_view key);

// Text inputs editing a std::string in place (its buffer grows as needed).
bool input_text(const char* id, std::string& value, ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
bool input_multiline(const char* id, std::string& value, float height, ImGuiInputTextFlags flags = 0);

// Gives the last item a human name for tools (the browser tests' driver finds
// items by it) when its visible label is drawn apart, like a form field's name
// above the field. Compiles to nothing without ImGui's test-engine hooks.
void name_last_item(const char* name);

// Gives the keyboard to the next item (a text field), even when another
// window has it: ImGui 1.90.1's SetKeyboardFocusHere() alone only works within
// the window that has the keyboard (its request is dropped in another focus scope).
void focus_next_item();

void text(std::string_view s);
void text_coloured(const ImVec4& colour, std::string_view s);
void text_muted(std::string_view s);
void text_wrapped(std::string_view s);
// A coloured pill with white text (status, priority).
void badge(std::string_view s, ImU32 colour);
// A button in the accent colour: the one that commits (Save, New incident).
bool accent_button(const char* label);

}  // namespace hotline::ui
