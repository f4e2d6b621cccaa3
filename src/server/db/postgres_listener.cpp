#include "server/db/postgres_listener.hpp"

#include <charconv>
#include <chrono>
#include <exception>
#include <pqxx/connection>
#include <pqxx/notification>

namespace hotline::server {
namespace {

constexpr long kWaitMicroseconds = 250'000;  // how often the thread looks at stop_
constexpr int kRetryTicks = 4;               // ticks of kWaitMicroseconds between reconnects

class Receiver final : public pqxx::notification_receiver {
public:
    Receiver(pqxx::connection_base& connection, PostgresListener::OnChange& on_change, std::atomic<std::uint64_t>& count)
        : pqxx::notification_receiver(connection, kOpsChannel), on_change_(on_change), count_(count) {}
    void operator()(const std::string& payload, int) override {
        ++count_;
        on_change_(head_of(payload));
    }

private:
    static std::optional<std::int64_t> head_of(const std::string& payload) {
        std::int64_t head = 0;
        const char* end = payload.data() + payload.size();
        const auto [rest, error] = std::from_chars(payload.data(), end, head);
        if (error != std::errc() || rest != end || head < 0) return std::nullopt;
        return head;
    }

    PostgresListener::OnChange& on_change_;
    std::atomic<std::uint64_t>& count_;
};

}  // namespace

PostgresListener::PostgresListener(std::string connection, OnChange on_change)
    : connection_(std::move(connection)), on_change_(std::move(on_change)), thread_([this] { run(); }) {}

PostgresListener::~PostgresListener() {
    stop_ = true;
    thread_.join();
}

void PostgresListener::run() {
    while (!stop_) {
        try {
            listen_once();
        } catch (const std::exception&) {
            // The server is down or restarting: try again in a second. Nothing is lost: the
            // ops table is the truth, and on_change runs once the connection is back.
        }
        for (int i = 0; i < kRetryTicks && !stop_; ++i)
            std::this_thread::sleep_for(std::chrono::microseconds(kWaitMicroseconds));
    }
}

void PostgresListener::listen_once() {
    pqxx::connection connection(connection_);
    Receiver receiver(connection, on_change_, notifications_);
    connection.get_notifs();  // sends the LISTEN before anything is waited for
    ++connections_;
    on_change_(std::nullopt);  // whatever was written while this process was not listening
    while (!stop_) connection.await_notification(0, kWaitMicroseconds);
}

}  // namespace hotline::server
