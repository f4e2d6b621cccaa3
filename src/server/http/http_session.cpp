// One connection of the HTTP server (http_session.hpp).
#include "server/http/http_session.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include "server/http/client_address.hpp"
#include "server/http/gzip.hpp"
#include "server/http/static_files.hpp"
#include "server/http/url_codec.hpp"

namespace hotline::server::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kApiPrefix = "/api/v1";
// After refusing a request we could not read whole, how long we keep draining what the peer
// still sends: closing with unread input makes the kernel send a reset, which can destroy
// our answer in the peer's receive buffer before it reads it.
constexpr std::chrono::seconds kLingerTime{2};
// While parked, the peer may pipeline its next request; past this much we stop watching.
constexpr std::size_t kMaxWatchedBytes = 64 * 1024;

std::string error_body(std::string code, std::string message) {
    return protocol::encode_error_reply({make_error(std::move(code), std::move(message)), std::nullopt});
}

bool iequals_prefix(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(text[i]) != lower(prefix[i])) return false;
    }
    return true;
}

// Beast 1.74 has its own string_view type.
std::string_view sv(beast::string_view text) { return {text.data(), text.size()}; }
beast::string_view sv_beast(std::string_view text) { return {text.data(), text.size()}; }

std::string bearer_token(std::string_view authorization) {
    if (!iequals_prefix(authorization, "bearer ")) return {};
    std::string_view token = authorization.substr(7);
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    return std::string(token);
}

// "/api/v1" and everything under it, not "/api/v1x".
bool is_api_path(std::string_view path) {
    return path == kApiPrefix || (path.size() > kApiPrefix.size() && path.substr(0, kApiPrefix.size()) == kApiPrefix &&
                                  path[kApiPrefix.size()] == '/');
}

}  // namespace

Session::Session(tcp::socket socket, ServerCore& core)
    : stream_(std::move(socket)), core_(core), wait_timer_(stream_.get_executor()) {
    beast::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ = peer.address();
    peer_text_ = ec ? std::string("-") : peer_.to_string();
    client_ = peer_text_;
    core_.sessions.insert(this);
}

Session::~Session() {
    core_.set_parked(this, false);
    core_.sessions.erase(this);
    if (core_.on_session_closed) core_.on_session_closed();
}

void Session::start() { read_header(); }

// --- Reading ---------------------------------------------------------------------------

