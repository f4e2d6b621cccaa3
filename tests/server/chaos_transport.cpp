#include "chaos_transport.hpp"

#include <utility>

namespace hotline::server_test {
namespace {
constexpr std::size_t kCapturedMax = 32;
}

ChaosTransport::ChaosTransport(sync::Transport& inner, std::uint64_t seed, ChaosRates rates)
    : inner_(inner), rng_(seed), rates_(rates) {}

bool ChaosTransport::roll(int percent) {
    return percent > 0 && std::uniform_int_distribution<int>(0, 99)(rng_) < percent;
}

void ChaosTransport::send_unheard(const Captured& c) {
    inner_.request(c.method, c.path, c.body, c.token, [](Result<sync::Reply>) {});
}

sync::RequestId ChaosTransport::request(const std::string& method, const std::string& path_and_query,
                                        const std::string& body, const std::string& bearer_token, Callback callback) {
    ++counters_.requests;
    const sync::RequestId id = ++next_id_;
    if (offline) {
        ++counters_.offline_refused;
        callback(make_error("offline", "chaos: the replica is offline"));
        return id;
    }
    if (!enabled) {
        inner_.request(method, path_and_query, body, bearer_token, std::move(callback));
        return id;
    }
    // Roll every die on every request, so the sequence of decisions does not depend on
    // which branch an earlier roll took (a seed replays the same chaos).
    const bool stale = roll(rates_.stale);
    const bool drop_request = roll(rates_.drop_request);
    const bool duplicate = roll(rates_.duplicate);
    const bool drop_reply = roll(rates_.drop_reply);
    const bool delay = roll(rates_.delay);
    const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, kCapturedMax - 1)(rng_);

    if (stale && !captured_.empty()) {
        ++counters_.stale_resent;
        send_unheard(captured_[pick % captured_.size()]);
    }
    const Captured current{method, path_and_query, body, bearer_token};
    if (method == "POST" && path_and_query == "/push") {
        captured_.push_back(current);
        if (captured_.size() > kCapturedMax) captured_.pop_front();
    }
    if (drop_request) {
        ++counters_.dropped_requests;
        callback(make_error("chaos_dropped_request", "chaos: the request was lost"));
        return id;
    }
    if (before_send) before_send(method, path_and_query);
    if (duplicate) {
        ++counters_.duplicated;
        send_unheard(current);
    }
    if (drop_reply) {
        ++counters_.dropped_replies;
        send_unheard(current);
        callback(make_error("chaos_dropped_reply", "chaos: the reply was lost"));
        return id;
    }
    if (delay) {
        ++counters_.delayed;
        inner_.request(method, path_and_query, body, bearer_token, [this, cb = std::move(callback)](Result<sync::Reply> r) mutable {
            held_.emplace_back(std::move(r), std::move(cb));
        });
        return id;
    }
    inner_.request(method, path_and_query, body, bearer_token, std::move(callback));
    return id;
}

void ChaosTransport::deliver_held() {
    while (!held_.empty()) {
        auto [reply, callback] = std::move(held_.front());
        held_.pop_front();
        callback(std::move(reply));
    }
}

}  // namespace hotline::server_test
