// The web app's life: start-up (window, ImGui, IndexedDB, the app), one frame
// per display refresh, and saving. main.cpp makes one and hands it to the
// browser's main loop.
//
// Start-up order: WebGL window and ImGui first (a browser without WebGL gets
// its message at once); then IDBFS is mounted at /data and loaded (async);
// then the desk is chosen and App::open runs on its folder, and the loading
// screen goes. Which desk:
//   ?demo in the address     /data/demo: the static demo, seeded from the
//                            preloaded demo data set, never synced
//   someone signed in        /data/users/<login>, synced with the server that
//                            served the page (app/session.hpp), offline too
//   a server, no one signed  the sign-in screen first
//   no server (static host,  /data/desk: this browser's own desk
//   or offline before any sign-in)
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/i18n.hpp"
#include "app/session.hpp"
#include "app/sign_in.hpp"
#include "platform/web/announcer.hpp"
#include "platform/web/canvas_window.hpp"
#include "platform/web/durable_saver.hpp"
#include "platform/web/fetch_transport.hpp"
#include "platform/web/frame_pacer.hpp"
#include "platform/web/frame_stats.hpp"
#include "platform/web/touch_input.hpp"

namespace hotline::app {
class App;
}

namespace hotline::web {

inline constexpr const char* kMountPoint = "/data";
inline constexpr const char* kDemoDataPath = "/demo/demo_data.json";  // assets/demo, preloaded
inline constexpr const char* kTranslationsDir = "/i18n";              // assets/i18n, preloaded

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
    enum class Desk : std::uint8_t { undecided, demo, local, user };
    // Decides which desk to open (probing for a server, reading the session);
    // undecided while waiting for the server's answer or for a sign-in.
    Desk choose_desk();
    void open_app();
    // Draws the sign-in screen (no app open) and acts on its button.
    void draw_sign_in(double frame_begin);
    // Ends the session: the server forgets the token, this browser the session
    // file; the user's desk stays on disk for their next sign-in.
    void sign_out();
    // Fonts and style for the window's pixel ratio times the open app's text size (100 %
    // with no app open); false if the font is unreadable.
    bool rescale();
    // Device pixels per CSS pixel times the text size: fonts and spacing grow together, as
    // with the browser's zoom, while the canvas and the pointer stay in device pixels.
    float ui_scale() const;
    // Draws one frame now (the interface, its commands, then saving).
    void draw(double frame_begin);
    // <html lang> follows the interface's language (a change in Settings, a user's desk opening).
    void show_language();
    // One ImGui frame around `interface`, rendered to the canvas.
    void render(const std::function<void()>& interface);

    static inline WebApp* current_ = nullptr;
    std::unique_ptr<CanvasWindow> window_;
    std::unique_ptr<app::App> app_;
    std::unique_ptr<DurableSaver> saver_;
    Announcer announcer_;
    FetchTransport transport_;
    app::SignIn sign_in_;
    std::optional<app::Session> session_;
    bool session_read_ = false;
    Desk desk_ = Desk::undecided;
    bool closing_ = false;  // signed out: close the app once its last changes are durable
    bool leaving_ = false;  // the demo's address was asked for: the page goes there
    int text_size_ = 100;   // the text size the fonts and style were made for (App::text_size)
    bool woken_ = false;          // a sync reply arrived: draw (its state may have changed)
    bool sign_in_shown_ = false;  // the sign-in screen has replaced the loading screen
    FrameStats frame_stats_;
    FramePacer pacer_;
    TouchInput touch_;
    bool drawn_unsaved_ = false;  // has_unsaved_changes() as last drawn ("Saving…")
    // App::keep_drafts() runs at most this often while frames are drawn.
    static constexpr double kKeepDraftsMs = 1500;
    double drafts_kept_at_ = 0;
    bool storage_ready_ = false;
    bool failed_ = false;
    std::optional<app::Language> document_language_;  // what <html lang> says
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
