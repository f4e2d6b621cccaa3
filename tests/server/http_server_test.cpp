// The HTTP layer against real sockets on 127.0.0.1 (port 0): static files, API routing,
// body limit, malformed requests, long polls, keep-alive, graceful stop and the access log.
// TestApi stands for the application (the sync service): it knows just enough paths to
// exercise the contract of server/api_handler.hpp. No timing assertions beyond generous
// timeouts: the machine is shared.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <nlohmann/json.hpp>

#include "server/api_handler.hpp"
#include "server/http/http_client.hpp"
#include "server/http/http_server.hpp"
#include "server_test_support.hpp"

namespace {

using namespace std::chrono_literals;
using hotline::server::ApiHandler;
using hotline::server::ApiRequest;
using hotline::server::ApiResponse;
using hotline::server::http::HttpClient;
using hotline::server::http::HttpServer;
using hotline::server::http::HttpServerSettings;
using nlohmann::json;

// The application stand-in. handle() runs on the server's io thread; the test thread only
// reads the atomics and the mutex-guarded copies.
class TestApi : public ApiHandler {
public:
    std::atomic<int> head{0};
    std::atomic<bool> slow_started{false};
    std::atomic<int> calls{0};

    std::atomic<bool> hash_started{false};

    std::optional<std::size_t> body_limit(std::string_view path) const override {
        if (path == "/small") return 16;
        return std::nullopt;
    }

    ApiResponse handle(const ApiRequest& request) override {
        ++calls;
        {
            std::lock_guard lock(mutex_);
            io_thread_ = std::this_thread::get_id();
        }
        {
            std::lock_guard lock(mutex_);
            seen_.push_back(request);
        }
        if (request.path == "/echo") {
            return {200,
                    {{"method", request.method},
                     {"path", request.path},
                     {"query", request.query},
                     {"token", request.bearer_token},
                     {"body", request.body},
                     {"client", request.client_address}},
                    std::nullopt};
        }
        if (request.path == "/nothing") return {204, nullptr, std::nullopt};
        if (request.path == "/wait") {
            const int cursor = std::stoi(request.query.at("cursor"));
            if (head > cursor) return {200, {{"head", head.load()}}, std::nullopt};
            if (request.wait_timed_out) return {200, {{"head", cursor}, {"timed_out", true}}, std::nullopt};
            return {200, nullptr, std::chrono::milliseconds(std::stoi(request.query.at("timeout_ms")))};
        }
        if (request.path == "/slow") {
            slow_started = true;
            std::this_thread::sleep_for(300ms);  // a request "in flight" on the io thread
            return {200, {{"slow", true}}, std::nullopt};
        }
        if (request.path == "/throw") throw std::runtime_error("application bug");
        if (request.path == "/small") return {200, {{"bytes", request.body.size()}}, std::nullopt};
        if (request.path == "/hash") {
            // Slow work off the io thread; its continuation runs on the io thread again.
            return hotline::server::in_background([this]() -> hotline::server::ApiContinuation {
                hash_started = true;
                std::this_thread::sleep_for(400ms);
                const auto worker = std::this_thread::get_id();
                return [this, worker] {
                    return ApiResponse{200, {{"hashed", true}, {"on_worker_thread", worker != io_thread()}}, std::nullopt};
                };
            });
        }
        return hotline::server::api_error(404, "not_found", "no such API path");
    }

    std::vector<ApiRequest> seen() {
        std::lock_guard lock(mutex_);
        return seen_;
    }

    std::thread::id io_thread() {
        std::lock_guard lock(mutex_);
        return io_thread_;
    }

private:
    std::mutex mutex_;
    std::vector<ApiRequest> seen_;
    std::thread::id io_thread_;
};

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// A site folder with one file of each served type, and a secret just outside it.
struct Site {
    std::filesystem::path root = std::filesystem::absolute("http_test_files");
    std::filesystem::path dir = root / "site";