void Session::read_header() {
    state_ = State::awaiting_request;
    ++request_id_;
    deadline_set_ = false;
    head_ = false;
    log_method_ = "-";
    log_path_ = "-";
    route_label_ = "unrouted";
    log_bytes_ = 0;
    client_ = peer_text_;  // until this request's header names another (trusted proxies)
    started_ = std::chrono::steady_clock::now();
    parser_.emplace();
    // Set before the header is read: Beast then refuses a Content-Length over the limit while
    // parsing the header, so not one byte of an oversized body is read.
    body_limit_ = core_.settings.max_body_bytes;
    parser_->body_limit(static_cast<std::uint64_t>(body_limit_));
    parser_->header_limit(16 * 1024);
    stream_.expires_after(core_.settings.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void Session::on_header(beast::error_code ec) {
    if (state_ == State::closed) return;
    started_ = std::chrono::steady_clock::now();
    const auto& request = parser_->get();
    log_method_ = request.method_string().empty() ? std::string("-") : std::string(sv(request.method_string()));
    log_path_ = request.target().empty() ? std::string("-") : std::string(split_target(sv(request.target())).path);
    if (ec) {
        on_body(ec);  // same classification of failures
        return;
    }
    keep_alive_ = request.keep_alive();
    head_ = request.method() == bhttp::verb::head;
    if (const std::size_t limit = api_body_limit(request); limit < body_limit_) {
        // The handler wants less for this path: a declared length over it is refused now,
        // a chunked body once it passes it (Beast counts chunks against the parser's limit).
        body_limit_ = limit;
        if (parser_->content_length().value_or(0) > limit) {
            on_body(bhttp::error::body_limit);
            return;
        }
        parser_->body_limit(static_cast<std::uint64_t>(limit));
    }
    if (parser_->is_done()) {
        route();
        return;
    }
    state_ = State::reading_body;
    const auto expect = sv(request[bhttp::field::expect]);
    if (iequals_prefix(expect, "100-continue") && expect.size() == 12) {
        // curl and others wait (a second, for curl) for this before sending a large body.
        auto interim = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, request.version());
        stream_.expires_after(core_.settings.io_timeout);
        bhttp::async_write(stream_, *interim, [self = shared_from_this(), interim](beast::error_code wec, std::size_t) {
            if (wec) {
                self->close();
            } else {
                self->read_body();
            }
        });
        return;
    }
    read_body();
}

void Session::read_body() {
    if (state_ == State::closed) return;
    stream_.expires_after(core_.settings.io_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
}

void Session::on_body(beast::error_code ec) {
    if (state_ == State::closed) return;
    if (!ec) {
        route();
        return;
    }
    const auto& http_category = bhttp::make_error_code(bhttp::error::end_of_stream).category();
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec.category() != http_category) {
        // The peer closed, reset or timed out: nobody to answer.
        close();
        return;
    }
    keep_alive_ = false;
    if (ec == bhttp::error::body_limit) {
        send_json(413, error_body("body_too_large", "the request body is over the limit of " +
                                  std::to_string(body_limit_) + " bytes"), true);
        return;
    }
    send_json(400, error_body("bad_request", "malformed HTTP request: " + ec.message()), true);
}

// --- Routing ---------------------------------------------------------------------------

std::size_t Session::api_body_limit(const Request& request) const {
    const auto path = split_target(sv(request.target())).path;
    if (!is_api_path(path)) return core_.settings.max_body_bytes;
    return core_.handler.body_limit(path.substr(kApiPrefix.size())).value_or(core_.settings.max_body_bytes);
}

void Session::route() {
    const Request& request = parser_->get();
    std::string forwarded_for;
    const auto [first, last] = request.equal_range("X-Forwarded-For");
    for (auto field = first; field != last; ++field) {
        if (!forwarded_for.empty()) forwarded_for += ", ";
        forwarded_for += sv(field->value());
    }
    if (peer_text_ != "-") client_ = client_address(peer_, forwarded_for, core_.trusted_proxies);
    gzip_ok_ = accepts_gzip(sv(request[bhttp::field::accept_encoding]));
    const auto path = split_target(sv(request.target())).path;
    if (path == kMetricsPath) {
        route_label_ = kMetricsPath;
        serve_metrics(request);
    } else if (is_api_path(path)) {
        route_label_ = core_.handler.route_label(path.substr(kApiPrefix.size()));
        serve_api(parser_->get());
    } else {
        route_label_ = "static";
        serve_static(request);
    }
}

void Session::serve_metrics(const Request& request) {
    if (request.method() != bhttp::verb::get) {
        send_json(405, error_body("method_not_allowed", "GET only"));
        return;
    }
    boost::system::error_code ec;
    const auto client = asio::ip::make_address(client_, ec);
    if (ec || std::find(core_.metrics_allowed.begin(), core_.metrics_allowed.end(), client) == core_.metrics_allowed.end()) {
        send_json(403, error_body("forbidden", "/metrics is answered only to the addresses the server allows"));
        return;
    }
    send_body(200, kMetricsContentType.data(), core_.render_metrics(), false, false);
}

void Session::serve_api(const Request& request) {
    const auto [path, query] = split_target(sv(request.target()));
    auto decoded_path = percent_decode(path.substr(kApiPrefix.size()), false);
    auto decoded_query = parse_query(query);
    if (!decoded_path || !decoded_query) {
        send_json(400, error_body("bad_request", "malformed percent-encoding in the request target"));
        return;
    }
    api_request_ = ApiRequest{};
    api_request_.method = std::string(sv(request.method_string()));
    api_request_.path = std::move(*decoded_path);
    api_request_.query = std::move(*decoded_query);
    api_request_.bearer_token = bearer_token(sv(request[bhttp::field::authorization]));
    api_request_.body = std::move(parser_->get().body());
    api_request_.client_address = client_;
    api_request_.accepts_raw_json = true;
    api_request_.runs_background = true;
    api_request_.accepts_gzip = gzip_ok_;
    ask_handler(false);
}

void Session::ask_handler(bool timed_out) {
    core_.set_parked(this, false);
    api_request_.wait_timed_out = timed_out;
    ApiResponse response;
    try {
        response = core_.handler.handle(api_request_);
    } catch (const std::exception&) {
        // The application should not throw; if it does, this request fails, not the server.
        response = api_error(500, "internal_error", "the server failed to answer this request");
    } catch (...) {
        response = api_error(500, "internal_error", "the server failed to answer this request");
    }
    answer(std::move(response), timed_out);
}

void Session::run_in_background(std::function<ApiContinuation()> work) {
    if (core_.background_queued >= core_.settings.max_background_queue) {
        answer(api_error(503, "server_busy", "The server is busy; try again in a moment."), false);
        return;
    }
    state_ = State::working;
    ++core_.background_queued;
    // The work guard keeps the io thread running (even while stopping) until the
    // continuation has been posted back to it.
    asio::post(*core_.workers, [self = shared_from_this(), work = std::move(work),
                                guard = asio::make_work_guard(*core_.ioc)]() mutable {
        ApiContinuation finish;
        try {
            finish = work();
        } catch (...) {
            finish = [] { return api_error(500, "internal_error", "the server failed to answer this request"); };
        }
        asio::post(*self->core_.ioc, [self, finish = std::move(finish)] {
            --self->core_.background_queued;
            if (self->state_ == State::closed) return;
            ApiResponse response;
            try {
                response = finish();
            } catch (...) {
                response = api_error(500, "internal_error", "the server failed to answer this request");
            }
            self->answer(std::move(response), false);
        });
    });
}

void Session::answer(ApiResponse response, bool timed_out) {
    if (response.background) {
        run_in_background(std::move(response.background));
        return;
    }
    if (response.wait && !timed_out) {
        if (core_.stopping) {
            ask_handler(true);  // shutting down: answer parked polls at once
        } else {
            park(*response.wait);
        }
        return;
    }
    // Answering: the poll (if it was one) is over.
    wait_timer_.cancel();
    if (watching_) stream_.cancel();  // on_watch() starts the next read once it has returned
    if (response.status < 100 || response.status > 599) {
        response = api_error(500, "internal_error", "the application answered an invalid status");
    }
    if (response.status == 204) {
        auto reply = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::no_content, 11);
        reply->set(bhttp::field::cache_control, "no-store");
        send(std::move(reply), false);
        return;
    }
    if (!response.octets.empty()) {
        send_body(response.status, "application/octet-stream", std::move(response.octets), false,
                  response.octets_gzipped);
        return;
    }
    if (!response.raw_json.empty()) {
        send_json(response.status, std::move(response.raw_json));
        return;
    }
    // The handler's strings come from clients: replace invalid UTF-8 rather than throw.
    send_json(response.status, response.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// --- Long polls --------------------------------------------------------------------------

void Session::park(std::chrono::milliseconds wait) {
    state_ = State::parked;
    core_.set_parked(this, true);
    const auto wanted = std::chrono::steady_clock::now() + std::max(wait, std::chrono::milliseconds(0));
    if (!deadline_set_ || wanted < deadline_) deadline_ = wanted;
    deadline_set_ = true;
    wait_timer_.expires_at(deadline_);
    wait_timer_.async_wait([self = shared_from_this(), id = request_id_](beast::error_code ec) {
        // A timer that fired just before it was cancelled still runs: check it is ours.
        if (ec || self->state_ != State::parked || self->request_id_ != id) return;
        self->ask_handler(true);
    });
    stream_.expires_never();  // the poll's own deadline governs now
    if (!watching_) watch_peer();
}

void Session::watch_peer() {
    if (buffer_.size() >= kMaxWatchedBytes) return;
    watching_ = true;
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
        self->on_watch(ec, n);
    });
}

