// The server's HTTP layer: Boost.Beast over one Asio io_context thread. It serves the site
// folder, hands every request under /api/v1 to the application's ApiHandler
// (server/api_handler.hpp), enforces the body limit, parks long polls and writes the log.
//
// Threading contract: start() spawns ONE io thread; ApiHandler::handle(), the continuations
// of background work and the log sink are only ever called from it, so the application may
// be single-threaded. A reply's background work (ApiResponse::background: password hashes)
// runs on a small pool of worker threads, so the io thread keeps answering meanwhile; past
// max_background_queue waiting jobs a request is answered 503 "server_busy". notify_changed()
// is safe from any thread (it posts to the io thread, so calling it from inside handle()
// resumes the parked polls after the current request). stop() must be called from another
// thread than the io thread; it is also called by the destructor.
//
// Long polls: a handler reply with `wait` parks the connection (nothing blocks). The server
// asks the handler again with the same request after each notify_changed() (wait_resumed =
// true), and once more with wait_timed_out = true at the deadline. The deadline is fixed when the request is
// first parked: a handler that asks to wait again after a notification never extends it.
// A peer that disconnects while parked is dropped and logged with status 499.
//
// Every reply carries the browser-facing security headers (security_headers below). Static
// files: index.html and sw.js "no-cache"; a file asked for with a version query ("?v=<hash>",
// how the page names the build's app.js, app.wasm, app.data) cached for a year, immutable;
// any other file "no-cache". Symlinks leading out of the site folder are not followed.
// A handler may lower the body limit per API path (ApiHandler::body_limit). GET /metrics:
// http_metrics.hpp.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "server/api_handler.hpp"
#include "server/http/request_log.hpp"

namespace hotline::server::http {

struct HttpServerSettings {
    std::string listen_address = "127.0.0.1";
    std::uint16_t port = 0;              // 0: the system picks a free port (see HttpServer::port())
    std::filesystem::path site_dir;      // static files; empty: every non-API path is 404
    std::size_t max_body_bytes = 8 * 1024 * 1024;
    std::chrono::milliseconds idle_timeout{60'000};    // keep-alive connection waiting for a request
    std::chrono::milliseconds io_timeout{120'000};     // reading one body / writing one reply
    std::chrono::milliseconds shutdown_grace{10'000};  // stop(): then remaining connections are cut
    // X-Forwarded-For is read only from these peers (server/http/client_address.hpp); empty:
    // never. Bad addresses make start() fail with "bad_address".
    std::vector<std::string> trusted_proxies;
    std::size_t worker_threads = 2;          // background work (password hashes): ~64 MiB each while hashing
    std::size_t max_background_queue = 64;   // waiting background jobs before 503 "server_busy"
    // ApiHandler::tick() runs this often on the io thread (the first time one interval after
    // start()); zero: never.
    std::chrono::milliseconds tick_interval{0};
    // GET /metrics is answered to these client addresses only (the peer's, or the client's
    // behind a trusted proxy); others get 403. Bad addresses make start() fail.
    std::vector<std::string> metrics_allow = {"127.0.0.1", "::1"};
    LogSink log;                         // empty: stderr_log_sink()
};

// Content-Security-Policy and friends, on every reply. The app's scripts are files of the
// site ('self'; no inline script); WebAssembly compilation needs 'wasm-unsafe-eval'; the
// page's own styles are in its stylesheet file, and scripts set styles through the CSSOM,
// which style-src does not govern. No framing (clickjacking), no referrer, no MIME sniffing.
const std::vector<std::pair<std::string_view, std::string_view>>& security_headers();

class HttpServer {
public:
    HttpServer(HttpServerSettings settings, ApiHandler& handler);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds, listens and starts the io thread. Errors: "bad_address", "listen_failed",
    // "already_started".
    Outcome start();

    // The bound port (the chosen one when settings.port was 0); 0 before start().
    std::uint16_t port() const;

    // The log has grown / something a parked poll may wait for changed. Any thread.
    void notify_changed();

    // Graceful: stop accepting, close idle keep-alive connections, answer parked polls at
    // once as timed out, let requests being read or written finish (at most
    // settings.shutdown_grace), then join the io thread. Idempotent.
    void stop();

    // Long polls currently parked (any thread; for tests and metrics).
    std::size_t parked_requests() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::server::http
