// Internal to the HTTP layer: the state that HttpServer shares with its connections
// (http_session.hpp). Everything here is touched from the io thread only, except
// parked_count, which HttpServer::parked_requests() reads from any thread, and the worker
// pool, which is thread-safe.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <unordered_set>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/thread_pool.hpp>

#include "server/api_handler.hpp"
#include "server/http/http_metrics.hpp"
#include "server/http/http_server.hpp"
#include "server/http/request_log.hpp"

namespace hotline::server::http {

class Session;

struct ServerCore {
    ServerCore(HttpServerSettings s, ApiHandler& h) : settings(std::move(s)), handler(h) {}

    HttpServerSettings settings;
    ApiHandler& handler;
    bool stopping = false;
    std::unordered_set<Session*> sessions;  // every open connection (registered by Session itself)
    std::unordered_set<Session*> parked;    // connections holding a long poll
    std::atomic<std::size_t> parked_count{0};
    std::function<void()> on_session_closed;  // lets a stopping server notice the last one
    std::vector<boost::asio::ip::address> trusted_proxies;  // settings.trusted_proxies, parsed
    std::vector<boost::asio::ip::address> metrics_allowed;  // settings.metrics_allow, parsed
    HttpMetrics metrics;
    boost::asio::io_context* ioc = nullptr;                 // set by HttpServer before the first session
    boost::asio::thread_pool* workers = nullptr;            // runs ApiResponse::background
    std::size_t background_queued = 0;                      // posted to the workers, not finished yet

    std::string render_metrics() const {
        return metrics.render({sessions.size(), parked.size(), background_queued},
                              [this](std::string& out) { handler.write_metrics(out); });
    }

    void set_parked(Session* session, bool is_parked) {
        if (is_parked) {
            parked.insert(session);
        } else {
            parked.erase(session);
        }
        parked_count.store(parked.size());
    }
};

}  // namespace hotline::server::http
