// Structured access log: one JSON object per answered request, for operators and tests.
// Contract: the line never carries the query string or any header (tokens and passwords
// travel there), only the path. The sink is injectable; the default writes to stderr.
// The server calls the sink from its io thread only.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace hotline::server::http {

// Receives one line, without the trailing newline.
using LogSink = std::function<void(std::string_view line)>;

struct RequestLogEntry {
    std::chrono::system_clock::time_point time;  // when the request was answered
    std::string method;                          // "GET"; "-" when the request line was unreadable
    std::string path;                            // without the query string
    int status = 0;                              // 499: the client went away before the answer
    double duration_ms = 0;                      // from the end of the request header to the last byte written
    std::uint64_t bytes = 0;                     // body bytes sent
    std::string client;                          // peer address
};

// {"time":"2025-01-31T12:00:00.123Z","method":"GET","path":"/","status":200,
//  "duration_ms":0.42,"bytes":1234,"client":"127.0.0.1"}
std::string format_log_line(const RequestLogEntry& entry);

// Writes each line and a newline to std::cerr.
LogSink stderr_log_sink();

}  // namespace hotline::server::http
