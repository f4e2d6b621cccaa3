// The application behind /api/v1 (docs/sync-protocol.md): routes each request,
// checks its token, and calls login/push/pull/snapshot/records/users/replicas. Single-threaded, like the
// HTTP layer's io thread that calls it: one ServerDesk, one database connection; only the
// background work of a reply (password hashing) runs elsewhere, on copies.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/archive.hpp"
#include "core/auto_close.hpp"
#include "server/api_handler.hpp"
#include "server/credentials.hpp"
#include "server/db/database.hpp"
#include "server/server_desk.hpp"
#include "server/sessions.hpp"
#include "server/snapshot_api.hpp"

namespace hotline::server {

inline constexpr std::int64_t kWaitMaxMs = 30'000;
// Every request body but a push's is a few small strings: 16 KiB is plenty, and keeps an
// unauthenticated sender from making /login read megabytes.
inline constexpr std::size_t kSmallBodyMax = 16 * 1024;

struct ServiceOptions {
    HashCost hash_cost = HashCost::interactive;
    std::function<std::int64_t()> now_ms;  // wall clock in ms; the system clock when empty
    std::function<void()> on_change;       // the log grew (wake parked long polls; any thread)
    SnapshotCache::Limits snapshots;       // first-sync snapshots kept in memory
    AutoClosePolicy auto_close;            // W7: closing solved incidents the customer is silent about
    ArchivePolicy archive;                 // W10: archiving incidents closed long enough (off by default)
};

class SyncService : public ApiHandler {
public:
    // Folds the stored log into the server's desk (the database must be migrated).
    static Result<std::unique_ptr<SyncService>> open(Database& db, ServiceOptions options);

    // Password hashes (login, new passwords) come back as ApiResponse::background when the
    // caller runs background work (ApiRequest::runs_background); otherwise they run here.
    ApiResponse handle(const ApiRequest& request) override;
    // kSmallBodyMax for everything but /push.
    std::optional<std::size_t> body_limit(std::string_view path) const override;

    // Periodic work (the HTTP layer's timer): the automatic-closing and archiving sweep.
    void tick() override;
    // W7: gives due closing notices and closes due incidents now, then W10: archives the
    // incidents closed long enough (auto_close_sweep.hpp); how many operations it stored.
    // Tests call it after moving the clock.
    Result<std::size_t> sweep();

    void set_on_change(std::function<void()> f) { options_.on_change = std::move(f); }
    // GET /metrics (server/http/http_metrics.hpp): one label per endpoint; the log's head, the
    // records on the desk, pushed operations by result, database time.
    std::string route_label(std::string_view path) const override;
    void write_metrics(std::string& out) const override;
    // Another process grew the log (postgres_listener.hpp), up to `head` when known. Any
    // thread. Parked long polls are woken and compare their cursors with the newest head
    // learned this way, so a push costs one database read per process, not one per waiting
    // client; an unknown head costs one read, by the first poll that wakes.
    void log_grew(std::optional<std::int64_t> head);
    const ServerDesk& desk() const { return desk_; }

private:
    SyncService(Database& db, ServerDesk desk, ServiceOptions options, std::string dummy_hash);
    std::int64_t now() const;
    ApiResponse answer(const ApiRequest& request);
    ApiResponse route(const ApiRequest& request, const Principal& who);
    ApiResponse wait(const ApiRequest& request);
    // The log's head as the database has it: also what later woken polls compare with.
    Result<std::int64_t> read_head();
    void raise_known_head(std::int64_t head);

    Database& db_;
    ServerDesk desk_;
    ServiceOptions options_;
    Sessions sessions_;
    SnapshotCache snapshots_;
    // The newest head of the log this process knows of (its own writes, notifications, reads
    // of the database), and whether a notification came without one since the last read.
    std::atomic<std::int64_t> known_head_{0};
    std::atomic<bool> head_unknown_{false};
    std::array<std::uint64_t, 4> pushed_by_kind_{};  // PushAnswer::results_by_kind, summed
};

}  // namespace hotline::server
