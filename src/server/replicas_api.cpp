#include "server/replicas_api.hpp"

#include "core/ids.hpp"
#include "server/request_body.hpp"
#include "server/server_desk.hpp"

namespace hotline::server {
namespace {

ApiResponse storage_unavailable(const Error& e) { return api_error(503, "storage_unavailable", e.message); }

bool is_client_replica(const std::string& replica) { return is_valid_replica_id(replica) && replica != kServerReplica; }

}  // namespace

ApiResponse register_replica(Database& db, const Principal& who, const std::string& body) {
    auto request = parse_object(body, {"replica"});
    if (!request) return api_error(400, request.error().code, request.error().message);
    auto replica = string_member(*request, "replica");
    if (!replica) return api_error(400, replica.error().code, replica.error().message);
    if (!is_client_replica(*replica))
        return api_error(400, "bad_replica", "\"replica\" must be 1-16 characters of a-z and 0-9, not \"server\".");
    // Under the write lock, like a push's binding: two registrations cannot both win.
    auto tx = db.begin_write();
    if (!tx) return storage_unavailable(tx.error());
    auto owner = (*tx)->replica_owner(*replica);
    if (!owner) return storage_unavailable(owner.error());
    const nlohmann::json reply = {{"replica", *replica}, {"login", who.login}};
    if (*owner) {
        if (**owner != who.login)
            return api_error(403, "forbidden_replica", "Replica " + *replica + " belongs to another user.");
        return {200, reply, std::nullopt};
    }
    if (auto bound = (*tx)->bind_replica(*replica, who.login); !bound) return storage_unavailable(bound.error());
    if (auto committed = (*tx)->commit(); !committed) return storage_unavailable(committed.error());
    return {201, reply, std::nullopt};
}

ApiResponse release_replica(Database& db, const std::string& replica) {
    auto none = [&] { return api_error(404, "no_such_replica", "Nobody owns a replica " + replica + "."); };
    if (!is_client_replica(replica)) return none();
    auto tx = db.begin_write();
    if (!tx) return storage_unavailable(tx.error());
    auto released = (*tx)->release_replica(replica);
    if (!released) return storage_unavailable(released.error());
    switch (*released) {
        case ReplicaRelease::released:
            if (auto committed = (*tx)->commit(); !committed) return storage_unavailable(committed.error());
            return {204, nullptr, std::nullopt};
        case ReplicaRelease::unbound:
            return none();
        case ReplicaRelease::has_operations:
            return api_error(409, "replica_in_use",
                             "Operations of replica " + replica + " are stored: it stays with its user.");
    }
    return storage_unavailable(make_error("storage_error", "unknown release outcome"));
}

}  // namespace hotline::server
