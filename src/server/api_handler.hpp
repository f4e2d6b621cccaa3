// What the HTTP layer (http_server.hpp) hands to the application and gets back.
// The HTTP layer knows nothing about incidents: it parses requests, enforces the
// body limit, serves static files, parks long polls and writes replies; the
// handler (the sync service) decides everything under /api/v1.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "protocol/error_reply.hpp"

namespace hotline::server {

struct ApiRequest {
    std::string method;                        // "GET", "POST", "PATCH", ...
    std::string path;                          // after "/api/v1", e.g. "/push", "/users/ivanova"
    std::map<std::string, std::string> query;  // decoded query parameters
    std::string bearer_token;                  // from "Authorization: Bearer ...", or empty
    std::string body;                          // raw; the handler parses it
    std::string client_address;                // for rate limiting and logs
    bool wait_timed_out = false;               // see ApiResponse::wait
    // Asked again because HttpServer::notify_changed() was called while it was parked (not
    // its first ask, not its deadline): see ApiResponse::wait.
    bool wait_resumed = false;
    // The caller writes ApiResponse::raw_json as it is (the HTTP layer). In-process callers
    // that read `body` (tests) leave it false and get every reply as a DOM.
    bool accepts_raw_json = false;
    // The caller runs ApiResponse::background off its thread (the HTTP layer's worker pool).
    // Other callers (tests) leave it false and get the finished answer from handle().
    bool runs_background = false;
    // The request's Accept-Encoding allows gzip (the HTTP layer; server/http/gzip.hpp). A
    // handler may then answer octets it keeps compressed (ApiResponse::octets_gzipped).
    bool accepts_gzip = false;
};

struct ApiResponse;
// What finishes a request after its background work: runs where handle() runs.
using ApiContinuation = std::function<ApiResponse()>;

struct ApiResponse {
    // Written out so that the {status, body, wait} initializations keep working (and
    // warning-free) with raw_json added.
    ApiResponse(int status_ = 200, nlohmann::json body_ = nullptr,
                std::optional<std::chrono::milliseconds> wait_ = std::nullopt)
        : status(status_), body(std::move(body_)), wait(wait_) {}

    int status = 200;
    nlohmann::json body;  // written as JSON; null with 204
    // Long poll: when set, the HTTP layer does not answer yet. It calls handle() again
    // with the same request when HttpServer::notify_changed() has been called, or, with
    // wait_timed_out = true, once this much time has passed.
    std::optional<std::chrono::milliseconds> wait;
    // A reply already serialized (pull, history, push): when non-empty it is the body and
    // `body` is ignored. Large replies are built as text because a DOM of thousands of
    // operations cost more to build, dump and free than the handler's own work.
    std::string raw_json;
    // A binary reply (application/octet-stream: a snapshot chunk): when non-empty it is the
    // body, and `body` and `raw_json` are ignored.
    std::string octets;
    // `octets` are gzip data already (only when the request accepts gzip): sent as they are,
    // with Content-Encoding: gzip.
    bool octets_gzipped = false;
    // Work too slow for the thread that calls handle() (a password hash takes ~0.1 s of CPU):
    // when set, the reply is not ready. The caller runs it on another thread, then calls
    // the continuation it returns on the handler's thread again; that gives the reply. It
    // works only on what it captured (copies), never on the handler's state.
    std::function<ApiContinuation()> background;
};

class ApiHandler {
public:
    virtual ~ApiHandler() = default;
    virtual ApiResponse handle(const ApiRequest& request) = 0;
    // The largest body accepted for `path` (after "/api/v1"), when lower than the server's
    // own limit: asked once the request's header is read, so a larger body is refused with
    // 413 before it is read.
    virtual std::optional<std::size_t> body_limit(std::string_view path) const {
        (void)path;
        return std::nullopt;
    }
    // Work on a timer (HttpServerSettings::tick_interval), on the thread that calls handle().
    virtual void tick() {}
    // GET /metrics (server/http/http_metrics.hpp): the label of `path` (after "/api/v1"), one
    // of a fixed set so that clients cannot make up series; then the application's own
    // families, appended to the HTTP layer's. Both on the thread that calls handle().
    virtual std::string route_label(std::string_view path) const {
        (void)path;
        return "api";
    }
    virtual void write_metrics(std::string& out) const { (void)out; }
};

// A reply computed by `work` on another thread (ApiResponse::background).
inline ApiResponse in_background(std::function<ApiContinuation()> work) {
    ApiResponse response;
    response.background = std::move(work);
    return response;
}

// A reply whose body the protocol's encoders wrote (src/protocol/).
inline ApiResponse encoded_reply(std::string json, int status = 200) {
    ApiResponse response(status);
    response.raw_json = std::move(json);
    return response;
}

// Replies in the error shape of docs/sync-protocol.md (protocol/error_reply.hpp).
inline ApiResponse api_error(int status, const protocol::ErrorReply& error) {
    return encoded_reply(protocol::encode_error_reply(error), status);
}
inline ApiResponse api_error(int status, std::string code, std::string message) {
    return api_error(status, protocol::ErrorReply{make_error(std::move(code), std::move(message)), std::nullopt});
}

}  // namespace hotline::server
