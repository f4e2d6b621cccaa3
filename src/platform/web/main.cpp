// The web app's entry point: start, then hand the frame function to the
// browser. Also exports the platform's statistics for the browser benchmark:
//   hotline_platform_stats()        WebApp::stats_json()
//   hotline_platform_stats_reset()  forgets the frame times measured so far
#include <emscripten.h>

#include <string>

#include "platform/web/main_loop.hpp"
#include "platform/web/web_app.hpp"

namespace {
hotline::web::WebApp* the_app = nullptr;  // lives until the page goes away
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_platform_stats() {
    static std::string reply;
    reply = the_app ? the_app->stats_json() : "null";
    return reply.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE void hotline_platform_stats_reset() {
    if (the_app) the_app->reset_frame_stats();
}

int main() {
    auto app = hotline::web::WebApp::start();
    if (!app) return 1;
    the_app = app.release();
    hotline::web::run_main_loop(the_app);
}
