#include "server/http/http_metrics.hpp"

#include <cstdio>

namespace hotline::server::http {
namespace {

std::string number(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", value);
    return buf;
}

}  // namespace

void metrics_family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void metrics_value(std::string& out, std::string_view name, double value) {
    out.append(name).append(" ").append(number(value)).append("\n");
}

void HttpMetrics::record(std::string_view route, int status, double seconds) {
    auto it = routes_.find(route);
    if (it == routes_.end()) it = routes_.emplace(std::string(route), Route{}).first;
    Route& r = it->second;
    ++r.by_status[status];
    ++r.count;
    r.seconds += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i]) {
            ++r.at_most[i];
            break;
        }
}

std::string HttpMetrics::render(const Gauges& gauges, const std::function<void(std::string&)>& application) const {
    std::string out;
    metrics_family(out, "hotline_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (const auto& [route, r] : routes_)
        for (const auto& [status, count] : r.by_status)
            out += "hotline_http_requests_total{route=\"" + route + "\",status=\"" + std::to_string(status) + "\"} " +
                   std::to_string(count) + "\n";
    metrics_family(out, "hotline_http_request_duration_seconds", "histogram",
                   "From a request's header to its reply written (a long poll's wait included).");
    for (const auto& [route, r] : routes_) {
        const std::string label = "{route=\"" + route + "\",le=\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += r.at_most[i];
            out += "hotline_http_request_duration_seconds_bucket" + label + number(kBuckets[i]) + "\"} " +
                   std::to_string(cumulative) + "\n";
        }
        out += "hotline_http_request_duration_seconds_bucket" + label + "+Inf\"} " + std::to_string(r.count) + "\n";
        out += "hotline_http_request_duration_seconds_sum{route=\"" + route + "\"} " + number(r.seconds) + "\n";
        out += "hotline_http_request_duration_seconds_count{route=\"" + route + "\"} " + std::to_string(r.count) + "\n";
    }
    metrics_family(out, "hotline_http_connections", "gauge", "Open client connections.");
    metrics_value(out, "hotline_http_connections", static_cast<double>(gauges.connections));
    metrics_family(out, "hotline_waiting_polls", "gauge", "Long polls (GET /api/v1/wait) parked, waiting for a change.");
    metrics_value(out, "hotline_waiting_polls", static_cast<double>(gauges.waiting_polls));
    metrics_family(out, "hotline_background_jobs", "gauge", "Password hashes queued or running on the worker threads.");
    metrics_value(out, "hotline_background_jobs", static_cast<double>(gauges.background_jobs));
    if (application) application(out);
    return out;
}

}  // namespace hotline::server::http
