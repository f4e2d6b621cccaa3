#include "platform/web/test_driver.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdarg>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.hpp"

namespace {

struct Item {
    ImGuiID id = 0;
    std::string label;   // without the "##…" part; empty until ItemInfo names it
                         // (unnamed items are not reported)
    std::string window;  // the window's name, without "##…"
    ImRect rect;         // clipped to the window's clip rectangle
    bool visible = false;
    bool checkable = false;
    bool checked = false;
};

struct Recorder {
    std::vector<Item> items;  // elements beyond `count` are kept to reuse their strings
    std::size_t count = 0;
    float pixel_ratio = 1.0f;
    const hotline::app::App* app = nullptr;
    std::string reply;  // the last string returned to JavaScript
};

Recorder& recorder() {
    static Recorder r;
    return r;
}

std::string_view visible_part(const char* label) {
    std::string_view text = label ? label : "";
    const auto hashes = text.find("##");
    return hashes == std::string_view::npos ? text : text.substr(0, hashes);
}

Item* find_recorded(ImGuiID id) {
    Recorder& r = recorder();
    for (std::size_t i = r.count; i-- > 0;) {  // ItemInfo usually follows its ItemAdd
        if (r.items[i].id == id) return &r.items[i];
    }
    return nullptr;
}

}  // namespace

// --- The hooks ImGui calls (IMGUI_ENABLE_TEST_ENGINE) ----------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item_data) {
    Recorder& r = recorder();
    ImGuiWindow* window = ctx->CurrentWindow;
    if (r.count == r.items.size()) r.items.emplace_back();
    Item& item = r.items[r.count++];
    item.id = id;
    item.label.clear();
    item.window.assign(visible_part(window ? window->Name : ""));
    item.rect = bb;
    if (item_data && window) {  // a widget; without item_data it is a whole window
        item.rect = item_data->Rect;
        item.rect.ClipWithFull(window->ClipRect);
    }
    item.visible = item.rect.GetWidth() > 0 && item.rect.GetHeight() > 0;
    item.checkable = item.checked = false;
    // Table headers (TableHeadersRow) report no label of their own: name them
    // after their column, so a test can click "Priority" to sort.
    ImGuiTable* table = ctx->CurrentTable;
    if (item_data && table && (table->RowFlags & ImGuiTableRowFlags_Headers) && table->CurrentColumn >= 0) {
        item.label.assign(visible_part(ImGui::TableGetColumnName(table, table->CurrentColumn)));
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    // ImGui's implicit fallback window exists in every frame but shows nothing.
    if (label && std::string_view(label) == "Debug##Default") return;
    if (Item* item = find_recorded(id)) {
        item->label.assign(visible_part(label));
        item->checkable = (flags & ImGuiItemStatusFlags_Checkable) != 0;
        item->checked = (flags & ImGuiItemStatusFlags_Checked) != 0;
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    const Item* item = find_recorded(id);
    return item && !item->label.empty() ? item->label.c_str() : nullptr;
}

// --- Exports for JavaScript --------------------------------------------------------------------

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_find_items(const char* label) {
    Recorder& r = recorder();
    const std::string_view wanted = label ? label : "";
    const float to_css = 1.0f / r.pixel_ratio;
    auto list = nlohmann::json::array();
    for (std::size_t i = 0; i < r.count; ++i) {
        const Item& item = r.items[i];
        if (item.label.empty() || (!wanted.empty() && item.label != wanted)) continue;
        nlohmann::json entry = {
            {"label", item.label},
            {"window", item.window},
            {"x", item.rect.Min.x * to_css},
            {"y", item.rect.Min.y * to_css},
            {"w", item.rect.GetWidth() * to_css},
            {"h", item.rect.GetHeight() * to_css},
            {"visible", item.visible},
        };
        if (item.checkable) entry["checked"] = item.checked;
        // The item keyboard navigation is on (Tab, arrows, Enter act on it).
        if (item.id == ImGui::GetCurrentContext()->NavId) entry["nav"] = true;
        list.push_back(std::move(entry));
    }
    r.reply = list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r.reply.c_str();
}

// The characters of `text` the interface font cannot draw (ImGui would show its fallback).
extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_missing_glyphs(const char* text) {
    Recorder& r = recorder();
    r.reply.clear();
    const ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    for (const char* p = text; font && p && *p;) {
        unsigned int c = 0;
        const char* begin = p;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) r.reply.append(begin, p);
    }
    return r.reply.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_state() {
    Recorder& r = recorder();
    r.reply = r.app ? r.app->state_json() : "null";
    return r.reply.c_str();
}

namespace hotline::web::test_driver {

void enable() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void begin_frame(float pixel_ratio) {
    recorder().count = 0;
    recorder().pixel_ratio = pixel_ratio > 0 ? pixel_ratio : 1.0f;
}

void attach(const app::App* app) { recorder().app = app; }

}  // namespace hotline::web::test_driver
