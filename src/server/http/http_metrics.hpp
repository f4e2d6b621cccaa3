// GET /metrics (issue 13): the Prometheus text format (version 0.0.4). The HTTP layer counts
// requests by route and status and keeps their durations as a histogram per route (from the
// request's header to its reply written: a long poll's wait included), and reports the open
// connections, the parked long polls and the queued background work; the application adds
// its own families (ApiHandler::write_metrics). Routes are labels the handler names
// (ApiHandler::route_label), "static" for files and "/metrics", so a client cannot make up
// new series. Answered only to the peers of HttpServerSettings::metrics_allow. Io thread only.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace hotline::server::http {

inline constexpr std::string_view kMetricsPath = "/metrics";
inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

class HttpMetrics {
public:
    void record(std::string_view route, int status, double seconds);

    struct Gauges {
        std::size_t connections = 0, waiting_polls = 0, background_jobs = 0;
    };
    // The HTTP layer's families, then what `application` writes.
    std::string render(const Gauges& gauges, const std::function<void(std::string&)>& application) const;

private:
    static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 5};
    struct Route {
        std::map<int, std::uint64_t> by_status;
        std::array<std::uint64_t, kBuckets.size()> at_most{};  // counts per bucket, not cumulative
        std::uint64_t count = 0;
        double seconds = 0;
    };
    std::map<std::string, Route, std::less<>> routes_;
};

// One family's HELP and TYPE lines, for the application's families too.
void metrics_family(std::string& out, std::string_view name, std::string_view type, std::string_view help);
// "<name> <value>\n"
void metrics_value(std::string& out, std::string_view name, double value);

}  // namespace hotline::server::http
