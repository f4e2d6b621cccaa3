// The next status (core/next_status.hpp): each step is allowed by W1.
#include <doctest/doctest.h>

#include "core/next_status.hpp"
#include "core/workflow.hpp"

using namespace hotline;

TEST_CASE("next status: every step is an allowed transition; Closed and Archived have none") {
    for (int s = 0; s < kStatusCount; ++s) {
        const auto from = static_cast<IncidentStatus>(s);
        if (auto next = next_status(from)) CHECK(is_allowed_transition(from, *next));
    }
    CHECK(next_status(IncidentStatus::registered) == IncidentStatus::assigned);
    CHECK(next_status(IncidentStatus::in_progress) == IncidentStatus::solved);
    CHECK(next_status(IncidentStatus::transferred) == IncidentStatus::in_progress);
    CHECK_FALSE(next_status(IncidentStatus::closed));
    CHECK_FALSE(next_status(IncidentStatus::archived));
}
