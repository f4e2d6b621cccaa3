// User management for administrators: GET /users, POST /users,
// PATCH /users/<login>. Passwords arrive in clear over the (TLS-terminated)
// connection and are stored only as Argon2id hashes.
#pragma once

#include <string>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/credentials.hpp"
#include "server/db/database.hpp"

namespace hotline::server {

inline constexpr std::size_t kPasswordMin = 8;
inline constexpr std::size_t kPasswordMax = 1024;

ApiResponse list_users(Database& db);
ApiResponse create_user(Database& db, const std::string& body, HashCost cost);
ApiResponse update_user(Database& db, const Principal& admin, const std::string& login, const std::string& body,
                        HashCost cost);

// Validates and builds a user record (used by the API and by demo seeding).
Result<UserRecord> new_user(const std::string& login, const std::string& name, const std::string& role,
                            const std::string& password, HashCost cost);

}  // namespace hotline::server
