#include "platform/web/clipboard.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <string>

namespace {

std::string& clipboard_text() {
    static std::string text;
    return text;
}

EM_JS(void, hotline_js_listen_for_paste, (), {
    document.addEventListener('paste', function(event) {
        var text = event.clipboardData ? event.clipboardData.getData('text/plain') : "";
        ccall('hotline_clipboard_pasted', null, ['string'], [text]);
    });
});

EM_JS(void, hotline_js_write_clipboard, (const char* text), {
    var value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).catch(function(error) {
            console.warn('hotline: the browser refused to copy to the clipboard:', error.message);
        });
    }
});

const char* get_clipboard(void*) { return clipboard_text().c_str(); }

void set_clipboard(void*, const char* text) {
    clipboard_text() = text ? text : "";
    hotline_js_write_clipboard(clipboard_text().c_str());
}

}  // namespace

// Called by the paste listener with the clipboard's text.
extern "C" EMSCRIPTEN_KEEPALIVE void hotline_clipboard_pasted(const char* text) {
    clipboard_text() = text ? text : "";
}

namespace hotline::web::clipboard {

void install() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    io.ClipboardUserData = nullptr;
    hotline_js_listen_for_paste();
}

}  // namespace hotline::web::clipboard
