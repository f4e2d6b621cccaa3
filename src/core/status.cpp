#include "core/status.hpp"

namespace hotline {
namespace {
struct StatusNames {
    std::string_view name;
    std::string_view label;
};
constexpr StatusNames kNames[kStatusCount] = {
    {"registered", "Registered"}, {"assigned", "Assigned"},   {"in_progress", "In progress"},
    {"solved", "Solved"},         {"accepted", "Accepted"},   {"transferred", "Transferred"},
    {"closed", "Closed"},         {"archived", "Archived"},
};
}  // namespace

std::string_view status_name(IncidentStatus s) { return kNames[static_cast<int>(s)].name; }
std::string_view status_label(IncidentStatus s) { return kNames[static_cast<int>(s)].label; }

std::optional<IncidentStatus> status_by_name(std::string_view name) {
    for (int i = 0; i < kStatusCount; ++i)
        if (kNames[i].name == name) return static_cast<IncidentStatus>(i);
    return std::nullopt;
}

}  // namespace hotline