    Site() {
        std::filesystem::remove_all(root);
        write_file(dir / "index.html", "<!doctype html><title>Hotline</title>");
        write_file(dir / "sw.js", "self.addEventListener('fetch', () => {});");
        write_file(dir / "app.js", "console.log('app');");
        write_file(dir / "app.wasm", std::string("\0asm\1\0\0\0", 8));
        write_file(dir / "app.data", "DATA");
        write_file(dir / "strings.json", "{}");
        write_file(dir / "manifest.webmanifest", "{\"name\":\"Hotline\"}");
        write_file(dir / "icon.svg", "<svg/>");
        write_file(dir / "icon.png", "\x89PNG");
        write_file(dir / "style.css", "body{}");
        write_file(dir / "docs" / "index.html", "<p>docs</p>");
        write_file(root / "secret.txt", "top secret");
    }
    ~Site() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
};

// Collects the log lines (the sink runs on the io thread).
struct LogLines {
    std::mutex mutex;
    std::vector<std::string> lines;

    hotline::server::http::LogSink sink() {
        return [this](std::string_view line) {
            std::lock_guard lock(mutex);
            lines.emplace_back(line);
        };
    }
    std::vector<std::string> copy() {
        std::lock_guard lock(mutex);
        return lines;
    }
};

struct Fixture {
    Site site;
    TestApi api;
    LogLines log;
    std::unique_ptr<HttpServer> server;

    explicit Fixture(std::size_t max_body = 8 * 1024 * 1024, std::vector<std::string> trusted_proxies = {}) {
        HttpServerSettings settings;
        settings.port = 0;
        settings.site_dir = site.dir;
        settings.max_body_bytes = max_body;
        settings.trusted_proxies = std::move(trusted_proxies);
        settings.log = log.sink();
        server = std::make_unique<HttpServer>(std::move(settings), api);
        const auto started = server->start();
        REQUIRE_MESSAGE(started.ok(), hotline::server_test::failure_text(started));
        REQUIRE(server->port() != 0);
    }

    HttpClient client() const { return HttpClient("127.0.0.1", server->port(), 20s); }
};

// Waits (generously) for a condition set by the io thread.
template <class Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds limit = 10s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (predicate()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return predicate();
}

// A raw TCP connection, for what a well-behaved client never sends. Reads time out (5 s)
// instead of hanging the test run.
struct RawConnection {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket{ioc};

    explicit RawConnection(std::uint16_t port) {
        socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
        timeval tv{5, 0};
        setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    void send(const std::string& bytes) { boost::asio::write(socket, boost::asio::buffer(bytes)); }
    // Everything until the server closes the connection (or the read timeout).
    std::string read_all() {
        std::string out;
        char chunk[4096];
        boost::system::error_code ec;
        for (;;) {
            const auto n = socket.read_some(boost::asio::buffer(chunk), ec);
            out.append(chunk, n);
            if (ec) break;
        }
        return out;
    }
};

}  // namespace

TEST_CASE("http: static files with their content types, index.html for /, 404, HEAD") {
    Fixture f;
    auto client = f.client();

    auto index = client.request("GET", "/");
    REQUIRE(index.ok());
    CHECK(index->status == 200);
    CHECK(index->body == "<!doctype html><title>Hotline</title>");
    CHECK(index->header("Content-Type") == "text/html; charset=utf-8");
    CHECK(index->header("cache-control") == "no-cache");

    const std::vector<std::pair<std::string, std::string>> types = {
        {"/index.html", "text/html; charset=utf-8"},
        {"/app.js", "text/javascript; charset=utf-8"},
        {"/app.wasm", "application/wasm"},
        {"/app.data", "application/octet-stream"},
        {"/strings.json", "application/json"},
        {"/manifest.webmanifest", "application/manifest+json"},
        {"/icon.svg", "image/svg+xml"},
        {"/icon.png", "image/png"},
        {"/style.css", "text/css; charset=utf-8"},
        {"/sw.js", "text/javascript; charset=utf-8"},
    };
    for (const auto& [path, type] : types) {
        CAPTURE(path);
        auto reply = client.request("GET", path);
        REQUIRE(reply.ok());
        CHECK(reply->status == 200);
        CHECK(reply->header("content-type") == type);
    }
    auto wasm = client.request("GET", "/app.wasm?v=3");
    REQUIRE(wasm.ok());
    CHECK(wasm->body == std::string("\0asm\1\0\0\0", 8));
    CHECK(client.request("GET", "/sw.js")->header("cache-control") == "no-cache");
    CHECK(client.request("GET", "/app.js")->header("cache-control") == "no-cache");
    CHECK(client.request("GET", "/docs/")->body == "<p>docs</p>");

    auto missing = client.request("GET", "/nope.js");
    REQUIRE(missing.ok());
    CHECK(missing->status == 404);
    CHECK(missing->header("content-type").rfind("text/plain", 0) == 0);

    auto head = client.request("HEAD", "/app.js");
    REQUIRE(head.ok());
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->header("content-length") == std::to_string(std::string("console.log('app');").size()));
    // The connection is still in step after a HEAD reply without a body.
    CHECK(client.request("GET", "/app.js")->body == "console.log('app');");

