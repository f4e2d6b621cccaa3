// A sync::Transport that wraps another one and misbehaves on purpose, driven by a
// seeded RNG so a failing run can be replayed (tests/server/convergence_test.cpp):
//   drop request   the request is never sent; the engine hears an error
//   drop reply     the request is sent (the server applies it), the engine hears an
//                  error: it must retry without applying anything twice
//   duplicate      the request is sent twice; the engine hears the second answer
//   stale          an old captured push body is sent again before the real request
//                  (a late, reordered delivery of a message already answered)
//   delay          the answer is held and handed over later by deliver_held() (as a
//                  browser's event loop would), possibly after the engine gave up on it
//   offline        every request fails without being sent (the replica is offline)
// Only pushes are captured for stale re-sends: re-sending a pull or a long poll proves
// nothing and a long poll would only cost time. `before_send` lets the test act while a
// request is about to go out (e.g. start a thread that kills the server mid-push).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <random>
#include <string>

#include "sync/transport.hpp"

namespace hotline::server_test {

struct ChaosRates {  // percentages, each rolled per request
    int drop_request = 0;
    int drop_reply = 0;
    int duplicate = 0;
    int stale = 0;
    int delay = 0;
};

struct ChaosCounters {
    std::size_t requests = 0;  // asked for by the engine
    std::size_t dropped_requests = 0;
    std::size_t dropped_replies = 0;
    std::size_t duplicated = 0;
    std::size_t stale_resent = 0;
    std::size_t delayed = 0;
    std::size_t offline_refused = 0;
};

class ChaosTransport : public sync::Transport {
public:
    ChaosTransport(sync::Transport& inner, std::uint64_t seed, ChaosRates rates);

    sync::RequestId request(const std::string& method, const std::string& path_and_query, const std::string& body,
                            const std::string& bearer_token, Callback callback) override;

    bool enabled = true;   // false: every request passes through untouched
    bool offline = false;  // true: every request fails unsent (wins over `enabled`)
    std::function<void(const std::string& method, const std::string& path)> before_send;

    // Hands the held answers over, oldest first.
    void deliver_held();

    const ChaosCounters& counters() const { return counters_; }

private:
    struct Captured {
        std::string method, path, body, token;
    };
    bool roll(int percent);
    void send_unheard(const Captured& c);

    sync::Transport& inner_;
    std::mt19937_64 rng_;
    ChaosRates rates_;
    ChaosCounters counters_;
    std::deque<std::pair<Result<sync::Reply>, Callback>> held_;
    std::deque<Captured> captured_;  // recent pushes, for stale re-sends
    sync::RequestId next_id_ = 0;
};

}  // namespace hotline::server_test
