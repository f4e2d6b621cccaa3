// Access log lines (request_log.hpp).
#include "server/http/request_log.hpp"

#include <cmath>
#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

namespace hotline::server::http {
namespace {

std::string iso_utc(std::chrono::system_clock::time_point time) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[64];  // roomy: the compiler cannot bound the year
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
    return text;
}

}  // namespace

std::string format_log_line(const RequestLogEntry& entry) {
    const nlohmann::json line = {
        {"time", iso_utc(entry.time)},
        {"method", entry.method},
        {"path", entry.path},
        {"status", entry.status},
        // Microsecond resolution is plenty and keeps the lines short.
        {"duration_ms", std::round(entry.duration_ms * 1000.0) / 1000.0},
        {"bytes", entry.bytes},
        {"client", entry.client},
    };
    // A path is whatever the client sent: replace invalid UTF-8 rather than throw.
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

LogSink stderr_log_sink() {
    return [](std::string_view line) {
        std::cerr.write(line.data(), static_cast<std::streamsize>(line.size()));
        std::cerr.put('\n');
        std::cerr.flush();
    };
}

}  // namespace hotline::server::http
