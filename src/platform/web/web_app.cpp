#include "platform/web/web_app.hpp"

#include <cstdio>

#include <GLES2/gl2.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiContext::InputEventsQueue
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <sys/stat.h>

#include <functional>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "app/i18n.hpp"
#include "platform/web/clipboard.hpp"
#include "platform/web/file_delivery.hpp"
#include "platform/web/fonts.hpp"
#include "platform/web/idbfs.hpp"
#include "platform/web/page.hpp"
#include "platform/web/test_driver.hpp"
#include "platform/web/wheel_input.hpp"
#include "ui/ui.hpp"

namespace hotline::web {

std::unique_ptr<WebApp> WebApp::start() {
    const double main_ms = emscripten_get_now();
    page::set_status("Starting…");
    auto window = CanvasWindow::create("Hotline");
    if (!window) {
        page::show_problem("WebGL is not available",
                           "Hotline draws its interface with WebGL, which this browser has turned "
                           "off or does not offer. Turn on hardware acceleration or try another "
                           "browser.");
        return nullptr;
    }
    std::unique_ptr<WebApp> web(new WebApp(std::move(window)));
    web->startup_.main_ms = main_ms;
    (void)web->window_->fit_to_container();
    if (!web->rescale()) {
        page::show_problem("The interface font is missing",
                           std::string("Could not read ") + kFontPath + " from app.data.");
        return nullptr;
    }
    // Before anything is drawn, so the sign-in screen is in the browser's language too;
    // a user's own choice (Settings) is applied when their desk opens.
    if (auto loaded = app::load_translations(kTranslationsDir); !loaded)
        std::fprintf(stderr, "hotline: translations: %s\n", loaded.error().message.c_str());
    app::set_language(app::language_by_tag(page::browser_language()).value_or(app::Language::english));
    web->show_language();
    page::set_status("Opening local data…");
    WebApp* self = web.get();
    current_ = self;
    idbfs::mount_and_load(kMountPoint, [self](bool ok, const std::string& error) {
        self->storage_loaded(ok, error);
    });
    return web;
}

WebApp::WebApp(std::unique_ptr<CanvasWindow> window) : window_(std::move(window)) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the interface's business, not a file's
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    test_driver::enable();
    ImGui_ImplGlfw_InitForOpenGL(window_->handle(), true);
    listen_to_wheel_on_canvas();
    ImGui_ImplOpenGL3_Init("#version 100");  // WebGL 1 shaders run on WebGL 2 as well
    clipboard::install();
    TouchInput::install(touch_);  // touches go to it, not to GLFW (touch_input.hpp)
}

