// The web app's life: start-up (window, ImGui, IndexedDB, the app), one frame
// per display refresh, and saving. main.cpp makes one and hands it to the
// browser's main loop.
//
// Start-up order: WebGL window and ImGui first (a browser without WebGL gets
// its message at once); then IDBFS is mounted at /data and loaded (async);
// only then App::open on the replica folder, and the loading screen goes. The
// folder is /data/desk, or /data/demo for the static demo (?demo in the
// address), which seeds an empty replica from the preloaded demo data set: the
// demo's changes persist too, apart from real data on the same origin.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "platform/web/canvas_window.hpp"
#include "platform/web/durable_saver.hpp"
#include "platform/web/frame_pacer.hpp"
#include "platform/web/frame_stats.hpp"

namespace hotline::app {
class App;
}

namespace hotline::web {

inline constexpr const char* kMountPoint = "/data";
inline constexpr const char* kDemoDataPath = "/demo/demo_data.json";  // assets/demo, preloaded

class WebApp {
public:
    // nullptr when the browser cannot run the app (the page says why).
    static std::unique_ptr<WebApp> start();
    ~WebApp();
    // The started web app (for the exported functions), or nullptr.
    static WebApp* current() { return current_; }

    // The open app; nullptr while loading or after a failure.
    app::App* app() { return app_.get(); }

    // One frame: called by the main loop.
    void frame();

    // {"startup": {...}, "frames": FrameStats, "saves": {...}}: milliseconds;
    // startup times are performance.now() values (from navigation start).
    std::string stats_json() const;
    void reset_frame_stats() { frame_stats_.reset(); }
    // The page is being hidden or closed: handle the input it already received
    // (a save keystroke), then start saving whatever is not durable yet.
    void flush();

private:
    explicit WebApp(std::unique_ptr<CanvasWindow> window);
    void storage_loaded(bool ok, const std::string& error);
    void open_app();
    // Fonts and style for the window's pixel ratio; false if the font is unreadable.
    bool rescale();
    // Draws one frame now (the interface, its commands, then saving).
    void draw(double frame_begin);

    static inline WebApp* current_ = nullptr;
    std::unique_ptr<CanvasWindow> window_;
    std::unique_ptr<app::App> app_;
    std::unique_ptr<DurableSaver> saver_;
    FrameStats frame_stats_;
    FramePacer pacer_;
    bool drawn_unsaved_ = false;  // has_unsaved_changes() as last drawn ("Saving…")
    bool storage_ready_ = false;
    bool failed_ = false;
    bool renderer_ready_ = false;  // the OpenGL backend has made its device objects

    struct Startup {
        double main_ms = 0;
        double storage_loaded_ms = 0;
        double app_opened_ms = 0;
        double open_took_ms = 0;
        double first_frame_ms = 0;
    } startup_;
};

}  // namespace hotline::web
