// Blocking HTTP client (http_client.hpp). Each step is an asynchronous Beast operation run to
// completion on a private io_context: that is how tcp_stream's timeouts apply, which the
// blocking socket calls do not have.
#include "server/http/http_client.hpp"

#include <cctype>
#include <limits>
#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace hotline::server::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

Error network_error(beast::error_code ec, std::string_view step) {
    if (ec == beast::error::timeout) return make_error("timeout", std::string(step) + ": timed out");
    if (ec == asio::error::connection_refused || ec == asio::error::host_not_found) {
        return make_error("connection_failed", std::string(step) + ": " + ec.message());
    }
    const auto& http_category = bhttp::make_error_code(bhttp::error::end_of_stream).category();
    if (ec.category() == http_category && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
        return make_error("bad_reply", std::string(step) + ": " + ec.message());
    }
    return make_error("network_error", std::string(step) + ": " + ec.message());
}

}  // namespace

std::string HttpReply::header(std::string_view name) const {
    const auto found = headers.find(lower(name));
    return found == headers.end() ? std::string() : found->second;
}

struct HttpClient::Impl {
    std::string host;
    std::uint16_t port;
    std::chrono::milliseconds timeout;
    asio::io_context ioc{1};
    std::optional<beast::tcp_stream> stream;
    beast::flat_buffer buffer;
    std::size_t connections = 0;

    // Runs the operation started just before until it completes.
    void run() {
        ioc.restart();
        ioc.run();
    }

    void drop() {
        if (stream) {
            beast::error_code ignored;
            stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
            stream->close();
        }
        stream.reset();
        buffer.clear();
    }

    std::optional<Error> connect() {
        beast::error_code ec;
        tcp::resolver resolver(ioc);
        const auto endpoints = resolver.resolve(host, std::to_string(port), ec);
        if (ec) return network_error(ec, "resolve " + host);
        stream.emplace(ioc);
        stream->expires_after(timeout);
        stream->async_connect(endpoints, [&ec](beast::error_code e, const tcp::endpoint&) { ec = e; });
        run();
        if (ec) {
            drop();
            return network_error(ec, "connect to " + host + ":" + std::to_string(port));
        }
        beast::error_code ignored;
        stream->socket().set_option(tcp::no_delay(true), ignored);
        ++connections;
        return std::nullopt;
    }

    Result<HttpReply> attempt(std::string_view method, std::string_view target, std::string_view body,
                              std::string_view token) {
        bhttp::request<bhttp::string_body> request;
        const auto verb = bhttp::string_to_verb(beast::string_view(method.data(), method.size()));
        if (verb == bhttp::verb::unknown) {
            request.method_string(beast::string_view(method.data(), method.size()));
        } else {
            request.method(verb);
        }
        request.target(beast::string_view(target.data(), target.size()));
        request.version(11);
        request.set(bhttp::field::host, host + ":" + std::to_string(port));
        request.set(bhttp::field::user_agent, "hotline-http-client");
        if (!token.empty()) request.set(bhttp::field::authorization, "Bearer " + std::string(token));
        if (!body.empty()) {
            request.set(bhttp::field::content_type, "application/json");
            request.body() = std::string(body);
        }
        request.keep_alive(true);
        request.prepare_payload();

        beast::error_code write_ec;
        stream->expires_after(timeout);
        bhttp::async_write(*stream, request, [&write_ec](beast::error_code e, std::size_t) { write_ec = e; });
        run();
        if (write_ec == beast::error::timeout) return network_error(write_ec, "send request");
        // Even when the write failed, read: a server that refuses a body early (413) answers
        // and closes before taking it all, and that answer is what the caller needs.

        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(std::numeric_limits<std::uint64_t>::max());
        if (verb == bhttp::verb::head) parser.skip(true);  // a HEAD reply announces a body it does not carry
        beast::error_code read_ec;
        stream->expires_after(timeout);
        bhttp::async_read(*stream, buffer, parser, [&read_ec](beast::error_code e, std::size_t) { read_ec = e; });
        run();
        if (read_ec) return network_error(write_ec ? write_ec : read_ec, write_ec ? "send request" : "read reply");

        auto& message = parser.get();
        HttpReply reply;
        reply.status = static_cast<int>(message.result_int());
        reply.body = std::move(message.body());
        for (const auto& field : message) {
            auto& value = reply.headers[lower(std::string_view(field.name_string().data(), field.name_string().size()))];
            if (!value.empty()) value += ", ";
            value.append(field.value().data(), field.value().size());
        }
        if (!message.keep_alive()) drop();
        return reply;
    }
};

HttpClient::HttpClient(std::string host, std::uint16_t port, std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>()) {
    impl_->host = std::move(host);
    impl_->port = port;
    impl_->timeout = timeout;
}

HttpClient::~HttpClient() { impl_->drop(); }

Result<HttpReply> HttpClient::request(std::string_view method, std::string_view target, std::string_view body,
                                      std::string_view bearer_token) {
    try {
        const bool reused = impl_->stream.has_value();
        if (!reused) {
            if (auto error = impl_->connect()) return *error;
        }
        auto reply = impl_->attempt(method, target, body, bearer_token);
        if (reply.ok()) return reply;
        impl_->drop();
        if (!reused || reply.error().code == "timeout") return reply;
        // The kept-alive connection had been closed by the server: once more, fresh.
        if (auto error = impl_->connect()) return *error;
        auto retried = impl_->attempt(method, target, body, bearer_token);
        if (!retried.ok()) impl_->drop();
        return retried;
    } catch (const std::exception& e) {
        // Allocation failures and the like: still an error value, never an exception.
        impl_->drop();
        return make_error("network_error", e.what());
    }
}

void HttpClient::set_timeout(std::chrono::milliseconds timeout) { impl_->timeout = timeout; }

void HttpClient::disconnect() { impl_->drop(); }

std::size_t HttpClient::connections_opened() const { return impl_->connections; }

}  // namespace hotline::server::http
