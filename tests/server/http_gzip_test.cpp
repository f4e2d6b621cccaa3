// Replies compressed on the wire (server/http/gzip.hpp): a client that sends
// Accept-Encoding: gzip gets large JSON and binary bodies gzipped and they decode to the
// same bytes; a client that does not (the native test client) gets them plain; small
// replies are never compressed.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <string>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "server/api_handler.hpp"
#include "server/http/gzip.hpp"
#include "server/http/http_client.hpp"
#include "server/http/http_server.hpp"
#include "server_test_support.hpp"

namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using namespace std::chrono_literals;
using hotline::server::ApiRequest;
using hotline::server::ApiResponse;
using hotline::server_test::gunzip;

std::string big_text() {
    std::string s;
    for (int i = 0; s.size() < 200'000; ++i) s += "{\"op\":" + std::to_string(i) + ",\"title\":\"Boiler leaking\"},";
    return s;
}

std::string big_octets() {
    std::string s;
    for (int i = 0; i < 100'000; ++i) s += static_cast<char>((i * 7919) % 256 < 200 ? 0 : i % 256);
    return s;
}

struct Api : hotline::server::ApiHandler {
    ApiResponse handle(const ApiRequest& r) override {
        ApiResponse response;
        if (r.path == "/json") response.raw_json = "[" + big_text() + "0]";
        else if (r.path == "/octets") response.octets = big_octets();
        else response = ApiResponse{200, {{"small", true}}, std::nullopt};
        return response;
    }
};

// A GET with Accept-Encoding, as a browser sends it.
bhttp::response<bhttp::string_body> get(std::uint16_t port, const std::string& target, const std::string& accept) {
    asio::io_context ioc;
    asio::ip::tcp::socket socket(ioc);
    asio::ip::tcp::resolver resolver(ioc);
    asio::connect(socket, resolver.resolve("127.0.0.1", std::to_string(port)));
    bhttp::request<bhttp::empty_body> request(bhttp::verb::get, target, 11);
    request.set(bhttp::field::host, "127.0.0.1");
    if (!accept.empty()) request.set(bhttp::field::accept_encoding, accept);
    bhttp::write(socket, request);
    boost::beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    bhttp::read(socket, buffer, parser);
    return parser.release();
}

}  // namespace

TEST_CASE("gzip: Accept-Encoding is read as RFC 9110 says") {
    using hotline::server::accepts_gzip;
    CHECK(accepts_gzip("gzip, deflate, br"));
    CHECK(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
    CHECK(accepts_gzip("*"));
    CHECK(accepts_gzip(" x-gzip "));
    CHECK_FALSE(accepts_gzip(""));
    CHECK_FALSE(accepts_gzip("deflate, br"));
    CHECK_FALSE(accepts_gzip("gzip;q=0"));
    CHECK_FALSE(accepts_gzip("gzip; q=0.000, *"));
    CHECK_FALSE(accepts_gzip("*;q=0"));
    CHECK(accepts_gzip("identity, *;q=0.1"));
}

TEST_CASE("gzip: large replies are gzipped for clients that take it and decode to the same bytes") {
    Api api;
    hotline::server::http::HttpServerSettings settings;
    settings.log = [](std::string_view) {};
    hotline::server::http::HttpServer server(std::move(settings), api);
    REQUIRE(server.start().ok());
    const std::string json = "[" + big_text() + "0]";
    for (const auto& [target, plain, type] :
         {std::tuple{"/api/v1/json", json, "application/json"},
          std::tuple{"/api/v1/octets", big_octets(), "application/octet-stream"}}) {
        CAPTURE(target);
        auto zipped = get(server.port(), target, "gzip, deflate, br");
        CHECK(zipped.result_int() == 200);
        CHECK(zipped[bhttp::field::content_encoding] == "gzip");
        CHECK(zipped[bhttp::field::content_type] == type);
        CHECK(zipped.body().size() < plain.size() / 2);
        CHECK(gunzip(zipped.body()) == plain);
        // No Accept-Encoding (the native client): the body as it is.
        auto as_is = get(server.port(), target, "");
        CHECK(as_is[bhttp::field::content_encoding] == "");
        CHECK(as_is.body() == plain);
        auto refused = get(server.port(), target, "gzip;q=0");
        CHECK(refused.body() == plain);
    }
    auto small = get(server.port(), "/api/v1/small", "gzip");
    CHECK(small[bhttp::field::content_encoding] == "");
    CHECK(small.body() == R"({"small":true})");
    // The project's own native client asks for nothing and reads plain bodies.
    hotline::server::http::HttpClient client("127.0.0.1", server.port(), 10s);
    auto r = client.request("GET", "/api/v1/octets");
    REQUIRE(r.ok());
    CHECK(r->body == big_octets());
    server.stop();
}
