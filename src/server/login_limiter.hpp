// Slows password guessing without letting one guesser lock others out. Failed logins are
// counted per (login, client address) pair and per address, over a sliding window:
//   - kMaxFailuresPerPair failures of one login from one address refuse that pair;
//   - kMaxFailuresPerAddress failures from one address, whatever the logins, refuse the
//     address (one source spraying guesses over many logins).
// An IPv6 address counts by its /64 (one client holds the whole /64), an IPv4-mapped IPv6
// address as the IPv4 address it maps.
// So behind a proxy that hides client addresses (see --trusted-proxy), a user mistyping their
// password locks only themselves, and only from there. An attempt counts as a failure from
// the moment it starts (record_attempt) until it succeeds (record_success): concurrent
// guesses are counted before their password hashes finish. Kept in memory: a restart
// forgets, which only costs an attacker a few more tries.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>

namespace hotline::server {

class LoginLimiter {
public:
    static constexpr std::size_t kMaxFailuresPerPair = 5;
    static constexpr std::size_t kMaxFailuresPerAddress = 100;
    static constexpr std::int64_t kWindowMs = 60'000;

    // 0 when an attempt may go ahead, else how long to wait.
    std::int64_t retry_after_ms(const std::string& login, const std::string& address, std::int64_t now_ms);
    // An attempt begins at now_ms: a failure until record_success says otherwise.
    void record_attempt(const std::string& login, const std::string& address, std::int64_t now_ms);
    // The attempt begun at attempt_ms succeeded: it no longer counts against the address, and
    // the pair's earlier failures are forgotten.
    void record_success(const std::string& login, const std::string& address, std::int64_t attempt_ms);

private:
    std::int64_t wait_for(const std::string& key, std::size_t max_failures, std::int64_t now_ms);
    void prune(std::int64_t now_ms);

    std::unordered_map<std::string, std::deque<std::int64_t>> failures_;  // key -> failure times, oldest first
    std::int64_t last_prune_ms_ = 0;
};

}  // namespace hotline::server
