// GET /metrics (issue 13, server/http/http_metrics.hpp): the real sync service behind the
// real HTTP server on SQLite. Requests are counted by the endpoint's label (never by a
// path a client made up), with durations as a histogram; the waiting long polls, the
// pushed operations by result, the log's head and the database time are there; addresses
// not allowed get 403.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

#include "server/http/http_client.hpp"
#include "server/http/http_server.hpp"
#include "service_fixture.hpp"

using namespace hotline;
using namespace std::chrono_literals;
using hotline::server::http::HttpClient;
using hotline::server::http::HttpServer;
using hotline::server::http::HttpServerSettings;
using hotline::test::ClientOps;
using hotline::test::ServiceFixture;

namespace {

struct MetricsServer {
    explicit MetricsServer(std::vector<std::string> allow = {"127.0.0.1", "::1"}) {
        f.add_user("ann", "agent", "Ann Agent");
        token = f.login("ann");
        HttpServerSettings settings;
        settings.metrics_allow = std::move(allow);
        settings.log = [](std::string_view) {};
        server = std::make_unique<HttpServer>(std::move(settings), f.service());
        f.service().set_on_change([s = server.get()] { s->notify_changed(); });
        REQUIRE(server->start().ok());
    }
    HttpClient client() const { return HttpClient("127.0.0.1", server->port(), 20s); }
    std::string metrics() const {
        auto r = client().request("GET", "/metrics", {});
        REQUIRE(r.ok());
        REQUIRE_MESSAGE(r->status == 200, r->body);
        CHECK(r->header("content-type") == "text/plain; version=0.0.4; charset=utf-8");
        return r->body;
    }
    ServiceFixture f;
    std::string token;
    std::unique_ptr<HttpServer> server;
};

// The value of the sample `series` (its name and labels, exactly) in a metrics text.
double sample(const std::string& text, const std::string& series) {
    const auto at = text.find("\n" + series + " ");
    if (at == std::string::npos) return -1;
    return std::stod(text.substr(at + series.size() + 2));
}

}  // namespace

TEST_CASE("metrics: requests by endpoint and status, durations, waiting polls, pushed operations, database time") {
    MetricsServer m;
    ClientOps ann("annrep", "ann");
    auto pushed = m.client().request("POST", "/api/v1/push",
                                     ServiceFixture::push_body("annrep", {ann.create(m.f.now, "Boiler leaks")}), m.token);
    REQUIRE(pushed.ok());
    REQUIRE(pushed->status == 200);
    REQUIRE(m.client().request("GET", "/api/v1/no-such-thing-42", {}, m.token)->status == 404);
    REQUIRE(m.client().request("GET", "/api/v1/users/ann", {}, m.token)->status == 405);

    std::string text = m.metrics();
    CHECK(sample(text, R"(hotline_http_requests_total{route="/push",status="200"})") == 1);
    CHECK(sample(text, R"(hotline_http_requests_total{route="other",status="404"})") == 1);  // not the made-up path
    CHECK(text.find("no-such-thing") == std::string::npos);  // a client cannot create series
    CHECK(sample(text, R"(hotline_http_requests_total{route="/users",status="405"})") == 1);
    CHECK(sample(text, R"(hotline_http_request_duration_seconds_count{route="/push"})") == 1);
    CHECK(sample(text, R"(hotline_http_request_duration_seconds_bucket{route="/push",le="+Inf"})") == 1);
    CHECK(sample(text, R"(hotline_pushed_operations_total{result="applied"})") == 1);
    CHECK(sample(text, R"(hotline_pushed_operations_total{result="rejected"})") == 0);
    CHECK(sample(text, "hotline_log_head") >= 1);
    CHECK(sample(text, "hotline_incidents") == 1);
    CHECK(sample(text, "hotline_database_seconds_total") > 0);
    CHECK(sample(text, "hotline_waiting_polls") == 0);
    CHECK(text.find("# TYPE hotline_http_request_duration_seconds histogram") != std::string::npos);

    // A parked long poll is counted while it waits.
    const auto head = static_cast<std::int64_t>(sample(text, "hotline_log_head"));
    std::thread poll([&] {
        auto r = m.client().request("GET", "/api/v1/wait?cursor=" + std::to_string(head) + "&timeout_ms=30000", {}, m.token);
        CHECK(r.ok());
    });
    bool counted = false;
    for (int i = 0; i < 200 && !counted; ++i, std::this_thread::sleep_for(10ms))
        counted = sample(m.metrics(), "hotline_waiting_polls") == 1;
    CHECK(counted);
    REQUIRE(m.client().request("POST", "/api/v1/push",
                               ServiceFixture::push_body("annrep", {ann.create(m.f.now, "Printer jams")}), m.token)->status == 200);
    poll.join();
    text = m.metrics();
    CHECK(sample(text, "hotline_waiting_polls") == 0);
    CHECK(sample(text, R"(hotline_http_requests_total{route="/wait",status="200"})") == 1);
}

TEST_CASE("metrics: answered only to the allowed addresses") {
    MetricsServer m({"10.1.2.3"});
    auto r = m.client().request("GET", "/metrics", {});
    REQUIRE(r.ok());
    CHECK(r->status == 403);
    CHECK(r->body.find("hotline_") == std::string::npos);
}
