// Incident status (W1) and its wire names.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hotline {

enum class IncidentStatus : std::uint8_t {
    registered,
    assigned,
    in_progress,
    solved,
    accepted,
    transferred,
    closed,
    archived,
};

inline constexpr int kStatusCount = 8;

std::string_view status_name(IncidentStatus s);   // wire name: "in_progress"
std::string_view status_label(IncidentStatus s);  // English label: "In progress"
std::optional<IncidentStatus> status_by_name(std::string_view name);

}  // namespace hotline
