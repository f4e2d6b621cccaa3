#include "server/login_limiter.hpp"

#include <algorithm>

namespace hotline::server {
namespace {
std::string login_key(const std::string& login) { return "l:" + login; }
std::string address_key(const std::string& address) { return "a:" + address; }
}  // namespace

std::int64_t LoginLimiter::wait_for(const std::string& key, std::int64_t now_ms) {
    auto it = failures_.find(key);
    if (it == failures_.end()) return 0;
    auto& times = it->second;
    while (!times.empty() && times.front() <= now_ms - kWindowMs) times.pop_front();
    if (times.size() < kMaxFailures) return 0;
    return times.front() + kWindowMs - now_ms;
}

std::int64_t LoginLimiter::retry_after_ms(const std::string& login, const std::string& address, std::int64_t now_ms) {
    prune(now_ms);
    return std::max(wait_for(login_key(login), now_ms), wait_for(address_key(address), now_ms));
}

void LoginLimiter::record_failure(const std::string& login, const std::string& address, std::int64_t now_ms) {
    failures_[login_key(login)].push_back(now_ms);
    failures_[address_key(address)].push_back(now_ms);
}

void LoginLimiter::record_success(const std::string& login) { failures_.erase(login_key(login)); }

void LoginLimiter::prune(std::int64_t now_ms) {
    // Forget keys whose failures have all expired, so random login names cannot grow the map forever.
    if (now_ms - last_prune_ms_ < kWindowMs) return;
    last_prune_ms_ = now_ms;
    std::erase_if(failures_, [&](const auto& entry) {
        return entry.second.empty() || entry.second.back() <= now_ms - kWindowMs;
    });
}

}  // namespace hotline::server
