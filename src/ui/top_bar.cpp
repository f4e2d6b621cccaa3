// The bar across the top: the app's name, the search box (filters as one
// types, Ctrl+F or /), "New incident", "Knowledge base" (W13), "Notifications" with the
// unread count (issue 14), "Administration" (for the roles that get it,
// app/admin_access.hpp) and "Settings". On a narrow screen
// (a phone: one pane at a time) those four go into a Menu, the name gives way to
// Back while a pane is open, and everything in the bar is a touch target tall.
#include <algorithm>

#include "app/i18n.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

constexpr float kSearchMaxEm = 34.0f;

// The search box, `width` wide: filters the list as one types.
void search_box(Context& ctx, float width) {
    UiState& ui = ctx.ui;
    ImGui::SetNextItemWidth(width);
    if (ui.focus_search) {
        focus_next_item(Caret::select_all);
        ui.focus_search = false;
    }
    const std::string hint = T("Search number, title, customer, phone, serial\xe2\x80\xa6");
    bool changed = input_text("##search", ui.search_text, 0, hint.c_str());
    name_last_item(T("Search").c_str());
    ui.search_active = ImGui::IsItemActive();
    if (ui.clear_search) {
        // After the widget: on Escape it restores the text it had when activated.
        ui.search_text.clear();
        ui.clear_search = false;
        changed = true;
    }
    if (changed) {
        ctx.app.list().set_query(ui.search_text);
        ui.scroll_to_selection = true;
    }
}

// The screens the bar opens, each offered through `offer(key, accent, count)` (true: chosen):
// buttons in a row, or the narrow bar's menu entries. `key` is the label's translation key;
// `count`, when not 0, is shown after it (the unread notifications).
template <typename Offer>
void offer_screens(Context& ctx, Offer offer) {
    app::App& app = ctx.app;
    if (offer(app::tr_key("New incident"), true, 0)) app.start_create();
    if (offer(app::tr_key("Knowledge base"), false, 0)) app.show_knowledge();
    if (offer(app::tr_key("Notifications"), false, app.unread_notifications())) app.show_notifications(ctx.now_ms);
    if (may_assign(app.principal()) && offer(app::tr_key("Queues"), false, 0)) app.show_queues();
    if (app.sees_admin() && offer(app::tr_key("Administration"), false, 0)) app.show_admin();
    if (offer(app::tr_key("Settings"), false, 0)) app.show_settings();
}

// A bar entry's text: its label, the count when there is one, and an ID that stays the same
// while the count changes (the item keeps its name for keyboard focus and the test driver).
std::string entry_text(const char* key, std::size_t count) {
    std::string text = T(key);
    if (count > 0) text += " (" + std::to_string(count) + ")";
    return text + "###" + key;
}

void draw_wide(Context& ctx) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    text_coloured(palette().accent, "Hotline");  // the product's name, in every language
    ImGui::SameLine(0.0f, em * 1.5f);

    float buttons = 0;
    offer_screens(ctx, [&](const char* label, bool, std::size_t count) {
        buttons += ImGui::CalcTextSize(entry_text(label, count).c_str(), nullptr, true).x + style.FramePadding.x * 2 +
                   style.ItemSpacing.x;
        return false;
    });
    const float room = ImGui::GetContentRegionAvail().x - buttons - style.ItemSpacing.x * 3;
    search_box(ctx, std::min(room, em * kSearchMaxEm));

    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttons + style.ItemSpacing.x);
    bool first = true;
    offer_screens(ctx, [&](const char* label, bool accent, std::size_t count) {
        if (!first) ImGui::SameLine();
        first = false;
        const std::string text = entry_text(label, count);
        const bool chosen = accent ? accent_button(text.c_str()) : ImGui::Button(text.c_str());
        name_last_item(T(label).c_str());
        return chosen;
    });
}

void draw_narrow(Context& ctx) {
    app::App& app = ctx.app;
    const ImGuiStyle& style = ImGui::GetStyle();
    // Every frame in the bar (Back, the search box, Menu) a touch target tall.
    const float pad_y = std::max(style.FramePadding.y, (touch_target() - ImGui::GetFontSize()) / 2);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, pad_y));
    if (app.screen() != app::Screen::list) {
        if (ImGui::Button(T("Back").c_str())) app.cancel();  // as Escape: unsaved changes are asked about
    } else {
        ImGui::AlignTextToFramePadding();
        text_coloured(palette().accent, "Hotline");
    }
    ImGui::SameLine();
    const std::string menu = T("Menu");
    const float menu_width = ImGui::CalcTextSize(menu.c_str()).x + style.FramePadding.x * 2;
    search_box(ctx, ImGui::GetContentRegionAvail().x - menu_width - style.ItemSpacing.x);
    ImGui::SameLine();
    if (ImGui::Button(menu.c_str())) ImGui::OpenPopup("top_menu");
    ImGui::PopStyleVar();
    if (ImGui::BeginPopup("top_menu")) {
        const float width = ImGui::GetFontSize() * 14;
        offer_screens(ctx, [&](const char* label, bool, std::size_t count) {
            const bool chosen = ImGui::Selectable(entry_text(label, count).c_str(), false, 0, ImVec2(width, touch_target()));
            name_last_item(T(label).c_str());
            return chosen;
        });
        ImGui::EndPopup();
    }
}

}  // namespace

float top_bar_frame_height(const UiState& ui) {
    return ui.narrow ? std::max(ImGui::GetFrameHeight(), touch_target()) : ImGui::GetFrameHeight();
}

void draw_top_bar(Context& ctx) {
    if (ctx.ui.narrow) draw_narrow(ctx);
    else draw_wide(ctx);
}

}  // namespace hotline::ui
