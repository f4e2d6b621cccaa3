// The in-memory server and scripted transport the sync engine's tests run against (see
// sync_engine_test.cpp): a server that follows docs/sync-protocol.md with the core's Desk
// and src/protocol/'s messages, its first-sync snapshots encoded by the store's own code
// (store/snapshot_chunks.hpp) as the real server does, and a client (replica + engine).
#pragma once

#include <doctest/doctest.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/replica.hpp"
#include "core/op_factory.hpp"
#include "protocol/error_reply.hpp"
#include "protocol/push_messages.hpp"
#include "protocol/read_messages.hpp"
#include "protocol/snapshot_messages.hpp"
#include "store/snapshot_chunks.hpp"
#include "store_test_dir.hpp"
#include "sync/sync_engine.hpp"
#include "test_support.hpp"

namespace hotline::testing::sync_fake {

using namespace hotline::protocol;
using namespace hotline::sync;

// --- The server -------------------------------------------------------------------------

struct FakeServer {
    Desk desk;
    std::vector<std::pair<std::int64_t, Operation>> log;  // seq, op
    std::map<OpId, PushResult> results;                    // earlier answers, for duplicates
    OpFactory renumberer{"srv"};
    std::int64_t next_number = 5000;
    std::string token = "good";
    std::optional<std::int64_t> clock_ms;  // set: stamps too far ahead of it are refused (clock_ahead)

    std::int64_t head() const { return log.empty() ? 0 : log.back().first; }

    void store(const Operation& op) { log.emplace_back(head() + 1, op); }

    // A push from another client, straight into the server.
    ApplyKind accept(const Operation& op) {
        ApplyResult r = desk.apply(op);
        if (r.kind == ApplyKind::applied || r.kind == ApplyKind::superseded) store(op);
        return r.kind;
    }

    static std::map<std::string, std::string> query(const std::string& path, std::string& route) {
        std::map<std::string, std::string> q;
        auto qm = path.find('?');
        route = path.substr(0, qm);
        if (qm == std::string::npos) return q;
        std::string rest = path.substr(qm + 1);
        std::size_t pos = 0;
        while (pos <= rest.size()) {
            auto amp = rest.find('&', pos);
            std::string kv = rest.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
            auto eq = kv.find('=');
            std::string value = kv.substr(eq + 1);
            std::string decoded;
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (value[i] == '%' && i + 2 < value.size() + 0 && i + 2 <= value.size() - 1) {
                    decoded += static_cast<char>(std::stoi(value.substr(i + 1, 2), nullptr, 16));
                    i += 2;
                } else {
                    decoded += value[i];
                }
            }
            q[kv.substr(0, eq)] = decoded;
            if (amp == std::string::npos) break;
            pos = amp + 1;
        }
        return q;
    }

    static Reply error(int status, std::string code, std::string message) {
        return {status, encode_error_reply({make_error(std::move(code), std::move(message)), std::nullopt})};
    }

    // One operation of a push, judged like the server does: refused, or stored (and a
    // provisional number replaced by the next free one).
    PushResult judge(const Operation& op) {
        if (auto earlier = results.find(op.id); earlier != results.end()) {
            PushResult again = earlier->second;
            if (again.status != ApplyKind::rejected) again.status = ApplyKind::duplicate;
            return again;
        }
        Outcome in_time = clock_ms ? check_not_ahead(op.hlc, *clock_ms) : Outcome{};
        ApplyResult r = in_time ? desk.apply(op) : ApplyResult{ApplyKind::rejected, in_time.error()};
        PushResult res{op.id, std::nullopt, ApplyKind::rejected, 0, r.error};
        if (r.kind != ApplyKind::rejected) {
            store(op);
            res.status = r.kind == ApplyKind::superseded ? ApplyKind::superseded : ApplyKind::applied;
            res.seq = head();
            if (op.type == OpType::create && !op.number.is_final()) {
                renumberer.clock().observe(op.hlc, 0);
                Operation rn = renumberer.renumber("s:server", op.hlc.wall_ms, op.entity_id, next_number++);
                REQUIRE(desk.apply(rn).kind == ApplyKind::applied);
                store(rn);
            }
        }
        results[op.id] = res;
        return res;
    }

