// Live updates across server processes on one PostgreSQL (issue 13). Every write
// transaction that appends operations sends NOTIFY on kOpsChannel with the last sequence
// number it stored (postgres_queries.cpp: the notification is delivered at commit, never for
// a rolled-back write). Each process LISTENs on a connection of its own, on a thread of its
// own, and calls `on_change` with the notification's sequence number for every notification;
// the server keeps it as the log's head and wakes its parked long polls
// (SyncService::log_grew), which compare their cursors with it instead of each asking the
// database. The ops table stays the truth: a notification only says "look again". While the
// connection is down the listener retries every second, and calls `on_change` with no number
// once it is back (the head is unknown then: one read of the database settles it), so what
// was written meanwhile is not waited for until a long poll's deadline.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace hotline::server {

inline constexpr const char* kOpsChannel = "hotline_ops";

class PostgresListener {
public:
    // Starts listening at once (the thread connects); `on_change` runs on the listener's
    // thread and must be thread-safe.
    // A payload that is not a sequence number (nothing of ours sends one) counts as unknown.
    using OnChange = std::function<void(std::optional<std::int64_t> head)>;
    PostgresListener(std::string connection, OnChange on_change);
    ~PostgresListener();  // stops the thread (within a quarter of a second) and joins it
    PostgresListener(const PostgresListener&) = delete;
    PostgresListener& operator=(const PostgresListener&) = delete;

    // How many notifications arrived, and how many times the connection was (re)made: for
    // the tests and the logs.
    std::uint64_t notifications() const { return notifications_.load(); }
    std::uint64_t connections() const { return connections_.load(); }

private:
    void run();
    void listen_once();

    std::string connection_;
    OnChange on_change_;
    std::atomic<bool> stop_{false};
    std::atomic<std::uint64_t> notifications_{0};
    std::atomic<std::uint64_t> connections_{0};
    std::thread thread_;
};

}  // namespace hotline::server
