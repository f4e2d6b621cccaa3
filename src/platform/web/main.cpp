// The web app's entry point: start, then hand the frame function to the
// browser's main loop.
#include "platform/web/main_loop.hpp"
#include "platform/web/web_app.hpp"

int main() {
    auto app = hotline::web::WebApp::start();
    if (!app) return 1;
    // Lives until the page goes away: the main loop unwinds main() without
    // running destructors.
    hotline::web::run_main_loop(app.release());
}