void Session::on_watch(beast::error_code ec, std::size_t bytes) {
    watching_ = false;
    buffer_.commit(bytes);  // a pipelined request stays in the buffer for the next parser
    if (state_ == State::closed || state_ == State::lingering) return;
    if (state_ == State::parked) {
        if (ec) {
            // The peer went away while waiting: nothing to answer, log it the nginx way.
            core_.set_parked(this, false);
            wait_timer_.cancel();
            log_bytes_ = 0;
            write_log(499);
            close();
        } else {
            watch_peer();
        }
        return;
    }
    if (read_after_watch_) {
        read_after_watch_ = false;
        if (ec && ec != asio::error::operation_aborted) {
            close();
        } else {
            read_header();
        }
    }
}

void Session::on_changed() {
    if (state_ != State::parked) return;
    api_request_.wait_resumed = true;
    ask_handler(false);
}

void Session::on_server_stopping() {
    if (state_ == State::awaiting_request) {
        close();  // idle keep-alive connection: nothing in flight
    } else if (state_ == State::parked) {
        ask_handler(true);
    }
    // Reading, working in the background or writing: that request finishes first.
}

void Session::force_close() { close(); }

// --- Static files ------------------------------------------------------------------------

void Session::serve_static(const Request& request) {
    if (request.method() != bhttp::verb::get && request.method() != bhttp::verb::head) {
        auto reply = std::make_shared<bhttp::response<bhttp::string_body>>(bhttp::status::method_not_allowed, 11);
        reply->set(bhttp::field::allow, "GET, HEAD");
        reply->set(bhttp::field::content_type, "text/plain; charset=utf-8");
        reply->body() = "method not allowed\n";
        reply->prepare_payload();
        send(std::move(reply), false);
        return;
    }
    const auto found = resolve_site_file(core_.settings.site_dir, split_target(sv(request.target())).path);
    if (found.outcome == SiteLookup::refused) {
        send_text(400, "bad path\n");
        return;
    }
    bhttp::file_body::value_type body;
    beast::error_code ec;
    if (found.outcome == SiteLookup::found) body.open(found.real.c_str(), beast::file_mode::scan, ec);
    if (found.outcome != SiteLookup::found || ec) {
        send_text(404, "not found\n");
        return;
    }
    // file_body streams the file in pieces: a 10 MB wasm file is never held in memory.
    auto reply = std::make_shared<bhttp::response<bhttp::file_body>>(bhttp::status::ok, 11);
    reply->set(bhttp::field::content_type, std::string(content_type_for(found.file)));
    reply->set(bhttp::field::cache_control,
               std::string(cache_control_for(found.file, split_target(sv(request.target())).query)));
    reply->body() = std::move(body);
    reply->prepare_payload();
    send(std::move(reply), false);
}

