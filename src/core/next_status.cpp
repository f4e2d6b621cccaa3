#include "core/next_status.hpp"

namespace hotline {

std::optional<IncidentStatus> next_status(IncidentStatus from) {
    using S = IncidentStatus;
    switch (from) {
        case S::registered: return S::assigned;
        case S::assigned: return S::in_progress;
        case S::in_progress: return S::solved;
        case S::solved: return S::accepted;
        case S::accepted: return S::closed;
        case S::transferred: return S::in_progress;
        case S::closed:
        case S::archived: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace hotline
