// The demo banner under the top bar, and the status bar at the bottom: whether
// every change is durable yet, whether it has reached the server (online,
// offline with changes waiting, signed out, conflicts to look at), the last
// refusal or confirmation, and how many incidents the list shows.
#include <algorithm>
#include <cstdio>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {

void draw_demo_banner(Context&) {
    const Palette& p = palette();
    const float pad = ImGui::GetFontSize() * 0.4f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetTextLineHeight() + pad * 2;
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + height),
                                              ImGui::ColorConvertFloat4ToU32(p.banner), ImGui::GetStyle().FrameRounding);
    ImGui::SetCursorScreenPos(ImVec2(at.x + pad * 2, at.y + pad));
    text_coloured(p.banner_text, app::tr("demo.banner"));
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height));
    ImGui::Dummy(ImVec2(width, ImGui::GetStyle().ItemSpacing.y * 0.5f));
}

namespace {

// "First sync · 12.4 of 31.0 MB · 32,768 of 100,000 incidents" (bytes as stored).
std::string first_sync_progress(const sync::SyncStatus& st) {
    auto mb = [](std::int64_t bytes) { return app::format_decimal(static_cast<double>(bytes) / 1e6, 1); };
        return app::tr_format("sync.first", {mb(st.first_sync_bytes), mb(st.first_sync_bytes_total),
                                         app::format_count(st.first_sync_incidents),
                                         app::format_count(st.first_sync_incidents_total)});
}

void draw_sync_state(Context& ctx) {
    app::App& app = ctx.app;
    const sync::SyncEngine* engine = app.sync();
    if (!engine) return;
    const Palette& p = palette();
    const sync::SyncStatus& st = engine->status();
    const auto waiting = static_cast<std::int64_t>(st.pending);
    const std::string pending = app::format_count(waiting);
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2);
    switch (st.state) {
        case sync::SyncState::signed_out:
            // The token expired or was revoked: sign in again (the desk stays as it is).
            text_coloured(p.error, app::tr("sync.signed_out"));
            ImGui::SameLine();
            if (ImGui::SmallButton(T("Sign in again").c_str())) app.request_sign_out();
            break;
        case sync::SyncState::offline: text_coloured(p.warning, app::tr_plural("sync.offline", waiting, {pending})); break;
        case sync::SyncState::error: text_coloured(p.error, app::tr_format("sync.error", {st.last_error})); break;
        case sync::SyncState::online:
            if (st.first_sync_bytes_total > 0) text_muted(first_sync_progress(st));
            else if (st.pending > 0) text_muted(app::tr_plural("sync.pending", waiting, {pending}));
            else if (st.last_sync_ms == 0) text_muted(app::tr("sync.never"));
            else text_muted(app::tr_format("sync.online", {app::format_date_time(st.last_sync_ms, app.zone())}));
            break;
    }
    if (st.conflicts > 0) {
        ImGui::SameLine();
        const std::string label = app::tr_format("sync.conflicts", {app::format_count(static_cast<std::int64_t>(st.conflicts))}) + "##conflicts";
        if (ImGui::SmallButton(label.c_str())) app.show_conflicts();
    }
}

}  // namespace

void draw_status_bar(Context& ctx) {
    const app::App& app = ctx.app;
    const Palette& p = palette();
    // The saving state keeps the room of its longer text: what follows it (the Conflicts
    // button) must not move under the pointer whenever a save starts or ends (kept drafts
    // are saved while typing).
    const std::string saving = T("Saving\xe2\x80\xa6"), saved = T("All changes saved");
    const float left = ImGui::GetCursorPosX();
    const float room = std::max(ImGui::CalcTextSize(saving.c_str()).x, ImGui::CalcTextSize(saved.c_str()).x);
    if (app.has_unsaved_changes()) text_coloured(p.warning, saving);
    else text_muted(saved);
    ImGui::SameLine(left + room);
    ImGui::Dummy(ImVec2(0.0f, 0.0f));
    draw_sync_state(ctx);

    const app::Message& message = app.message();
    if (!message.text.empty()) {
        ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2);
        text_coloured(message.error ? p.error : p.success, message.text);
    }

    const auto shown = static_cast<std::int64_t>(app.list().rows().size());
    const auto total = static_cast<std::int64_t>(app.list().total());
    const std::string count =
        shown == total ? app::tr_plural("list.count", total, {app::format_count(total)})
                       : app::tr_plural("list.count_filtered", total, {app::format_count(shown), app::format_count(total)});
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(count.c_str()).x);
    text_muted(count);
}

}  // namespace hotline::ui
