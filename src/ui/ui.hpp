// The whole interface, drawn with Dear ImGui from app::App state. Screens live
// in one file each under src/ui/; this is the only entry point the platform
// layer calls.
#pragma once

#include <cstdint>

namespace hotline::app {
class App;
class SignIn;
}

namespace hotline::ui {

// Colours, spacing and rounding for the light (default) or dark theme, scaled
// for the screen's device pixel ratio. Fonts are loaded by the platform.
void apply_style(bool dark, float scale);

// One frame: call between ImGui::NewFrame() and ImGui::Render().
void draw(app::App& app, std::int64_t now_ms);

// Whether the last frame showed a pane alone, covering the list (a narrow screen
// with an incident, a form or Settings open): the platform then lets the browser's
// Back (a phone's back gesture) close it.
bool pane_covers_list();

// One frame of the sign-in screen (instead of draw() while no one is signed in).
// True when the user asked to sign in with what the form holds.
bool draw_sign_in(app::SignIn& form);

}  // namespace hotline::ui
