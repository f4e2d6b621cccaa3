#include "core/roles.hpp"

#include <array>

namespace hotline {
namespace {
constexpr std::array<std::string_view, 5> kRoleNames = {"agent", "engineer", "technician", "manager", "admin"};
}  // namespace

std::string_view role_name(Role r) { return kRoleNames[static_cast<std::size_t>(r)]; }

std::optional<Role> role_by_name(std::string_view name) {
    for (std::size_t i = 0; i < kRoleNames.size(); ++i)
        if (kRoleNames[i] == name) return static_cast<Role>(i);
    return std::nullopt;
}

}  // namespace hotline
