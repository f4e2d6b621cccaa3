// A small blocking HTTP/1.1 client (native only) over Boost.Beast: one keep-alive connection,
// re-opened when it fails. Used by the server tests, the sync client's native transport and
// the load tool. Contract: never throws; a refused connection, a timeout or a broken reply
// is a Result error ("connection_failed", "timeout", "network_error", "bad_reply").
// A request that fails on a REUSED connection (the server closed it while idle) is sent once
// more on a fresh one; the sync protocol's calls are idempotent, so this is safe. Not
// thread-safe: one client per thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hotline::server::http {

struct HttpReply {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // names in lower case; repeated ones joined by ", "

    // The header's value, or "" (name in any case).
    std::string header(std::string_view name) const;
};

class HttpClient {
public:
    // host: a name or an address ("127.0.0.1"). The timeout bounds each step (connect,
    // write, read); keep it above the longest long poll (30 s).
    HttpClient(std::string host, std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(40));
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // method: "GET", "POST", ...; target: "/api/v1/pull?cursor=3". A non-empty body is sent
    // as application/json; a non-empty token as "Authorization: Bearer <token>".
    Result<HttpReply> request(std::string_view method, std::string_view target, std::string_view body = {},
                              std::string_view bearer_token = {});

    void set_timeout(std::chrono::milliseconds timeout);
    void disconnect();

    // Connections opened so far (keep-alive working = this stays at 1).
    std::size_t connections_opened() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::server::http
