// One simulated client replica of the server benchmark: its own keep-alive HttpClient
// (so one per thread), its bearer token, and an IncidentWriter minting its operations.
// Calls that fail (transport error, a status other than 200, a refused operation) return
// an Error: a benchmark that measured refusals would measure the wrong thing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/operation.hpp"
#include "core/result.hpp"
#include "incident_ops.hpp"
#include "protocol/push_messages.hpp"
#include "server/http/http_client.hpp"

namespace hotline::server_bench {

class BenchClient {
public:
    BenchClient(std::uint16_t port, std::string login, std::string token, std::string replica, std::uint64_t seed);

    IncidentWriter& writer() { return writer_; }
    const std::string& replica() const { return replica_; }

    // The push request as the sync client sends it (protocol/push_messages.hpp).
    std::string encode_push(const std::vector<Operation>& ops, int want_numbers) const;
    // Sends a push body; leased blocks go to the writer's number allocator. Every
    // operation must be stored (applied or superseded).
    Result<protocol::PushReply> push(const std::string& body);
    // Leases `numbers` final numbers (pushes with no operations, at most 1,000 each).
    Outcome lease(std::int64_t numbers);

    // GET /pull?cursor=&limit=; the reply's body, unparsed.
    Result<std::string> pull(std::int64_t cursor, int limit);
    // GET of `path` under /api/v1 (the first sync's snapshot and chunks); the body.
    Result<std::string> get(const std::string& path);

private:
    server::http::HttpClient http_;
    std::string token_;
    std::string replica_;
    IncidentWriter writer_;
};

// Wall clock in ms for HLC stamps (the server compares them with its own clock).
std::int64_t now_ms();

}  // namespace hotline::server_bench
