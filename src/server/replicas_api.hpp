// Who owns a replica id (docs/sync-protocol.md, "Replicas"). A replica's operations may only
// be pushed by the user it belongs to. A replica is bound to a user by its first accepted
// operation, or explicitly, before it has any, by POST /replicas {"replica": "<id>"}; a push
// whose operations are all refused binds nothing, so nobody can claim another's replica id
// with junk. An administrator can undo a binding made by mistake (or by a squatter) with
// DELETE /replicas/<id>, as long as no operation of that replica is stored: stored ids are
// taken for ever.
#pragma once

#include <string>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/db/database.hpp"

namespace hotline::server {

// POST /replicas: 201 bound now, 200 already the caller's, 403 another user's.
ApiResponse register_replica(Database& db, const Principal& who, const std::string& body);
// DELETE /replicas/<id> (administrators): 204 released, 404 nobody owns it, 409 it has operations.
ApiResponse release_replica(Database& db, const std::string& replica);

}  // namespace hotline::server
