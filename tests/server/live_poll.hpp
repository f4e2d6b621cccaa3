// Live updates seen from a client (issue 13): a long poll (GET /wait) parked on one server
// process, and a push on another that must wake it well before its deadline. Used by the
// two-process test (live_updates_test.cpp) and the multi-process convergence run.
#pragma once

#include <cstdint>
#include <string>
#include <thread>

#include "core/op_factory.hpp"
#include "server_process.hpp"

namespace hotline::server_test {

inline constexpr std::int64_t kLivePollWaitMs = 15'000;  // the long poll's own deadline

// A long poll on `port` from `cursor`, on a thread of its own: how long it took to answer.
class Poll {
public:
    Poll(std::uint16_t port, std::string token, std::int64_t cursor);
    ~Poll();  // joins (a failed check may leave early)
    void join() { thread_.join(); }  // waits for the answer
    std::int64_t elapsed_ms() const { return elapsed_ms_; }
    std::int64_t head() const { return head_; }  // -1: no answer

private:
    std::int64_t elapsed_ms_ = -1, head_ = -1;
    std::thread thread_;
};

// Pushes one new incident by `login` (the factory's replica) on `port`: the log's head after it.
std::int64_t push_incident(std::uint16_t port, const std::string& token, const std::string& login, OpFactory& factory,
                           const std::string& title);

// A poll parked on `waiting` from `head` is woken by a push of an incident on `pushing`, well
// before its deadline (checked); `head` becomes the log's head after it.
void check_woken_across(std::uint16_t pushing, const std::string& push_token, std::uint16_t waiting,
                        const std::string& wait_token, const std::string& login, OpFactory& factory,
                        std::int64_t& head, const std::string& title);

}  // namespace hotline::server_test
