#include "server/login_limiter.hpp"

#include <algorithm>

#include <boost/asio/ip/address.hpp>

namespace hotline::server {
namespace {

namespace ip = boost::asio::ip;

// What one client controls: an IPv6 client is given a whole /64 and picks the other half
// of its address at will (privacy addresses), so every address of a /64 counts as one.
// An IPv4-mapped address (::ffff:a.b.c.d) is the IPv4 client a.b.c.d. Text that is no
// address is kept as it is.
std::string client_block(const std::string& address) {
    boost::system::error_code ec;
    const ip::address parsed = ip::make_address(address, ec);
    if (ec || !parsed.is_v6()) return address;
    const ip::address_v6 v6 = parsed.to_v6();
    if (v6.is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, v6).to_string();
    ip::address_v6::bytes_type bytes = v6.to_bytes();
    std::fill(bytes.begin() + 8, bytes.end(), 0);
    return ip::address_v6(bytes).to_string() + "/64";
}

// Blocks hold no space, logins no space either (is_valid_login): the key is unambiguous.
std::string pair_key(const std::string& login, const std::string& address) {
    return "p:" + client_block(address) + " " + login;
}
std::string address_key(const std::string& address) { return "a:" + client_block(address); }

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
