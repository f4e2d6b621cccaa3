#include "live_poll.hpp"

#include <chrono>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "protocol/push_messages.hpp"
#include "server/http/http_client.hpp"

namespace hotline::server_test {
namespace {

std::int64_t wall_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

Poll::Poll(std::uint16_t port, std::string token, std::int64_t cursor)
    : thread_([this, port, token = std::move(token), cursor] {
          server::http::HttpClient client("127.0.0.1", port, std::chrono::seconds(30));
          const auto begin = std::chrono::steady_clock::now();
          auto r = client.request("GET", "/api/v1/wait?cursor=" + std::to_string(cursor) +
                                             "&timeout_ms=" + std::to_string(kLivePollWaitMs),
                                  {}, token);
          elapsed_ms_ =
              std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - begin).count();
          if (!r || r->status != 200) return;
          // No exception may leave this thread: a reply that is not JSON leaves head() at -1.
          const auto body = nlohmann::json::parse(r->body, nullptr, false);
          if (body.is_object()) head_ = body.value("head", std::int64_t{0});
      }) {}

Poll::~Poll() {
    if (thread_.joinable()) thread_.join();
}

std::int64_t push_incident(std::uint16_t port, const std::string& token, const std::string& login, OpFactory& factory,
                           const std::string& title) {
    const Operation op = factory.create_incident("u:" + login, wall_ms(), {{IncidentField::title, title}});
    server::http::HttpClient client("127.0.0.1", port, std::chrono::seconds(10));
    auto r = client.request("POST", "/api/v1/push", protocol::encode_push_request(factory.replica(), std::span(&op, 1), 0),
                            token);
    REQUIRE(r.ok());
    REQUIRE_MESSAGE(r->status == 200, r->body);
    return nlohmann::json::parse(r->body)["head"].get<std::int64_t>();
}

void check_woken_across(std::uint16_t pushing, const std::string& push_token, std::uint16_t waiting,
                        const std::string& wait_token, const std::string& login, OpFactory& factory,
                        std::int64_t& head, const std::string& title) {
    Poll poll(waiting, wait_token, head);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // parked by now
    head = push_incident(pushing, push_token, login, factory, title);
    poll.join();
    CHECK(poll.head() == head);
    CHECK_MESSAGE(poll.elapsed_ms() < kLivePollWaitMs / 3, "woken after " << poll.elapsed_ms() << " ms");
    MESSAGE("woken across processes after " << poll.elapsed_ms() << " ms (300 ms of it before the push)");
}

}  // namespace hotline::server_test
