// Functions the browser benchmark (tests/browser/bench_list.mjs) calls through
// Module.ccall; the shell page wraps the statistics as hotline.stats() and
// hotline.resetStats(). Not used by the interface.
//   hotline_platform_stats()        WebApp::stats_json(), or "null" before start
//   hotline_platform_stats_reset()  forgets the frame times measured so far
//   hotline_debug_seed(count)       adds `count` realistic incidents from the
//                                   preloaded demo data set (app::seed_synthetic)
//                                   to the open desk; they are saved like any
//                                   change. {"ok", "error", "took_ms"}
#include <emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app/demo_seed.hpp"
#include "platform/web/page.hpp"
#include "platform/web/web_app.hpp"

using hotline::web::WebApp;

namespace {
std::string reply;  // the last string returned to JavaScript
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_platform_stats() {
    reply = WebApp::current() ? WebApp::current()->stats_json() : "null";
    return reply.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE void hotline_platform_stats_reset() {
    if (WebApp::current()) WebApp::current()->reset_frame_stats();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_debug_seed(int count) {
    hotline::app::App* app = WebApp::current() ? WebApp::current()->app() : nullptr;
    nlohmann::json result = {{"ok", false}, {"error", "the app is not open"}, {"took_ms", 0}};
    if (app && count > 0) {
        const double begin = emscripten_get_now();
        const auto seeded = hotline::app::seed_synthetic(*app, hotline::web::kDemoDataPath,
                                                          static_cast<std::size_t>(count),
                                                          hotline::web::page::now_ms());
        result = {{"ok", seeded.ok()},
                  {"error", seeded.ok() ? "" : seeded.error().message},
                  {"took_ms", emscripten_get_now() - begin}};
    }
    reply = result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return reply.c_str();
}
