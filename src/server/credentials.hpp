// Passwords and session tokens (ARCHITECTURE.md, trust boundary).
//   passwords  Argon2id through libsodium's crypto_pwhash_str: the stored string
//              carries its own salt and cost, so costs can rise without a migration
//   tokens     32 random bytes as hex, given to the client once; the database
//              keeps only their BLAKE2b-256 hash, so a leaked table opens nothing
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace hotline::server {

// Cost of a password hash. `interactive` is libsodium's recommendation for logins
// (~64 MiB, a fraction of a second); `minimal` exists for tests, which log in hundreds of times.
enum class HashCost { interactive, minimal };

// Must be called once before anything else here (sodium_init).
Outcome init_credentials();

Result<std::string> hash_password(std::string_view password, HashCost cost);
bool verify_password(std::string_view stored_hash, std::string_view password);

std::string new_token();                         // 64 hex characters
std::string token_hash(std::string_view token);  // 64 hex characters

}  // namespace hotline::server