WebApp::~WebApp() {
    if (current_ == this) current_ = nullptr;
    test_driver::attach(nullptr);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void WebApp::storage_loaded(bool ok, const std::string& error) {
    startup_.storage_loaded_ms = emscripten_get_now();
    if (!ok) {
        failed_ = true;
        page::show_problem("Local storage is not available",
                           "Hotline keeps its data in this browser (IndexedDB), and the browser "
                           "refused: " + error + ". Private windows and some privacy settings "
                           "block it; open Hotline in a normal window.");
        return;
    }
    storage_ready_ = true;
}

WebApp::Desk WebApp::choose_desk() {
    if (desk_ != Desk::undecided) return desk_;
    if (page::demo_requested()) return desk_ = Desk::demo;
    if (!session_read_) {
        session_read_ = true;
        // An unreadable session file only means signing in again.
        if (auto stored = app::load_session(kMountPoint); stored && *stored) session_ = **stored;
    }
    if (session_) return desk_ = Desk::user;
    sign_in_.probe(transport_);
    if (auto signed_in = sign_in_.poll()) {
        // If the file cannot be written the user stays signed in for this visit and is
        // asked again next time: nothing else depends on it.
        (void)app::save_session(kMountPoint, *signed_in);
        session_ = std::move(*signed_in);
        return desk_ = Desk::user;
    }
    if (sign_in_.server() == app::SignIn::Server::absent) return desk_ = Desk::local;
    return Desk::undecided;
}

void WebApp::open_app() {
    app::App::Options options;
    switch (desk_) {
        case Desk::demo:
            options.data_dir = std::string(kMountPoint) + "/demo";
            options.demo_data_path = kDemoDataPath;
            // An engineer's screens: the demo shows writing knowledge-base articles (W13) too.
            options.role = Role::engineer;
            break;
        case Desk::user:
            ::mkdir((std::string(kMountPoint) + "/users").c_str(), 0755);
            options.data_dir = app::user_replica_dir(kMountPoint, session_->login);
            options.actor = "u:" + session_->login;
            options.user_label = session_->name + " (" + session_->role + ")";
            // A role this app does not know gets the least: an agent's screens.
            options.role = role_by_name(session_->role).value_or(Role::agent);
            break;
        case Desk::local:
        case Desk::undecided: options.data_dir = std::string(kMountPoint) + "/desk"; break;
    }
    options.fresh_replica_id = page::random_replica_id();
    options.now_ms = page::now_ms();
    options.zone = app::LocalZone(&page::utc_offset_at);
    ::mkdir(options.data_dir.c_str(), 0755);  // an existing folder is fine

    page::set_status(desk_ == Desk::demo ? "Loading the demo desk…" : "Loading the desk…");
    const double begin = emscripten_get_now();
    auto opened = app::App::open(options);
    startup_.app_opened_ms = emscripten_get_now();
    startup_.open_took_ms = startup_.app_opened_ms - begin;
    if (!opened) {
        failed_ = true;
        page::show_problem("The local data could not be opened",
                           opened.error().message + " (" + opened.error().code + ")");
        return;
    }
    app_ = std::move(opened.value());
    if (desk_ == Desk::user) {
        app_->connect(transport_, session_->token, !page::first_sync_by_operations());
        app_->sync()->on_wake = [this] { woken_ = true; };
        // Also makes the session file durable with the replica's metadata.
        (void)app_->replica().save_meta();
    }
    if (app_->text_size() != text_size_) rescale();  // the fonts were made for the sign-in's size
    else ui::apply_style(app_->dark_theme(), ui_scale());
    saver_ = std::make_unique<DurableSaver>(*app_);
    announcer_ = {};
    test_driver::attach(app_.get());
    page::on_hidden([this] { flush(); });
    page::on_back([this] {
        if (app_) app_->cancel();  // as Escape: unsaved changes are asked about
        woken_ = true;
    });
    page::on_online([this] {
        if (app_ && app_->sync()) app_->sync()->retry_now();
        woken_ = true;
    });
}

void WebApp::sign_out() {
    transport_.request("POST", "/logout", "", session_->token, nullptr);  // the server forgets the token
    app::forget_session(kMountPoint);
    // The removed session file is persisted with the app's next save: make one.
    (void)app_->replica().save_meta();
    closing_ = true;
}

float WebApp::ui_scale() const { return window_->pixel_ratio() * static_cast<float>(text_size_) / 100.0f; }

bool WebApp::rescale() {
    text_size_ = app_ ? app_->text_size() : 100;
    const float ratio = ui_scale();
    if (!load_fonts(ratio)) return false;
    if (renderer_ready_) {  // otherwise its first NewFrame makes the texture
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ui::apply_style(app_ && app_->dark_theme(), ratio);
    return true;
}

void WebApp::frame() {
    if (failed_) return;
    const CanvasWindow::Fit fit = window_->fit_to_container();
    const bool text_resized = app_ && app_->text_size() != text_size_;  // Settings' text size
    if (fit.rescaled || text_resized) rescale();  // the font file was readable at start
    const double frame_begin = emscripten_get_now();
    const bool coasting = touch_.frame(frame_begin);  // a list still moving after a swipe
    if (!app_) {
        if (!storage_ready_) return;  // the loading screen covers the canvas
        if (choose_desk() == Desk::undecided) {
            if (sign_in_.server() == app::SignIn::Server::present) draw_sign_in(frame_begin);
            return;
        }
        open_app();
        if (!app_) return;
    }
    if (closing_ && !app_->has_unsaved_changes()) {
        // Signed out and everything durable: back to the sign-in screen.
        test_driver::attach(nullptr);
        saver_.reset();
        app_.reset();
        session_.reset();
        closing_ = false;
        desk_ = Desk::undecided;
        if (text_size_ != 100) rescale();  // the sign-in screen at the default size
        return;
    }
    if (app_->sign_out_requested() && !closing_) sign_out();
    // Nothing typed here is left behind: a draft is kept for this desk's next visit, and the
    // demo opens once every change is durable.
    if (app_->demo_requested() && !leaving_) {
        app_->keep_drafts();
        if (!app_->has_unsaved_changes()) {
            leaving_ = true;
            page::open_demo();
        }
    }

    const auto before = app_->sync() ? app_->sync()->status() : sync::SyncStatus{};
    app_->tick_sync(page::now_ms());
    const bool admin_answered = app_->poll_admin(page::now_ms());
    const bool sync_moved = app_->sync() && (woken_ || app_->sync()->status().state != before.state ||
                                             app_->sync()->status().pending != before.pending ||
                                             app_->sync()->status().last_sync_ms != before.last_sync_ms);
    woken_ = false;
    const bool first = startup_.first_frame_ms == 0;
    const bool changed =
        fit.resized || fit.rescaled || text_resized || coasting || sync_moved || admin_answered ||
        app_->has_unsaved_changes() != drawn_unsaved_;
    if (!first && !pacer_.should_draw(frame_begin, changed)) return;
    draw(frame_begin);
    if (auto file = app_->take_export()) deliver_file(*file);
    page::keep_pane_entry(ui::pane_covers_list());
    show_language();
}

void WebApp::show_language() {
    if (document_language_ == app::language()) return;
    document_language_ = app::language();
    page::set_document_language(std::string(app::language_code(app::language())));
}

void WebApp::render(const std::function<void()>& interface) {
    test_driver::begin_frame(window_->pixel_ratio());
    ImGui_ImplOpenGL3_NewFrame();
    renderer_ready_ = true;
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    interface();
    ImGui::Render();

    glViewport(0, 0, window_->framebuffer_width(), window_->framebuffer_height());
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void WebApp::draw_sign_in(double frame_begin) {
    (void)sign_in_.poll();  // a refusal's message
    const bool first = !sign_in_shown_;
    if (!first && !pacer_.should_draw(frame_begin, sign_in_.busy())) return;
    render([this] {
        if (ui::draw_sign_in(sign_in_)) sign_in_.submit(transport_);
    });
    pacer_.drew(emscripten_get_now());
    if (first) {
        sign_in_shown_ = true;
        page::app_ready();
    }
}

void WebApp::draw(double frame_begin) {
    drawn_unsaved_ = app_->has_unsaved_changes();
    double ui_ms = 0;
    render([&] {
        const double ui_begin = emscripten_get_now();
        touch_.apply_scroll();
        ui::draw(*app_, page::now_ms());
        ui_ms = emscripten_get_now() - ui_begin;
    });
    // What is typed and not saved reaches IndexedDB a moment after it is typed
    // (flush() writes it at once when the page is hidden or closed).
    if (frame_begin - drafts_kept_at_ >= kKeepDraftsMs) {
        app_->keep_drafts();
        drafts_kept_at_ = frame_begin;
    }
    saver_->after_frame();
    announcer_.frame(*app_);
    const double frame_end = emscripten_get_now();
    pacer_.drew(frame_end);
    frame_stats_.add(ui_ms, frame_end - frame_begin);
    if (startup_.first_frame_ms == 0) {
        startup_.first_frame_ms = frame_end;
        page::app_ready();
    }
}

void WebApp::flush() {
    if (!app_) return;
    // Input is handled by frames, and a hidden page gets no more of them: a
    // Ctrl+S pressed just before the tab was closed or switched away would wait
    // in ImGui's queue and go with the page. Draw now until the queue is empty
    // (ImGui takes a key's down and up in separate frames; a few suffice).
    for (int i = 0; i < 4 && !ImGui::GetCurrentContext()->InputEventsQueue.empty(); ++i)
        draw(emscripten_get_now());
    app_->keep_drafts();
    saver_->flush();
}

std::string WebApp::stats_json() const {
    nlohmann::json saves = nullptr;
    if (saver_) {
        const auto& s = saver_->stats();
        saves = {{"persists", s.persists},
                 {"failures", s.failures},
                 {"last_ms", s.last_ms},
                 {"max_ms", s.max_ms},
                 {"mean_ms", s.persists ? s.total_ms / s.persists : 0.0},
                 {"last_error", s.last_error},
                 {"unsaved", app_->has_unsaved_changes()}};
    }
    const nlohmann::json startup = {{"main_ms", startup_.main_ms},
                                    {"storage_loaded_ms", startup_.storage_loaded_ms},
                                    {"app_opened_ms", startup_.app_opened_ms},
                                    {"open_took_ms", startup_.open_took_ms},
                                    {"first_frame_ms", startup_.first_frame_ms}};
    return nlohmann::json{{"startup", startup},
                          {"frames", frame_stats_.to_json()},
                          {"saves", saves}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hotline::web
