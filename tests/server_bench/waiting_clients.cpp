#include "waiting_clients.hpp"

#include <atomic>
#include <future>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

namespace hotline::server_bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kConnectingAtOnce = 256;

struct Connection {
    explicit Connection(asio::io_context& ioc) : socket(ioc) {}
    tcp::socket socket;
    beast::flat_buffer buffer;
    bhttp::request<bhttp::empty_body> request;
    bhttp::response<bhttp::string_body> response;
    WaitingClients::Answer answer;
};

}  // namespace

struct WaitingClients::Impl {
    asio::io_context ioc{1};
    asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(ioc);
    std::thread thread;
    std::vector<std::unique_ptr<Connection>> connections;
    tcp::endpoint server;
    std::atomic<std::size_t> done{0}, failed{0};
    std::size_t next_to_connect = 0;

    void connect_next() {
        if (next_to_connect >= connections.size()) return;
        Connection& c = *connections[next_to_connect++];
        c.socket.async_connect(server, [this](beast::error_code ec) {
            if (ec) ++failed;
            ++done;
            connect_next();
        });
    }
    // Waits until `done` reaches the number of connections, or `limit` passes.
    bool wait_all(std::chrono::milliseconds limit) {
        const auto deadline = Clock::now() + limit;
        while (done.load() < connections.size() && Clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return done.load() == connections.size();
    }
    void send(Connection& c, const std::string& target, const std::string& token) {
        c.request = {bhttp::verb::get, target, 11};
        c.request.set(bhttp::field::host, "127.0.0.1");
        c.request.set(bhttp::field::authorization, "Bearer " + token);
        c.response = {};
        c.answer = {};
        bhttp::async_write(c.socket, c.request, [this, &c](beast::error_code ec, std::size_t) {
            ++done;
            if (ec) return;
            bhttp::async_read(c.socket, c.buffer, c.response, [&c](beast::error_code read_ec, std::size_t) {
                c.answer.at = Clock::now();
                if (read_ec) return;
                c.answer.status = static_cast<int>(c.response.result_int());
                const auto body = nlohmann::json::parse(c.response.body(), nullptr, false);
                if (body.is_object()) c.answer.head = body.value("head", std::int64_t{-1});
            });
        });
    }
};

WaitingClients::WaitingClients(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WaitingClients::~WaitingClients() {
    asio::post(impl_->ioc, [impl = impl_.get()] {
        for (auto& c : impl->connections) c->socket.close();
        impl->work.reset();
    });
    impl_->thread.join();
}

Result<std::unique_ptr<WaitingClients>> WaitingClients::connect(std::uint16_t port, std::size_t count) {
    auto impl = std::make_unique<Impl>();
    impl->server = tcp::endpoint(asio::ip::make_address("127.0.0.1"), port);
    for (std::size_t i = 0; i < count; ++i) impl->connections.push_back(std::make_unique<Connection>(impl->ioc));
    Impl* raw = impl.get();
    impl->thread = std::thread([raw] { raw->ioc.run(); });
    std::unique_ptr<WaitingClients> clients(new WaitingClients(std::move(impl)));
    asio::post(raw->ioc, [raw] {
        for (std::size_t i = 0; i < kConnectingAtOnce; ++i) raw->connect_next();
    });
    if (!raw->wait_all(std::chrono::seconds(60)) || raw->failed.load() > 0)
        return make_error("connect_failed", std::to_string(raw->failed.load()) + " of " + std::to_string(count) +
                                                " connections failed or timed out");
    return clients;
}

Outcome WaitingClients::park(const std::string& token, std::int64_t cursor) {
    Impl& impl = *impl_;
    impl.done = 0;
    const std::string target = "/api/v1/wait?cursor=" + std::to_string(cursor) + "&timeout_ms=30000";
    asio::post(impl.ioc, [&impl, target, token] {
        for (auto& c : impl.connections) impl.send(*c, target, token);
    });
    if (!impl.wait_all(std::chrono::seconds(60))) return make_error("park_failed", "the polls were not all sent");
    return {};
}

Result<std::vector<WaitingClients::Answer>> WaitingClients::answers(std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    for (;;) {
        // Read on the io thread: the handlers write the answers there.
        std::promise<std::pair<std::size_t, std::vector<Answer>>> gathered;
        asio::post(impl_->ioc, [this, &gathered] {
            std::vector<Answer> out;
            std::size_t answered = 0;
            for (auto& c : impl_->connections) {
                out.push_back(c->answer);
                answered += c->answer.at != Clock::time_point{};
            }
            gathered.set_value({answered, std::move(out)});
        });
        auto [answered, out] = gathered.get_future().get();
        if (answered == out.size()) return out;
        if (Clock::now() >= deadline)
            return make_error("not_answered", std::to_string(out.size() - answered) + " polls were not answered in time");
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

}  // namespace hotline::server_bench
