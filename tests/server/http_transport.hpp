// The sync engine's native transport for tests: sync::Transport over the blocking
// HttpClient, answering inside request() (the engine supports that, transport.hpp).
// Paths are sent under /api/v1. No HTTP answer (refused, reset, timeout) is a Result
// error, i.e. "offline" for the engine; any status is a Reply.
// set_port() points it at a server that came back on another port.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "server/http/http_client.hpp"
#include "sync/transport.hpp"

namespace hotline::server_test {

class HttpTransport : public sync::Transport {
public:
    explicit HttpTransport(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(10));

    sync::RequestId request(const std::string& method, const std::string& path_and_query, const std::string& body,
                            const std::string& bearer_token, Callback callback) override;

    void set_port(std::uint16_t port);
    std::size_t requests() const { return requests_; }

private:
    std::uint16_t port_;
    std::chrono::milliseconds timeout_;
    std::unique_ptr<server::http::HttpClient> client_;
    sync::RequestId next_id_ = 0;
    std::size_t requests_ = 0;
};

}  // namespace hotline::server_test
