#include "server/credentials.hpp"

#include <sodium.h>

namespace hotline::server {
namespace {

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    std::string hex(n * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, n);
    hex.pop_back();
    return hex;
}

}  // namespace

Outcome init_credentials() {
    if (sodium_init() < 0) return make_error("crypto_unavailable", "libsodium could not be initialised.");
    return {};
}

Result<std::string> hash_password(std::string_view password, HashCost cost) {
    const auto ops = cost == HashCost::interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN;
    const auto mem = cost == HashCost::interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return make_error("out_of_memory", "Not enough memory to hash the password.");
    return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
    // crypto_pwhash_str_verify wants a NUL-terminated string of bounded length.
    if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
    std::string hash(stored_hash);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string new_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return to_hex(bytes, sizeof bytes);
}

std::string token_hash(std::string_view token) {
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    return to_hex(digest, sizeof digest);
}

}  // namespace hotline::server
