// Internal to the HTTP layer: one accepted TCP connection, from its first request to its
// close. Reads a request (header first, so an oversized body is refused before it is read),
// routes it (/api/v1 → ApiHandler, anything else → the site folder), writes the reply and,
// with keep-alive, waits for the next one. A reply with background work waits (State::working)
// while a worker thread runs it, then its continuation gives the answer. A long poll parks the connection: a timer holds
// the deadline and a read watches for the peer going away meanwhile.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/api_handler.hpp"
#include "server/http/server_core.hpp"

namespace hotline::server::http {

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(boost::asio::ip::tcp::socket socket, ServerCore& core);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void start();
    void on_changed();         // notify_changed(): a parked poll asks the handler again
    void on_server_stopping();  // idle: close; parked: answer as timed out; busy: finish
    void force_close();         // the shutdown grace has passed

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    enum class State { awaiting_request, reading_body, working, parked, writing, lingering, closed };

    void read_header();
    void on_header(boost::beast::error_code ec);
    void read_body();
    void on_body(boost::beast::error_code ec);
    void route();
    void serve_api(const Request& request);
    void ask_handler(bool timed_out);
    void run_in_background(std::function<ApiContinuation()> work);
    void answer(ApiResponse response, bool timed_out);
    std::size_t api_body_limit(const Request& request) const;
    void park(std::chrono::milliseconds wait);
    void unpark();
    void watch_peer();
    void on_watch(boost::beast::error_code ec, std::size_t bytes);
    void serve_static(const Request& request);
    void serve_metrics(const Request& request);

    // Replies. `fatal`: the request could not be read whole; close after answering and
    // drain what the peer still sends for a moment, so our answer is not lost to a reset.
    void send_json(int status, std::string body, bool fatal = false);
    // Gzipped when the request allows it and the body is large enough (gzip.hpp), unless the
    // handler sent it `gzipped` already.
    void send_body(int status, const char* content_type, std::string body, bool fatal, bool gzipped);
    void send_text(int status, std::string_view body, bool fatal = false);
    template <class Response>
    void send(std::shared_ptr<Response> response, bool fatal);
    void on_write(boost::beast::error_code ec, bool close, bool fatal);
    void linger_then_close();
    void drain(std::shared_ptr<std::array<char, 4096>> scratch);
    void close();
    void write_log(int status);

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    ServerCore& core_;
    boost::asio::ip::address peer_;
    std::string peer_text_;  // peer_ as text, "-" when unknown
    std::string client_;  // the peer's address, or the client's behind a trusted proxy (this request)
    std::size_t body_limit_ = 0;  // of the request being read
    State state_ = State::awaiting_request;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    bool keep_alive_ = false;
    bool head_ = false;
    bool gzip_ok_ = false;  // this request's Accept-Encoding allows gzip

    // The request being answered, for the log and for asking the handler again.
    ApiRequest api_request_;
    std::string log_method_ = "-";
    std::string log_path_ = "-";
    std::string route_label_ = "unrouted";  // for GET /metrics: not read whole, or not routed yet
    std::uint64_t log_bytes_ = 0;
    int log_status_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::uint64_t request_id_ = 0;  // tells a stale long-poll timer from the current one

    boost::asio::steady_timer wait_timer_;
    std::chrono::steady_clock::time_point deadline_;
    bool deadline_set_ = false;
    bool watching_ = false;           // a read is out to notice the peer leaving while parked
    bool read_after_watch_ = false;   // the next request is read once that read has returned
    std::shared_ptr<void> response_;  // the message being written
};

}  // namespace hotline::server::http
