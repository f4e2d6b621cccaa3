#include "server/login_limiter.hpp"

#include <algorithm>

namespace hotline::server {
namespace {
// Addresses hold no space, logins no space either (is_valid_login): the key is unambiguous.
std::string pair_key(const std::string& login, const std::string& address) { return "p:" + address + " " + login; }
std::string address_key(const std::string& address) { return "a:" + address; }
}  // namespace

std::int64_t LoginLimiter::wait_for(const std::string& key, std::size_t max_failures, std::int64_t now_ms) {
    auto it = failures_.find(key);
    if (it == failures_.end()) return 0;
    auto& times = it->second;
    while (!times.empty() && times.front() <= now_ms - kWindowMs) times.pop_front();
    if (times.size() < max_failures) return 0;
    // Refused until enough failures have left the window to allow one more.
    return times[times.size() - max_failures] + kWindowMs - now_ms;
}

std::int64_t LoginLimiter::retry_after_ms(const std::string& login, const std::string& address, std::int64_t now_ms) {
    prune(now_ms);
    return std::max(wait_for(pair_key(login, address), kMaxFailuresPerPair, now_ms),
                    wait_for(address_key(address), kMaxFailuresPerAddress, now_ms));
}

void LoginLimiter::record_attempt(const std::string& login, const std::string& address, std::int64_t now_ms) {
    failures_[pair_key(login, address)].push_back(now_ms);
    failures_[address_key(address)].push_back(now_ms);
}

void LoginLimiter::record_success(const std::string& login, const std::string& address, std::int64_t attempt_ms) {
    failures_.erase(pair_key(login, address));
    auto it = failures_.find(address_key(address));
    if (it == failures_.end()) return;
    auto& times = it->second;
    // The newest entry of that time is this attempt's (others of the same millisecond are alike).
    if (auto found = std::find(times.rbegin(), times.rend(), attempt_ms); found != times.rend())
        times.erase(std::next(found).base());
}

void LoginLimiter::prune(std::int64_t now_ms) {
    // Forget keys whose failures have all expired, so random login names cannot grow the map forever.
    if (now_ms - last_prune_ms_ < kWindowMs) return;
    last_prune_ms_ = now_ms;
    std::erase_if(failures_, [&](const auto& entry) {
        return entry.second.empty() || entry.second.back() <= now_ms - kWindowMs;
    });
}

}  // namespace hotline::server
