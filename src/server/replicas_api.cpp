#include "server/replicas_api.hpp"

#include "protocol/push_messages.hpp"
#include "protocol/request_body.hpp"

namespace hotline::server {
namespace {

ApiResponse storage_unavailable(const Error& e) { return api_error(503, "storage_unavailable", e.message); }

}  // namespace

ApiResponse register_replica(Database& db, const Principal& who, const std::string& body) {
    auto request = protocol::parse_object(body, {"replica"});
    if (!request) return api_error(400, request.error().code, request.error().message);
    auto replica = protocol::string_member(*request, "replica");
    if (!replica) return api_error(400, replica.error().code, replica.error().message);
    if (auto client = protocol::check_client_replica(*replica); !client)
        return api_error(400, client.error().code, client.error().message);
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
    if (!protocol::check_client_replica(replica)) return none();
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
