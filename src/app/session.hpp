// Who is signed in on this browser, kept in a small file beside the replicas so
// that a reload, or a day offline, goes straight back to the user's desk. The
// token is the server's bearer token (docs/sync-protocol.md); the replica of
// each user lives in its own folder, so two people sharing a browser never see
// each other's unsynced work.
//
//   <root>/session.json      {"login","name","role","token","expires_at"}
//   <root>/users/<login>/    that user's replica (store/replica_store.hpp)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hotline::app {

struct Session {
    std::string login;
    std::string name;
    std::string role;
    std::string token;
    std::int64_t expires_at = 0;  // ms since 1970

    friend bool operator==(const Session&, const Session&) = default;
};

std::string session_path(const std::string& root);
std::string user_replica_dir(const std::string& root, const std::string& login);

// std::nullopt when no one is signed in; an Error when the file is unreadable
// (then the caller asks to sign in again: nothing else depends on it).
Result<std::optional<Session>> load_session(const std::string& root);
Outcome save_session(const std::string& root, const Session& session);
void forget_session(const std::string& root);

// POST /login: the request body, and the reply decoded strictly.
std::string encode_login_request(std::string_view login, std::string_view password);
Result<Session> decode_login_reply(std::string_view body);

}  // namespace hotline::app
