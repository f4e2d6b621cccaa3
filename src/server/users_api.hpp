// User management for administrators: GET /users, POST /users,
// PATCH /users/<login>. Passwords arrive in clear over the (TLS-terminated)
// connection and are stored only as Argon2id hashes, computed as background work
// (ApiResponse::background) off the HTTP io thread.
//
// Names and passwords are text one person types and others read: they follow
// core/text_rules.hpp (no control character, no bidirectional control), and a password's
// length is counted in characters. A new password or a deactivation ends the user's
// sessions; an administrator changing their own password keeps the session they used.
#pragma once

#include <string>

#include "core/authorization.hpp"
#include "server/api_handler.hpp"
#include "server/credentials.hpp"
#include "server/db/database.hpp"

namespace hotline::server {

inline constexpr std::size_t kPasswordMin = 8;      // characters (code points)
inline constexpr std::size_t kPasswordMax = 1024;   // bytes

ApiResponse list_users(Database& db);
ApiResponse create_user(Database& db, const std::string& body, HashCost cost);
// caller_token_hash: the session the request came with (kept when admin changes their own password).
ApiResponse update_user(Database& db, const Principal& admin, const std::string& caller_token_hash,
                        const std::string& login, const std::string& body, HashCost cost);

// Checks a new user's fields: "bad_login", "bad_name", "bad_role", "bad_password".
Outcome check_new_user(const std::string& login, const std::string& name, const std::string& role,
                       const std::string& password);
// Validates and builds a user record, hashing on the calling thread (demo seeding, tests).
Result<UserRecord> new_user(const std::string& login, const std::string& name, const std::string& role,
                            const std::string& password, HashCost cost);

}  // namespace hotline::server
