// What an empty standalone desk shows instead of an empty list: a static host
// opened without ?demo, or a server's page opened offline before anyone signed
// in there. "No incident matches the search and filters" told a first visitor
// nothing; this says what the desk is, and how to reach the demo or a server.
#include <algorithm>

#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {

bool shows_standalone_welcome(const app::App& app) { return app.is_standalone() && app.desk().incidents().empty(); }

void draw_standalone_welcome(Context& ctx) {
    const float em = ImGui::GetFontSize();
    ImGui::Dummy({0, em});
    ImGui::Indent(em);
    // Lines of at most ~40 em read better than ones across a wide window (text() wraps at
    // this position; text_wrapped() would wrap at the window's edge).
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(ImGui::GetContentRegionAvail().x - em, 40 * em));
    ImGui::SeparatorText(T("welcome.title").c_str());
    text(app::tr("welcome.what"));
    ImGui::Spacing();
    text(app::tr("welcome.register"));
    ImGui::Spacing();
    text(app::tr("welcome.server"));
    ImGui::Spacing();
    text(app::tr("welcome.demo"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(T("welcome.open_demo").c_str())) ctx.app.request_demo();
    ImGui::Unindent(em);
}

}  // namespace hotline::ui
