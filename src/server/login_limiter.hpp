// Slows password guessing: after kMaxFailures failed logins within kWindowMs for
// one login name, or for one client address, further attempts are refused until
// the oldest failure leaves the window. Kept in memory: a restart forgets, which
// only costs an attacker's five more tries.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>

namespace hotline::server {

class LoginLimiter {
public:
    static constexpr std::size_t kMaxFailures = 5;
    static constexpr std::int64_t kWindowMs = 60'000;

    // 0 when an attempt may go ahead, else how long to wait.
    std::int64_t retry_after_ms(const std::string& login, const std::string& address, std::int64_t now_ms);
    void record_failure(const std::string& login, const std::string& address, std::int64_t now_ms);
    void record_success(const std::string& login);

private:
    std::int64_t wait_for(const std::string& key, std::int64_t now_ms);
    void prune(std::int64_t now_ms);

    std::unordered_map<std::string, std::deque<std::int64_t>> failures_;  // key -> failure times
    std::int64_t last_prune_ms_ = 0;
};

}  // namespace hotline::server