    Reply push(const std::string& body) {
        auto request = decode_push_request(body);
        REQUIRE_MESSAGE(request.ok(), (request.ok() ? "" : request.error().message));
        PushReply reply;
        for (std::size_t index = 0; index < request->ops.size(); ++index) {
            const Result<Operation>& op = request->ops[index];
            reply.results.push_back(op ? judge(*op)
                                       : PushResult{std::nullopt, index, ApplyKind::rejected, 0, {"bad_operation", "x"}});
        }
        reply.head = head();
        if (request->want_numbers > 0) {
            reply.number_blocks.push_back({next_number, next_number + request->want_numbers - 1});
            next_number += request->want_numbers;
        }
        return {200, encode_push_reply(reply)};
    }

    Reply pull(std::int64_t cursor, std::size_t limit) const {
        PullReply page{{}, cursor, false};
        for (const auto& entry : log) {
            if (entry.first <= cursor) continue;
            if (page.ops.size() == limit) {
                page.more = true;
                break;
            }
            page.ops.push_back({entry.first, entry.second});
            page.cursor = entry.first;
        }
        return {200, encode_pull_reply(page)};
    }

    Reply history(const std::string& entity) const {
        if (!desk.find(entity)) return error(404, "not_found", "no");
        HistoryReply reply;
        for (const auto& entry : log)
            if (entry.second.entity == EntityKind::incident && entry.second.entity_id == entity)
                reply.ops.push_back({entry.first, entry.second});
        return {200, encode_history_reply(reply)};
    }

    // First sync (off unless `snapshots`: then /snapshot is an unknown route, as on a server
    // from before it). The whole desk, as the real server gives roles that see everything.
    bool snapshots = false;
    std::size_t records_per_chunk = 3;
    std::map<std::string, std::vector<std::string>> held;  // snapshot id -> chunks
    int snapshots_made = 0;

    Reply snapshot() {
        SnapshotManifest m{"snap" + std::to_string(++snapshots_made), head(), 0, 0, {}};
        std::vector<const Entity*> records = store::all_records(desk);
        std::vector<std::string>& chunks = held[m.id];
        auto encoded = store::encode_snapshot(
            {desk.replicas(), desk.actors(), desk.seen(), desk.newest_hlc(), records},
            [&](std::size_t k, std::string& chunk) {
                const std::size_t first = k * records_per_chunk;
                m.chunks.push_back({static_cast<std::int64_t>(chunk.size()),
                                    static_cast<std::int64_t>(std::min(records_per_chunk, records.size() - first))});
                chunks.push_back(chunk);
                return Outcome{};
            },
            records_per_chunk);
        REQUIRE(encoded.ok());
        m.records = static_cast<std::int64_t>(records.size());
        for (const Entity* e : records) m.incidents += e->kind == EntityKind::incident;
        return {200, encode_snapshot_manifest(m)};
    }

    Reply snapshot_chunk(const std::string& path) {
        std::string id;
        std::size_t k = 0;
        REQUIRE(parse_snapshot_chunk_path(path, id, k));
        auto it = held.find(id);
        if (it == held.end()) return error(410, std::string(kSnapshotGone), "gone");
        REQUIRE(k < it->second.size());
        return {200, it->second[k]};
    }

    Reply handle(const std::string& method, const std::string& path, const std::string& body,
                 const std::string& bearer) {
        if (bearer != token) return error(401, "unauthorized", "sign in");
        std::string route;
        auto q = query(path, route);
        if (snapshots && method == "GET" && route == kSnapshotPath) return snapshot();
        if (snapshots && method == "GET" && route.starts_with("/snapshot/")) return snapshot_chunk(route);
        if (method == "POST" && route == "/push") return push(body);
        if (method == "GET" && route == "/pull") return pull(std::stoll(q["cursor"]), std::stoul(q["limit"]));
        if (method == "GET" && route == "/history") return history(q["entity"]);
        if (method == "GET" && route == "/wait") return {200, encode_wait_reply({head()})};
        return error(404, "not_found", "no route");
    }
};

// --- The transport -------------------------------------------------------------------------

