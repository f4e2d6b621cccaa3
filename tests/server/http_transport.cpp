#include "http_transport.hpp"

namespace hotline::server_test {

HttpTransport::HttpTransport(std::uint16_t port, std::chrono::milliseconds timeout)
    : port_(port), timeout_(timeout), client_(std::make_unique<server::http::HttpClient>("127.0.0.1", port, timeout)) {}

void HttpTransport::set_port(std::uint16_t port) {
    if (port == port_) return;
    port_ = port;
    client_ = std::make_unique<server::http::HttpClient>("127.0.0.1", port, timeout_);
}

sync::RequestId HttpTransport::request(const std::string& method, const std::string& path_and_query,
                                       const std::string& body, const std::string& bearer_token, Callback callback) {
    ++requests_;
    const sync::RequestId id = ++next_id_;
    auto reply = client_->request(method, "/api/v1" + path_and_query, body, bearer_token);
    if (!reply) {
        callback(reply.error());
    } else {
        callback(sync::Reply{reply->status, std::move(reply->body)});
    }
    return id;
}

}  // namespace hotline::server_test