    CHECK(client.request("POST", "/index.html", "{}")->status == 405);
}

TEST_CASE("http: path traversal is refused, encoded or not") {
    Fixture f;
    for (const std::string target : {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                                     "/docs/..%2f..%2fsecret.txt", "/..\\secret.txt", "/%00index.html", "/%zz"}) {
        CAPTURE(target);
        RawConnection raw(f.server->port());
        raw.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        const std::string reply = raw.read_all();
        CHECK(reply.rfind("HTTP/1.1 ", 0) == 0);
        CHECK(reply.find("HTTP/1.1 200") == std::string::npos);
        CHECK(reply.find("top secret") == std::string::npos);
    }
}

TEST_CASE("http: a symlink in the site folder that leads outside it is not followed") {
    Fixture f;
    std::filesystem::create_directory_symlink("/", f.site.dir / "rootdir");
    std::filesystem::create_symlink(f.site.root / "secret.txt", f.site.dir / "secret.txt");
    std::filesystem::create_directory_symlink(f.site.root, f.site.dir / "up");
    // A symlink that stays inside the folder is a file like any other, wherever it points from.
    std::filesystem::create_symlink(f.site.dir / "app.js", f.site.dir / "same.js");
    auto client = f.client();
    for (const std::string target : {"/rootdir/etc/passwd", "/rootdir/etc/hostname", "/secret.txt", "/up/secret.txt",
                                     "/rootdir/"}) {
        CAPTURE(target);
        auto reply = client.request("GET", target);
        REQUIRE(reply.ok());
        CHECK(reply->status == 404);
        CHECK(reply->body.find("top secret") == std::string::npos);
        CHECK(reply->body.find("root:") == std::string::npos);
    }
    auto inside = client.request("GET", "/same.js");
    REQUIRE(inside.ok());
    CHECK(inside->status == 200);
    CHECK(inside->body == "console.log('app');");
    CHECK(client.request("GET", "/up/site/app.js")->status == 200);  // out and back in
}

TEST_CASE("http: every reply carries the security headers") {
    Fixture f(1024);
    auto client = f.client();
    std::vector<hotline::server::http::HttpReply> replies;
    for (const auto& [method, target, body] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"GET", "/", ""}, {"GET", "/app.js", ""}, {"GET", "/nope.js", ""}, {"POST", "/index.html", "{}"},
             {"GET", "/api/v1/echo", ""}, {"POST", "/api/v1/nothing", "{}"}, {"GET", "/api/v1/no/such", ""},
             {"GET", "/api/v1/throw", ""}, {"HEAD", "/app.js", ""}}) {
        auto reply = client.request(method, target, body);
        REQUIRE(reply.ok());
        replies.push_back(*reply);
    }
    auto too_big = f.client().request("POST", "/api/v1/echo", std::string(5000, 'x'));
    REQUIRE(too_big.ok());
    CHECK(too_big->status == 413);
    replies.push_back(*too_big);
    for (const auto& reply : replies) {
        CAPTURE(reply.status);
        const std::string csp = reply.header("content-security-policy");
        CHECK(csp.find("default-src 'self'") != std::string::npos);
        CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
        CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(csp.find("unsafe-inline") == std::string::npos);
        CHECK(reply.header("x-frame-options") == "DENY");
        CHECK(reply.header("referrer-policy") == "no-referrer");
        CHECK(reply.header("x-content-type-options") == "nosniff");
    }
    // Refused before anything was parsed: a raw reply carries them too.
    RawConnection raw(f.server->port());
    raw.send("this is not http\r\n\r\n");
    const std::string reply = raw.read_all();
    CHECK(reply.rfind("HTTP/1.1 400", 0) == 0);
    CHECK(reply.find("X-Frame-Options: DENY") != std::string::npos);
}

