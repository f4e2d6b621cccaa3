#include "platform/web/page.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <utility>

namespace {

std::function<void()>& hidden_handler() {
    static std::function<void()> handler;
    return handler;
}

std::function<void()>& back_handler() {
    static std::function<void()> handler;
    return handler;
}

// Whether the pane's history entry is there (hotline_js_pane_entry's Module.hotlinePaneEntry).
bool& pane_entry() {
    static bool there = false;
    return there;
}

std::function<void()>& online_handler() {
    static std::function<void()> handler;
    return handler;
}

EM_JS(void, hotline_js_status, (const char* text), {
    var value = UTF8ToString(text);
    if (Module['shell']) Module['shell'].status(value); else console.log(value);
});

EM_JS(void, hotline_js_problem, (const char* title, const char* detail), {
    var t = UTF8ToString(title), d = UTF8ToString(detail);
    if (Module['shell']) Module['shell'].problem(t, d); else console.error(t + ': ' + d);
});

EM_JS(void, hotline_js_ready, (), {
    if (Module['shell']) Module['shell'].ready();
});

EM_JS(int, hotline_js_utc_offset_at, (double wall_ms), { return -new Date(wall_ms).getTimezoneOffset(); });

// The first of the browser's preferred languages, as a BCP 47 tag ("fr-FR"), into `out`.
EM_JS(void, hotline_js_browser_language, (char* out, int size), {
    var tag = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    stringToUTF8(tag, out, size);
});

// The page's language for screen readers and the browser's own tools (<html lang>).
EM_JS(void, hotline_js_set_document_language, (const char* code), {
    document.documentElement.lang = UTF8ToString(code);
});

// Screen readers read what is put in the page's live regions (shell/index.html).
EM_JS(void, hotline_js_announce, (const char* text, int urgent), {
    var region = document.getElementById(urgent ? 'announce-alert' : 'announce-status');
    if (region) region.textContent = UTF8ToString(text);
});

EM_JS(int, hotline_js_demo_requested, (), {
    return new URLSearchParams(location.search).has('demo') ? 1 : 0;
});

EM_JS(void, hotline_js_open_demo, (), {
    location.assign(location.pathname + '?demo');
});

EM_JS(int, hotline_js_first_sync_by_operations, (), {
    return new URLSearchParams(location.search).get('first_sync') === 'operations' ? 1 : 0;
});

// Fills `out` with `length` characters of [a-z0-9], uniformly (bytes >= 252
// are dropped so that every character has the same chance), and a NUL.
EM_JS(void, hotline_js_random_id, (char* out, int length), {
    var alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    var text = "";
    var bytes = new Uint8Array(32);
    while (text.length < length) {
        crypto.getRandomValues(bytes);
        for (var i = 0; i < bytes.length && text.length < length; i++) {
            if (bytes[i] < 252) text += alphabet[bytes[i] % 36];
        }
    }
    stringToUTF8(text, out, length + 1);
});

EM_JS(void, hotline_js_listen_for_hide, (), {
    function hidden() { ccall('hotline_page_hidden', null, [], []); }
    document.addEventListener('visibilitychange', function() {
        if (document.visibilityState === 'hidden') hidden();
    });
    window.addEventListener('pagehide', hidden);
});

// One history entry stands for "a pane covers the list": the browser's Back (a phone's
// back gesture) pops it and the app closes the pane; a pane closed in the app pops it
// itself, and that popstate is not passed on.
EM_JS(void, hotline_js_listen_for_back, (), {
    window.addEventListener('popstate', function() {
        if (!Module.hotlinePaneEntry) return;
        Module.hotlinePaneEntry = false;
        ccall('hotline_page_back', null, [], []);
    });
});

EM_JS(void, hotline_js_pane_entry, (int wanted), {
    if (wanted && !Module.hotlinePaneEntry) {
        history.pushState({hotlinePane: true}, '');
        Module.hotlinePaneEntry = true;
    } else if (!wanted && Module.hotlinePaneEntry) {
        Module.hotlinePaneEntry = false;
        history.back();
    }
});

EM_JS(void, hotline_js_listen_for_online, (), {
    window.addEventListener('online', function() { ccall('hotline_page_online', null, [], []); });
});

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void hotline_page_online() {
    if (online_handler()) online_handler()();
}

extern "C" EMSCRIPTEN_KEEPALIVE void hotline_page_back() {
    pane_entry() = false;
    if (back_handler()) back_handler()();
}

extern "C" EMSCRIPTEN_KEEPALIVE void hotline_page_hidden() {
    if (hidden_handler()) hidden_handler()();
}

namespace hotline::web::page {

void set_status(const char* text) { hotline_js_status(text); }

void show_problem(const char* title, const std::string& detail) {
    hotline_js_problem(title, detail.c_str());
}

void app_ready() { hotline_js_ready(); }

std::int64_t now_ms() { return static_cast<std::int64_t>(emscripten_date_now()); }

int utc_offset_at(std::int64_t wall_ms) { return hotline_js_utc_offset_at(static_cast<double>(wall_ms)); }

std::string browser_language() {
    char tag[64];
    hotline_js_browser_language(tag, sizeof tag);
    return tag;
}

void set_document_language(const std::string& code) { hotline_js_set_document_language(code.c_str()); }

void announce(const std::string& text, bool urgent) { hotline_js_announce(text.c_str(), urgent ? 1 : 0); }

bool demo_requested() { return hotline_js_demo_requested() != 0; }

void open_demo() { hotline_js_open_demo(); }

bool first_sync_by_operations() { return hotline_js_first_sync_by_operations() != 0; }

std::string random_replica_id() {
    char id[13];
    hotline_js_random_id(id, 12);
    return id;
}

void on_hidden(std::function<void()> hidden) {
    const bool first = !hidden_handler();
    hidden_handler() = std::move(hidden);
    if (first) hotline_js_listen_for_hide();
}

void keep_pane_entry(bool pane_open) {
    if (pane_open == pane_entry()) return;
    pane_entry() = pane_open;
    hotline_js_pane_entry(pane_open ? 1 : 0);
}

void on_back(std::function<void()> back) {
    const bool first = !back_handler();
    back_handler() = std::move(back);
    if (first) hotline_js_listen_for_back();
}

void on_online(std::function<void()> online) {
    const bool first = !online_handler();
    online_handler() = std::move(online);
    if (first) hotline_js_listen_for_online();
}

}  // namespace hotline::web::page