// --- Writing -----------------------------------------------------------------------------

void Session::send_json(int status, std::string body, bool fatal) {
    send_body(status, "application/json", std::move(body), fatal, false);
}

void Session::send_body(int status, const char* content_type, std::string body, bool fatal, bool gzipped) {
    auto reply = std::make_shared<bhttp::response<bhttp::string_body>>();
    reply->version(11);
    reply->result(static_cast<unsigned>(status));
    reply->set(bhttp::field::content_type, content_type);
    reply->set(bhttp::field::cache_control, "no-store");
    reply->set(bhttp::field::vary, "Accept-Encoding");
    if (gzipped) {
        reply->set(bhttp::field::content_encoding, "gzip");
    } else if (gzip_ok_ && body.size() >= kGzipMinBytes) {
        if (std::string packed = gzip(body); !packed.empty()) {
            reply->set(bhttp::field::content_encoding, "gzip");
            body = std::move(packed);
        }
    }
    reply->body() = std::move(body);  // a pull page is megabytes: never copied
    reply->prepare_payload();
    send(std::move(reply), fatal);
}

void Session::send_text(int status, std::string_view body, bool fatal) {
    auto reply = std::make_shared<bhttp::response<bhttp::string_body>>();
    reply->version(11);
    reply->result(static_cast<unsigned>(status));
    reply->set(bhttp::field::content_type, "text/plain; charset=utf-8");
    reply->body() = std::string(body);
    reply->prepare_payload();
    send(std::move(reply), fatal);
}

template <class Response>
void Session::send(std::shared_ptr<Response> response, bool fatal) {
    const bool close_after = fatal || !keep_alive_ || core_.stopping;
    response->keep_alive(!close_after);
    response->set(bhttp::field::server, "hotline");
    for (const auto& [name, value] : security_headers()) response->set(sv_beast(name), sv_beast(value));
    log_status_ = static_cast<int>(response->result_int());
    state_ = State::writing;
    stream_.expires_after(core_.settings.io_timeout);
    auto done = [self = shared_from_this(), close_after, fatal](beast::error_code ec, std::size_t) {
        self->on_write(ec, close_after, fatal);
    };
    if (head_) {
        // HEAD: the same header (Content-Length included), no body.
        auto header_only = std::make_shared<bhttp::response<bhttp::empty_body>>();
        header_only->base() = response->base();
        log_bytes_ = 0;
        response_ = header_only;
        bhttp::async_write(stream_, *header_only, std::move(done));
        return;
    }
    log_bytes_ = response->payload_size().value_or(0);
    response_ = response;
    bhttp::async_write(stream_, *response, std::move(done));
}

void Session::on_write(beast::error_code ec, bool close_after, bool fatal) {
    response_.reset();
    write_log(ec ? 499 : log_status_);
    if (state_ == State::closed) return;
    if (ec) {
        close();
    } else if (fatal) {
        linger_then_close();
    } else if (close_after || core_.stopping) {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        close();
    } else if (watching_) {
        state_ = State::awaiting_request;
        read_after_watch_ = true;
    } else {
        read_header();
    }
}

void Session::linger_then_close() {
    state_ = State::lingering;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTime);  // one deadline for the whole drain
    drain(std::make_shared<std::array<char, 4096>>());
}

void Session::drain(std::shared_ptr<std::array<char, 4096>> scratch) {
    stream_.async_read_some(asio::buffer(*scratch), [self = shared_from_this(), scratch](beast::error_code ec, std::size_t) {
        if (ec || self->state_ != State::lingering) {
            self->close();
        } else {
            self->drain(scratch);
        }
    });
}

void Session::close() {
    if (state_ == State::closed) return;
    state_ = State::closed;
    core_.set_parked(this, false);
    wait_timer_.cancel();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
}

void Session::write_log(int status) {
    RequestLogEntry entry;
    entry.time = std::chrono::system_clock::now();
    entry.method = log_method_;
    entry.path = log_path_;
    entry.status = status;
    entry.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    core_.metrics.record(route_label_, status, entry.duration_ms / 1000);
    entry.bytes = log_bytes_;
    entry.client = client_;
    try {
        core_.settings.log(format_log_line(entry));
    } catch (...) {
        // A failing log sink must not take the connection down with it.
    }
}

}  // namespace hotline::server::http
