// Many clients waiting for live updates at once (issue 13: 10,000 long polls on one server
// process): `count` keep-alive connections to one server, each parking GET /wait, all driven
// by one io thread of this process (a thread per connection would measure the benchmark).
// park() sends a poll on every connection from one cursor; answers() waits for their replies
// and says when each came.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace hotline::server_bench {

class WaitingClients {
public:
    using Clock = std::chrono::steady_clock;
    struct Answer {
        Clock::time_point at;
        int status = 0;             // 0: no reply (a transport error)
        std::int64_t head = -1;     // the reply's head
    };

    // Connects `count` clients to 127.0.0.1:`port` (a few hundred connecting at a time, so the
    // server's accept backlog never overflows).
    static Result<std::unique_ptr<WaitingClients>> connect(std::uint16_t port, std::size_t count);
    ~WaitingClients();

    // Sends GET /wait?cursor=<cursor>&timeout_ms=30000 on every connection; returns once
    // every request is written.
    Outcome park(const std::string& token, std::int64_t cursor);
    // Waits (at most `limit`) until every poll is answered.
    Result<std::vector<Answer>> answers(std::chrono::milliseconds limit);

private:
    struct Impl;
    explicit WaitingClients(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace hotline::server_bench