struct FakeTransport : Transport {
    FakeServer& server;
    bool synchronous = true;
    bool offline = false;
    bool swallow = false;                // never answer (a hung connection)
    std::deque<Result<Reply>> scripted;  // replaces the next replies
    std::vector<std::string> calls;      // "POST /push", "GET /pull?cursor=0&limit=1000", ...
    std::deque<std::pair<Result<Reply>, Callback>> later;
    RequestId next_id = 0;
    std::vector<RequestId> cancelled;
    // Changes a server reply before the client gets it (a damaged chunk).
    std::function<void(const std::string& path, Reply& reply)> tamper;

    explicit FakeTransport(FakeServer& s) : server(s) {}

    RequestId request(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& token, Callback callback) override {
        calls.push_back(method + " " + path);
        Result<Reply> reply = Reply{};
        if (!scripted.empty()) {
            reply = std::move(scripted.front());
            scripted.pop_front();
        } else if (offline) {
            reply = make_error("network", "unreachable");
        } else {
            reply = server.handle(method, path, body, token);
            if (tamper) tamper(path, *reply);
        }
        if (swallow) return ++next_id;
        if (synchronous) callback(std::move(reply));
        else later.emplace_back(std::move(reply), std::move(callback));
        return ++next_id;
    }
    void cancel(RequestId id) override { cancelled.push_back(id); }
    void deliver_all() {
        while (!later.empty()) {
            auto [reply, cb] = std::move(later.front());
            later.pop_front();
            cb(std::move(reply));
        }
    }
    std::size_t count(const std::string& prefix) const {
        std::size_t n = 0;
        for (const auto& c : calls) n += c.rfind(prefix, 0) == 0;
        return n;
    }
};

// --- A client: replica + engine ----------------------------------------------------------

// Replica ids are [a-z0-9]{1,16}: "push-sync" -> "pushsync".
inline std::string replica_name(const std::string& name) {
    std::string out;
    for (char c : name)
        if (c != '-') out += c;
    return out.substr(0, 16);
}

struct Client {
    std::string dir;
    std::string replica_id;
    FakeTransport transport;
    std::unique_ptr<app::Replica> replica;
    std::unique_ptr<SyncEngine> engine;
    SyncEngine::Options options;
    std::int64_t now = kBaseMs;
    int wakes = 0;

    Client(FakeServer& server, const std::string& name, SyncEngine::Options opts = {})
        : dir(fresh_dir("sync-engine-" + name)), replica_id(replica_name(name)), transport(server), options(opts) {
        if (options.token.empty()) options.token = "good";
        reopen();
    }
    void reopen() {
        engine.reset();
        replica.reset();
        auto r = app::Replica::open(dir, replica_id);
        REQUIRE(r.ok());
        replica = std::make_unique<app::Replica>(std::move(r.value()));
        engine = std::make_unique<SyncEngine>(*replica, transport, options);
        engine->on_wake = [this] { ++wakes; };
    }
    // Ticks (delivering asynchronous replies in between) until the engine is idle.
    void sync(int rounds = 40) {
        for (int i = 0; i < rounds; ++i) {
            engine->tick(now);
            transport.deliver_all();
            now += 10;
        }
    }
    Operation commit(const std::function<Operation(OpFactory&)>& mint) {
        Operation minted;
        Outcome ok = replica->commit([&](OpFactory& f) { return minted = mint(f); });
        REQUIRE_MESSAGE(ok.ok(), (ok.ok() ? "" : ok.error().message));
        return minted;
    }
    std::string create(const std::string& title) {
        return commit([&](OpFactory& f) { return f.create_incident("u:" + replica_id, now, {{IncidentField::title, title}}); })
            .entity_id;
    }
    const Incident& incident(const std::string& id) const {
        const Incident* inc = replica->desk().find(id);
        REQUIRE(inc != nullptr);
        return *inc;
    }
};

// The server's view of an incident equals the client's: values, status, events, history.
inline void check_same(const Desk& client, const Desk& server) {
    CHECK(render_state(client) == render_state(server));
    CHECK(render_desk_full(client) == render_desk_full(server));
}


}  // namespace hotline::testing::sync_fake
