#include "server/sync_service.hpp"

#include <chrono>

#include "protocol/health_messages.hpp"
#include "protocol/push_messages.hpp"
#include "protocol/read_messages.hpp"
#include "protocol/snapshot_messages.hpp"
#include "server/auto_close_sweep.hpp"
#include "server/db/database_time.hpp"
#include "server/http/http_metrics.hpp"
#include "server/pull.hpp"
#include "server/push.hpp"
#include "server/records_api.hpp"
#include "server/replicas_api.hpp"
#include "server/users_api.hpp"

namespace hotline::server {
namespace {

ApiResponse not_found(const ApiRequest& r) { return api_error(404, "no_such_endpoint", "No endpoint " + r.path + "."); }
ApiResponse wrong_method(const ApiRequest& r) {
    return api_error(405, "method_not_allowed", r.method + " is not allowed on " + r.path + ".");
}
ApiResponse admins_only() { return api_error(403, "forbidden_role", "Only administrators manage users."); }

constexpr std::string_view kUsersPrefix = "/users/";
constexpr std::string_view kReplicasPrefix = "/replicas/";
constexpr std::string_view kSnapshotChunkPrefix = "/snapshot/";

}  // namespace

Result<std::unique_ptr<SyncService>> SyncService::open(Database& db, ServiceOptions options) {
    if (auto ready = init_credentials(); !ready) return ready.error();
    // What unknown logins are checked against: a hash of a password nobody knows, at the
    // cost new passwords get.
    auto dummy = hash_password(new_token(), options.hash_cost);
    if (!dummy) return dummy.error();
    auto desk = ServerDesk::load(db);
    if (!desk) return desk.error();
    return std::unique_ptr<SyncService>(new SyncService(db, std::move(*desk), std::move(options), std::move(*dummy)));
}

SyncService::SyncService(Database& db, ServerDesk desk, ServiceOptions options, std::string dummy_hash)
    : db_(db),
      desk_(std::move(desk)),
      options_(std::move(options)),
      sessions_(db, std::move(dummy_hash)),
      snapshots_(options_.snapshots),
      known_head_(desk_.seq()) {}

void SyncService::raise_known_head(std::int64_t head) {
    std::int64_t known = known_head_.load();
    while (known < head && !known_head_.compare_exchange_weak(known, head)) {
    }
}

void SyncService::log_grew(std::optional<std::int64_t> head) {
    if (head) {
        raise_known_head(*head);
    } else {
        head_unknown_ = true;
    }
    if (options_.on_change) options_.on_change();
}

Result<std::int64_t> SyncService::read_head() {
    auto head = db_.head_seq();
    if (!head) return head.error();
    raise_known_head(*head);
    return *head;
}

std::optional<std::size_t> SyncService::body_limit(std::string_view path) const {
    if (path == "/push") return std::nullopt;
    return kSmallBodyMax;
}

std::int64_t SyncService::now() const {
    if (options_.now_ms) return options_.now_ms();
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Result<std::size_t> SyncService::sweep() {
    auto closed = sweep_auto_close(desk_, db_, options_.auto_close, now());
    if (!closed) return closed.error();
    auto archived = sweep_archive(desk_, db_, options_.archive, now());
    // S3: calendars whose zone rule the zone files changed since (a tzdata update).
    auto zones = archived ? sweep_intents(desk_, db_, now(), zone_rule_intents) : archived;
    // S2, S6: SLA targets that reached Warning or Late since the last sweep.
    const std::int64_t at = now();
    auto alerts = zones ? sweep_intents(desk_, db_, at, [&](const Desk& d) { return escalation_intents(d, at); }) : zones;
    const std::size_t made = closed->size() + (archived ? archived->size() : 0) + (zones ? zones->size() : 0) +
                             (alerts ? alerts->size() : 0);
    if (made > 0) log_grew(desk_.seq());
    if (!archived) return archived.error();
    if (!zones) return zones.error();
    if (!alerts) return alerts.error();
    return made;
}

void SyncService::tick() {
    // A storage failure leaves nothing half done (server_writes.hpp): the next tick tries again.
    (void)sweep();
}

ApiResponse SyncService::handle(const ApiRequest& request) {
    ApiResponse response = answer(request);
    while (response.background && !request.runs_background) response = response.background()();
    if (!request.accepts_raw_json && !response.raw_json.empty()) {
        // A caller that reads the DOM: the same reply, parsed (replies are our own JSON).
        response.body = nlohmann::json::parse(response.raw_json);
        response.raw_json.clear();
    }
    return response;
}

ApiResponse SyncService::answer(const ApiRequest& request) {
    if (request.path == "/login")
        return request.method == "POST" ? sessions_.login(request, now()) : wrong_method(request);
    if (request.path == "/health") {
        if (request.method != "GET") return wrong_method(request);
        // A load balancer takes a process whose database is out of reach out of rotation.
        auto head = read_head();
        if (!head)
            return encoded_reply(protocol::encode_health_unavailable("The database cannot be reached: " + head.error().message),
                                 503);
        return encoded_reply(protocol::encode_health_ok(*head));
    }
    // A poll woken by a notification was signed in when it parked, and its answer is only the
    // log's head: not reading its session and user again keeps a push from costing two
    // database reads per waiting client (issue 13). Its deadline checks the session again.
    if (request.wait_resumed && !request.wait_timed_out && request.path == "/wait") return wait(request);
    ApiResponse refusal;
    auto who = sessions_.authenticate(request, now(), refusal);
    if (!who) return refusal;
    return route(request, *who);
}

ApiResponse SyncService::route(const ApiRequest& request, const Principal& who) {
    const std::string& path = request.path;
    const bool get = request.method == "GET", post = request.method == "POST";
    if (path == "/logout") return post ? sessions_.logout(request) : wrong_method(request);
    if (path == "/me") {
        if (!get) return wrong_method(request);
        return {200, {{"user", {{"login", who.login}, {"name", who.name}, {"role", role_name(who.role)}}}}, std::nullopt};
    }
    if (path == "/push") {
        if (!post) return wrong_method(request);
        PushAnswer result = push(desk_, db_, who, request.body, now());
        for (std::size_t k = 0; k < pushed_by_kind_.size(); ++k) pushed_by_kind_[k] += result.results_by_kind[k];
        if (result.stored_something) log_grew(desk_.seq());
        return std::move(result.response);
    }
    if (path == "/pull") return get ? pull(desk_, db_, who, request.query) : wrong_method(request);
    if (path == protocol::kSnapshotPath) {
        if (!get) return wrong_method(request);
        // The snapshot covers the newest state, which may come from another process.
        if (auto caught_up = desk_.catch_up(db_); !caught_up)
            return api_error(503, "storage_unavailable", caught_up.error().message);
        return snapshots_.manifest(desk_, db_, who, now());
    }
    if (path.starts_with(kSnapshotChunkPrefix))
        return get ? snapshots_.chunk(who, path, request.accepts_gzip, now()) : wrong_method(request);
    if (path == "/history") return get ? history(desk_, db_, who, request.query) : wrong_method(request);
    if (path == "/wait") return get ? wait(request) : wrong_method(request);
    if (path.starts_with(kRecordsPrefix))
        return get ? read_records(desk_, db_, who, path, request.query) : wrong_method(request);
    if (path == "/users") {
        if (!get && !post) return wrong_method(request);
        if (!can_manage_users(who)) return admins_only();
        return get ? list_users(db_) : create_user(db_, request.body, options_.hash_cost);
    }
    if (path.starts_with(kUsersPrefix)) {
        if (request.method != "PATCH") return wrong_method(request);
        if (!can_manage_users(who)) return admins_only();
        return update_user(db_, who, token_hash(request.bearer_token), path.substr(kUsersPrefix.size()), request.body,
                           options_.hash_cost);
    }
    if (path == "/replicas") return post ? register_replica(db_, who, request.body) : wrong_method(request);
    if (path.starts_with(kReplicasPrefix)) {
        if (request.method != "DELETE") return wrong_method(request);
        if (!can_manage_users(who)) return api_error(403, "forbidden_role", "Only administrators release replicas.");
        return release_replica(db_, path.substr(kReplicasPrefix.size()));
    }
    return not_found(request);
}

std::string SyncService::route_label(std::string_view path) const {
    // The first segment of the path, when it is an endpoint: "/users/ivanova" -> "/users".
    static constexpr std::array<std::string_view, 12> kRoutes = {"/login",    "/logout",  "/me",      "/health",
                                                                 "/push",     "/pull",    "/wait",    "/history",
                                                                 "/snapshot", "/records", "/users",   "/replicas"};
    const std::string_view first = path.substr(0, path.find('/', 1));
    for (std::string_view route : kRoutes)
        if (first == route) return std::string(route);
    return "other";
}

void SyncService::write_metrics(std::string& out) const {
    using http::metrics_family, http::metrics_value;
    metrics_family(out, "hotline_log_head", "gauge", "The newest sequence number of the log this process knows of.");
    metrics_value(out, "hotline_log_head", static_cast<double>(known_head_.load()));
    metrics_family(out, "hotline_incidents", "gauge", "Incidents on this process's desk.");
    metrics_value(out, "hotline_incidents", static_cast<double>(desk_.desk().incidents().size()));
    metrics_family(out, "hotline_pushed_operations_total", "counter", "Operations received in pushes, by result.");
    for (ApplyKind kind : {ApplyKind::applied, ApplyKind::superseded, ApplyKind::duplicate, ApplyKind::rejected})
        out += "hotline_pushed_operations_total{result=\"" + std::string(protocol::apply_kind_name(kind)) + "\"} " +
               std::to_string(pushed_by_kind_[static_cast<std::size_t>(kind)]) + "\n";
    metrics_family(out, "hotline_database_seconds_total", "counter", "Time spent in database calls, rows decoded included.");
    metrics_value(out, "hotline_database_seconds_total", database_seconds());
}

ApiResponse SyncService::wait(const ApiRequest& request) {
    auto cursor = query_integer(request.query, "cursor", 0, INT64_MAX);
    if (!cursor) return api_error(400, cursor.error().code, cursor.error().message);
    auto timeout = query_integer(request.query, "timeout_ms", kWaitMaxMs, kWaitMaxMs);
    if (!timeout) return api_error(400, timeout.error().code, timeout.error().message);
    // Another process (PostgreSQL) may have grown the log: a new poll, one at its deadline and
    // the first one woken after a notification without a head ask the database; the others
    // woken by a notification trust the head it brought (log_grew).
    std::int64_t head = known_head_.load();
    if (!request.wait_resumed || request.wait_timed_out || head_unknown_.exchange(false)) {
        auto read = read_head();
        if (!read) return api_error(503, "storage_unavailable", read.error().message);
        head = *read;
    }
    if (head > *cursor || request.wait_timed_out || *timeout == 0)
        return encoded_reply(protocol::encode_wait_reply({head}));
    return {200, nullptr, std::chrono::milliseconds(*timeout)};
}

}  // namespace hotline::server
