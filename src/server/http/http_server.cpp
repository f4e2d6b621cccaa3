// The HTTP server: acceptor, io thread, notifications and graceful stop (http_server.hpp).
#include "server/http/http_server.hpp"

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "server/http/client_address.hpp"
#include "server/http/http_session.hpp"
#include "server/http/server_core.hpp"

namespace hotline::server::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

const std::vector<std::pair<std::string_view, std::string_view>>& security_headers() {
    static const std::vector<std::pair<std::string_view, std::string_view>> kHeaders = {
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
         "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'none'; frame-ancestors 'none'"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Content-Type-Options", "nosniff"},
    };
    return kHeaders;
}

struct HttpServer::Impl {
    Impl(HttpServerSettings settings, ApiHandler& handler)
        : core(std::move(settings), handler), workers(std::max<std::size_t>(1, core.settings.worker_threads)) {
        if (!core.settings.log) core.settings.log = stderr_log_sink();
        core.ioc = &ioc;
        core.workers = &workers;
    }

    // Declared before the io_context, so it outlives it: destroying the io_context destroys
    // the handlers it still holds, and with them sessions that unregister from core.
    ServerCore core;
    asio::io_context ioc{1};
    tcp::acceptor acceptor{ioc};
    asio::steady_timer accept_retry{ioc};
    asio::steady_timer grace_timer{ioc};
    asio::steady_timer tick_timer{ioc};
    std::thread thread;
    std::atomic<std::uint16_t> port{0};
    std::mutex lifecycle;
    bool started = false;
    bool stopped = false;
    // Declared after the io_context, so destroyed (joined) before it: a job finishing late
    // still finds the io_context to post its continuation to. Jobs hold work on the
    // io_context, so run() does not return while one is out.
    asio::thread_pool workers;

    // Sessions as owners, so that one closing while we walk the set stays valid.
    std::vector<std::shared_ptr<Session>> snapshot(const std::unordered_set<Session*>& set) {
        std::vector<std::shared_ptr<Session>> list;
        for (Session* session : set) {
            if (auto owned = session->weak_from_this().lock()) list.push_back(std::move(owned));
        }
        return list;
    }

    void accept() {
        acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
            if (core.stopping) return;
            if (ec) {
                // Out of descriptors and the like: try again shortly rather than spin.
                accept_retry.expires_after(std::chrono::milliseconds(50));
                accept_retry.async_wait([this](boost::system::error_code wait_ec) {
                    if (!wait_ec && !core.stopping) accept();
                });
                return;
            }
            boost::system::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);  // small JSON replies: no Nagle delay
            std::make_shared<Session>(std::move(socket), core)->start();
            accept();
        });
    }

    void schedule_tick() {
        if (core.settings.tick_interval.count() <= 0) return;
        tick_timer.expires_after(core.settings.tick_interval);
        tick_timer.async_wait([this](boost::system::error_code ec) {
            if (ec || core.stopping) return;
            core.handler.tick();
            schedule_tick();
        });
    }

    void notify() {
        for (auto& session : snapshot(core.parked)) session->on_changed();
    }

    void begin_shutdown() {
        if (core.stopping) return;
        core.stopping = true;
        boost::system::error_code ignored;
        acceptor.close(ignored);
        accept_retry.cancel();
        tick_timer.cancel();
        // Once the last connection is gone nothing is left in the io_context and run()
        // returns; the grace timer is the only other work, so it is cancelled then.
        core.on_session_closed = [this] {
            if (core.sessions.empty()) grace_timer.cancel();
        };
        for (auto& session : snapshot(core.sessions)) session->on_server_stopping();
        if (core.sessions.empty()) return;
        grace_timer.expires_after(core.settings.shutdown_grace);
        grace_timer.async_wait([this](boost::system::error_code ec) {
            if (ec) return;
            for (auto& session : snapshot(core.sessions)) session->force_close();
        });
    }

    void run() {
        for (;;) {
            try {
                ioc.run();
                return;
            } catch (const std::exception&) {
                // A handler threw past every guard: keep serving the other connections.
            }
        }
    }
};

HttpServer::HttpServer(HttpServerSettings settings, ApiHandler& handler)
    : impl_(std::make_unique<Impl>(std::move(settings), handler)) {}

HttpServer::~HttpServer() { stop(); }

Outcome HttpServer::start() {
    std::lock_guard lock(impl_->lifecycle);
    if (impl_->started) return make_error("already_started", "the HTTP server was already started");
    const auto& settings = impl_->core.settings;
    auto proxies = parse_addresses(settings.trusted_proxies);
    if (!proxies) return proxies.error();
    impl_->core.trusted_proxies = std::move(*proxies);
    auto metrics_allowed = parse_addresses(settings.metrics_allow);
    if (!metrics_allowed) return metrics_allowed.error();
    impl_->core.metrics_allowed = std::move(*metrics_allowed);
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(settings.listen_address, ec);
    if (ec) return make_error("bad_address", "not an IP address: '" + settings.listen_address + "'");
    const tcp::endpoint endpoint{address, settings.port};
    const std::string where = settings.listen_address + ":" + std::to_string(settings.port);
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        boost::system::error_code ignored;
        acceptor.close(ignored);
        return make_error("listen_failed", "cannot listen on " + where + ": " + ec.message());
    }
    impl_->port = acceptor.local_endpoint(ec).port();
    impl_->started = true;
    impl_->accept();
    impl_->schedule_tick();
    impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
    return Outcome::success();
}

std::uint16_t HttpServer::port() const { return impl_->port.load(); }

void HttpServer::notify_changed() {
    asio::post(impl_->ioc, [impl = impl_.get()] { impl->notify(); });
}

void HttpServer::stop() {
    {
        std::lock_guard lock(impl_->lifecycle);
        if (!impl_->started || impl_->stopped) return;
        impl_->stopped = true;
    }
    asio::post(impl_->ioc, [impl = impl_.get()] { impl->begin_shutdown(); });
    // From the io thread itself we can only start the shutdown; joining would deadlock.
    if (impl_->thread.get_id() == std::this_thread::get_id()) return;
    if (impl_->thread.joinable()) impl_->thread.join();
}

std::size_t HttpServer::parked_requests() const { return impl_->core.parked_count.load(); }

}  // namespace hotline::server::http
