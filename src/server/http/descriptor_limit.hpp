// The open-file limit of a process that holds one socket per connected client.
#pragma once

#include <cstdint>
#include <optional>

namespace hotline::server::http {

// Raises this process's soft limit on open descriptors to its hard limit (the soft one is
// often 1,024, far below 10,000 waiting clients; child processes inherit it). Returns the
// new limit when it was raised, nothing when it already was at the hard limit or the system
// refused.
std::optional<std::uint64_t> raise_descriptor_limit();

}  // namespace hotline::server::http