TEST_CASE("http: versioned build files are cached for a year; the page, the worker and the rest revalidate") {
    Fixture f;
    auto client = f.client();
    for (const std::string target : {"/app.js?v=0123456789abcdef", "/app.wasm?v=0123456789abcdef", "/app.data?v=1"}) {
        CAPTURE(target);
        CHECK(client.request("GET", target)->header("cache-control") == "public, max-age=31536000, immutable");
    }
    for (const std::string target : {"/", "/index.html", "/index.html?v=1", "/sw.js", "/sw.js?v=1", "/app.js",
                                     "/app.wasm", "/icon.svg", "/manifest.webmanifest", "/app.js?version=1"}) {
        CAPTURE(target);
        CHECK(client.request("GET", target)->header("cache-control") == "no-cache");
    }
}

TEST_CASE("http: X-Forwarded-For names the client only when the peer is a trusted proxy") {
    auto client_seen = [](Fixture& f, const std::string& forwarded) {
        RawConnection raw(f.server->port());
        raw.send("GET /api/v1/echo HTTP/1.1\r\nHost: x\r\n" + forwarded + "Connection: close\r\n\r\n");
        const std::string reply = raw.read_all();
        const auto body = reply.find("\r\n\r\n");
        REQUIRE(body != std::string::npos);
        return json::parse(reply.substr(body + 4))["client"].get<std::string>();
    };
    SUBCASE("not configured: ignored") {
        Fixture f;
        CHECK(client_seen(f, "X-Forwarded-For: 203.0.113.9\r\n") == "127.0.0.1");
    }
    SUBCASE("configured: the address the proxy appended, past other trusted proxies") {
        Fixture f(8 * 1024 * 1024, {"127.0.0.1", "10.0.0.2"});
        CHECK(client_seen(f, "") == "127.0.0.1");
        CHECK(client_seen(f, "X-Forwarded-For: 203.0.113.9\r\n") == "203.0.113.9");
        // Whatever the client wrote itself stays to the left of what the proxies appended.
        CHECK(client_seen(f, "X-Forwarded-For: 198.51.100.1, 203.0.113.9, 10.0.0.2\r\n") == "203.0.113.9");
        CHECK(client_seen(f, "X-Forwarded-For: 198.51.100.1\r\nX-Forwarded-For: 203.0.113.9\r\n") == "203.0.113.9");
        CHECK(client_seen(f, "X-Forwarded-For: 2001:db8::7\r\n") == "2001:db8::7");
        CHECK(client_seen(f, "X-Forwarded-For: not-an-address\r\n") == "127.0.0.1");
    }
    SUBCASE("a bad proxy address is a start-up error") {
        TestApi api;
        HttpServerSettings settings;
        settings.trusted_proxies = {"proxy.example"};
        settings.log = [](std::string_view) {};
        HttpServer server(settings, api);
        auto started = server.start();
        REQUIRE_FALSE(started.ok());
        CHECK(started.error().code == "bad_address");
    }
}

