// Unit lookup by serial number (R4), for the registration form: the agent types
// a serial, or its beginning, and sees the unit with its account, item, warranty
// and contract coverage at once. Serials are compared case-insensitively
// (text_fold.hpp); an exact serial comes first, then the serials it begins, in
// order. Inactive units are left out.
//
// The serials are kept sorted (one binary search per keystroke over 100,000
// units); units added to the desk since are merged in at the next find(), and
// refresh() rebuilds after edits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/desk.hpp"

namespace hotline::app {

// A unit as the registration shows it, on a given day.
struct UnitCoverage {
    const Entity* unit = nullptr;
    const Entity* account = nullptr;   // null if the desk does not hold it
    const Entity* contract = nullptr;  // null when the unit has none
    std::string warranty_end;          // "YYYY-MM-DD" or empty (no warranty known)
    bool in_warranty = false;          // on the day: not after warranty_end
    bool contract_in_force = false;    // active, and the day within its start..end
};

// `date` is "YYYY-MM-DD" (utc_date of now, or the user's day).
UnitCoverage unit_coverage(const Desk& desk, const Entity& unit, std::string_view date);
// "In warranty until 2026-03-31", "Warranty expired 2025-09-30", "No warranty".
std::string warranty_text(const UnitCoverage& c);
// "Print Care Gold (service contract), in force", "... , not in force", "No contract".
std::string contract_text(const UnitCoverage& c);

class UnitLookup {
public:
    explicit UnitLookup(const Desk& desk) : desk_(desk) {}

    void refresh();
    std::vector<const Entity*> find(std::string_view serial, std::size_t limit = 10);

private:
    void build_if_stale();

    const Desk& desk_;
    std::vector<std::pair<std::string, std::uint32_t>> serials_;  // lookup key, unit row; sorted
    std::size_t built_units_ = 0;
};

}  // namespace hotline::app
