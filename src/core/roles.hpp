// The roles people sign in with (P6) and sets of them, as the schema
// (schema.hpp) uses them to say who may create and change each kind of record.
//
//   agent       registers and works incidents; keeps customer data current
//   engineer    the same; the usual assignee
//   technician  field work: only incidents assigned to them or that they registered,
//               and the customers and units those refer to; offline for days
//   manager     everything on incidents and customers, plus the reference data
//   admin       everything a manager may, plus users
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace hotline {

enum class Role : std::uint8_t { agent, engineer, technician, manager, admin };
inline constexpr Role kAllRoles[] = {Role::agent, Role::engineer, Role::technician, Role::manager, Role::admin};

std::string_view role_name(Role r);
std::optional<Role> role_by_name(std::string_view name);

class RoleSet {
public:
    constexpr RoleSet() = default;
    constexpr RoleSet(std::initializer_list<Role> roles) {
        for (Role r : roles) bits_ |= bit(r);
    }
    constexpr bool contains(Role r) const { return (bits_ & bit(r)) != 0; }

private:
    static constexpr std::uint8_t bit(Role r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
    std::uint8_t bits_ = 0;
};

}  // namespace hotline