TEST_CASE("http: a handler's lower body limit for a path is enforced before the body is read") {
    Fixture f;
    auto client = f.client();
    CHECK(json::parse(client.request("POST", "/api/v1/small", "0123456789")->body)["bytes"] == 10);
    const int calls_before = f.api.calls;
    auto big = client.request("POST", "/api/v1/small", std::string(100, 'x'));
    REQUIRE(big.ok());
    CHECK(big->status == 413);
    CHECK(json::parse(big->body)["error"]["message"].get<std::string>().find("16 bytes") != std::string::npos);
    RawConnection raw(f.server->port());
    raw.send("POST /api/v1/small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" +
             std::string(0x40, 'y') + "\r\n0\r\n\r\n");
    CHECK(raw.read_all().rfind("HTTP/1.1 413", 0) == 0);
    CHECK(f.api.calls == calls_before);
    // Other paths keep the server's limit.
    CHECK(f.client().request("POST", "/api/v1/echo", std::string(100'000, 'x'))->status == 200);
}

TEST_CASE("http: background work runs off the io thread, which keeps answering meanwhile") {
    Fixture f;
    auto slow = std::async(std::launch::async, [&] { return f.client().request("POST", "/api/v1/hash", "{}"); });
    REQUIRE(eventually([&] { return f.api.hash_started.load(); }));
    auto client = f.client();
    const auto start = std::chrono::steady_clock::now();
    auto quick = client.request("GET", "/api/v1/echo");
    const auto waited = std::chrono::steady_clock::now() - start;
    REQUIRE(quick.ok());
    CHECK(quick->status == 200);
    CHECK(waited < 300ms);  // the work sleeps 400 ms
    REQUIRE(slow.wait_for(10s) == std::future_status::ready);
    auto reply = slow.get();
    REQUIRE(reply.ok());
    CHECK(json::parse(reply->body) == json{{"hashed", true}, {"on_worker_thread", true}});

    SUBCASE("stop() waits for the work in flight and answers it") {
        f.api.hash_started = false;
        auto pending = std::async(std::launch::async, [&] { return f.client().request("POST", "/api/v1/hash", "{}"); });
        REQUIRE(eventually([&] { return f.api.hash_started.load(); }));
        f.server->stop();
        REQUIRE(pending.wait_for(10s) == std::future_status::ready);
        auto answered = pending.get();
        REQUIRE(answered.ok());
        CHECK(answered->status == 200);
    }
}

TEST_CASE("http: API routing passes path, decoded query, token, body and client address") {
    Fixture f;
    auto client = f.client();
    auto reply = client.request("POST", "/api/v1/echo?cursor=17&name=Ivan%20Petrov&q=a+b", R"({"ops":[]})", "tok123");
    REQUIRE(reply.ok());
    CHECK(reply->status == 200);
    CHECK(reply->header("content-type") == "application/json");
    CHECK(reply->header("cache-control") == "no-store");
    const json body = json::parse(reply->body);
    CHECK(body["method"] == "POST");
    CHECK(body["path"] == "/echo");
    CHECK(body["query"]["cursor"] == "17");
    CHECK(body["query"]["name"] == "Ivan Petrov");
    CHECK(body["query"]["q"] == "a b");
    CHECK(body["token"] == "tok123");
    CHECK(body["body"] == R"({"ops":[]})");
    CHECK(body["client"] == "127.0.0.1");

    auto no_token = client.request("GET", "/api/v1/echo");
    REQUIRE(no_token.ok());
    CHECK(json::parse(no_token->body)["token"] == "");

    auto unknown = client.request("GET", "/api/v1/no/such/thing");
    REQUIRE(unknown.ok());
    CHECK(unknown->status == 404);
    CHECK(json::parse(unknown->body)["error"]["code"] == "not_found");

    // "/api/v1x" is not under the API: a plain file 404.
    auto outside = client.request("GET", "/api/v1x");
    REQUIRE(outside.ok());
    CHECK(outside->status == 404);
    CHECK(outside->header("content-type").rfind("text/plain", 0) == 0);

    auto nothing = client.request("POST", "/api/v1/nothing", "{}");
    REQUIRE(nothing.ok());
    CHECK(nothing->status == 204);
    CHECK(nothing->body.empty());

    // An application that throws costs one 500, not the server.
    auto thrown = client.request("GET", "/api/v1/throw");
    REQUIRE(thrown.ok());
    CHECK(thrown->status == 500);
    CHECK(json::parse(thrown->body)["error"]["code"] == "internal_error");
    CHECK(client.request("GET", "/api/v1/echo")->status == 200);
}

TEST_CASE("http: a body over the limit gets 413 without reaching the handler, and the server keeps serving") {
    Fixture f(1024);
    auto client = f.client();
    auto small = client.request("POST", "/api/v1/echo", std::string(1000, 'x'));
    REQUIRE(small.ok());
    CHECK(small->status == 200);

    const int calls_before = f.api.calls;
    auto big = client.request("POST", "/api/v1/echo", std::string(5000, 'x'));
    REQUIRE_MESSAGE(big.ok(), hotline::server_test::failure_text(big));
    CHECK(big->status == 413);
    CHECK(json::parse(big->body)["error"]["code"] == "body_too_large");
    CHECK(f.api.calls == calls_before);

    // Chunked bodies have no length up front: refused once they pass the limit.
    RawConnection raw(f.server->port());
    raw.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" +
             std::string(0x800, 'y') + "\r\n0\r\n\r\n");
    CHECK(raw.read_all().rfind("HTTP/1.1 413", 0) == 0);
    CHECK(f.api.calls == calls_before);

    auto after = client.request("GET", "/api/v1/echo");
    REQUIRE(after.ok());
    CHECK(after->status == 200);
}

TEST_CASE("http: a malformed request gets 400 and the server keeps serving") {
    Fixture f;
    {
        RawConnection raw(f.server->port());
        raw.send("this is not http\r\n\r\n");
        const std::string reply = raw.read_all();
        CHECK(reply.rfind("HTTP/1.1 400", 0) == 0);
        CHECK(reply.find("bad_request") != std::string::npos);
    }
    {
        RawConnection raw(f.server->port());
        raw.send("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n");
        CHECK(raw.read_all().rfind("HTTP/1.1 400", 0) == 0);
    }
    auto client = f.client();
    auto reply = client.request("GET", "/api/v1/echo?x=%zz");
    REQUIRE(reply.ok());
    CHECK(reply->status == 400);
    CHECK(client.request("GET", "/")->status == 200);
}

TEST_CASE("http: a long poll is answered on notify_changed, and at its timeout") {
    Fixture f;
    auto waiting = std::async(std::launch::async, [&] {
        return f.client().request("GET", "/api/v1/wait?cursor=0&timeout_ms=20000");
    });
    REQUIRE(eventually([&] { return f.server->parked_requests() == 1; }));
    // A notification that changes nothing the poll waits for keeps it parked.
    f.server->notify_changed();
    std::this_thread::sleep_for(50ms);
    CHECK(f.server->parked_requests() == 1);

    f.api.head = 5;
    f.server->notify_changed();
    REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
    auto reply = waiting.get();
    REQUIRE(reply.ok());
    CHECK(reply->status == 200);
    CHECK(json::parse(reply->body) == json{{"head", 5}});
    CHECK(f.server->parked_requests() == 0);

    // notify_changed from the io thread or any other is fine; nothing parked now.
    f.server->notify_changed();

    auto client = f.client();
    auto timed_out = client.request("GET", "/api/v1/wait?cursor=5&timeout_ms=100");
    REQUIRE(timed_out.ok());
    CHECK(json::parse(timed_out->body) == json{{"head", 5}, {"timed_out", true}});
    // The same connection carries on after a poll.
    CHECK(client.request("GET", "/api/v1/echo")->status == 200);
    CHECK(client.connections_opened() == 1);
}

TEST_CASE("http: a client that disconnects while parked is dropped cleanly") {
    Fixture f;
    {
        RawConnection raw(f.server->port());
        raw.send("GET /api/v1/wait?cursor=0&timeout_ms=30000 HTTP/1.1\r\nHost: x\r\n\r\n");
        REQUIRE(eventually([&] { return f.server->parked_requests() == 1; }));
    }  // closed here
    REQUIRE(eventually([&] { return f.server->parked_requests() == 0; }));
    REQUIRE(eventually([&] {
        for (const auto& line : f.log.copy()) {
            if (json::parse(line)["status"] == 499) return true;
        }
        return false;
    }));
    f.api.head = 1;
    f.server->notify_changed();
    CHECK(f.client().request("GET", "/api/v1/echo")->status == 200);
}

TEST_CASE("http: keep-alive carries several requests on one connection") {
    Fixture f;
    auto client = f.client();
    for (int i = 0; i < 5; ++i) {
        auto reply = client.request(i % 2 ? "GET" : "POST", i % 2 ? "/app.js" : "/api/v1/echo", i % 2 ? "" : "{}");
        REQUIRE(reply.ok());
        CHECK(reply->status == 200);
    }
    CHECK(client.connections_opened() == 1);

    // Pipelined on a raw socket: both answered, in order.
    RawConnection raw(f.server->port());
    raw.send("GET /api/v1/echo?n=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/echo?n=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const std::string both = raw.read_all();
    const auto first = both.find(R"("n":"1")");
    const auto second = both.find(R"("n":"2")");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(first < second);
}

TEST_CASE("http: the client reconnects after the server closed the connection, and reports refusals") {
    auto f = std::make_unique<Fixture>();
    auto client = f->client();
    CHECK(client.request("GET", "/")->status == 200);
    const auto port = f->server->port();
    f.reset();  // server gone
    auto refused = client.request("GET", "/");
    REQUIRE_FALSE(refused.ok());
    CHECK((refused.error().code == "connection_failed" || refused.error().code == "network_error"));

    HttpClient nobody("127.0.0.1", port, 2s);
    auto none = nobody.request("GET", "/");
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == "connection_failed");

    Fixture again;
    HttpClient client2("127.0.0.1", again.server->port(), 20s);
    CHECK(client2.request("GET", "/")->status == 200);
    client2.disconnect();
    CHECK(client2.request("GET", "/")->status == 200);
    CHECK(client2.connections_opened() == 2);
}

TEST_CASE("http: stop() finishes the request in flight and answers parked polls as timed out") {
    Fixture f;
    auto parked = std::async(std::launch::async, [&] {
        return f.client().request("GET", "/api/v1/wait?cursor=0&timeout_ms=30000");
    });
    REQUIRE(eventually([&] { return f.server->parked_requests() == 1; }));
    auto idle = f.client();
    REQUIRE(idle.request("GET", "/")->status == 200);  // an idle keep-alive connection

    auto slow = std::async(std::launch::async, [&] { return f.client().request("GET", "/api/v1/slow"); });
    REQUIRE(eventually([&] { return f.api.slow_started.load(); }));
    const auto port = f.server->port();
    f.server->stop();  // returns once everything is answered

    REQUIRE(slow.wait_for(10s) == std::future_status::ready);
    auto slow_reply = slow.get();
    REQUIRE_MESSAGE(slow_reply.ok(), hotline::server_test::failure_text(slow_reply));
    CHECK(slow_reply->status == 200);
    CHECK(json::parse(slow_reply->body) == json{{"slow", true}});

    REQUIRE(parked.wait_for(10s) == std::future_status::ready);
    auto parked_reply = parked.get();
    REQUIRE(parked_reply.ok());
    CHECK(json::parse(parked_reply->body) == json{{"head", 0}, {"timed_out", true}});

    HttpClient late("127.0.0.1", port, 2s);
    CHECK_FALSE(late.request("GET", "/").ok());
    f.server->stop();  // idempotent
}

TEST_CASE("http: one JSON log line per request, without the query string") {
    Fixture f;
    auto client = f.client();
    REQUIRE(client.request("GET", "/api/v1/echo?token=secret123").ok());
    REQUIRE(client.request("GET", "/missing.png").ok());
    REQUIRE(eventually([&] { return f.log.copy().size() >= 2; }));
    const auto lines = f.log.copy();
    REQUIRE(lines.size() == 2);
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(line.find("secret123") == std::string::npos);
        CHECK(line.find('\n') == std::string::npos);
        const json entry = json::parse(line);
        for (const char* key : {"time", "method", "path", "status", "duration_ms", "bytes", "client"}) {
            CHECK(entry.contains(key));
        }
        CHECK(entry["method"] == "GET");
        CHECK(entry["client"] == "127.0.0.1");
        CHECK(entry["time"].get<std::string>().back() == 'Z');
    }
    CHECK(json::parse(lines[0])["path"] == "/api/v1/echo");
    CHECK(json::parse(lines[0])["status"] == 200);
    CHECK(json::parse(lines[0])["bytes"].get<int>() > 0);
    CHECK(json::parse(lines[1])["path"] == "/missing.png");
    CHECK(json::parse(lines[1])["status"] == 404);
}

TEST_CASE("http: start() reports a bad address and a port in use as errors") {
    TestApi api;
    HttpServerSettings bad;
    bad.listen_address = "not-an-address";
    bad.log = [](std::string_view) {};
    HttpServer server(bad, api);
    auto started = server.start();
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().code == "bad_address");

    Fixture f;
    HttpServerSettings taken;
    taken.port = f.server->port();
    taken.log = [](std::string_view) {};
    HttpServer second(taken, api);
    auto clash = second.start();
    REQUIRE_FALSE(clash.ok());
    CHECK(clash.error().code == "listen_failed");
}
