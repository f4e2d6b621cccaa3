// The POSIX rule of an IANA time zone, read from the server's zone files (Debian's tzdata):
// a TZif file of version 2 or later ends with "\n<rule>\n" (RFC 8536, 3.3), the rules in
// force now and for the coming years, which core/posix_zone.hpp evaluates. The browser has
// no zone files: the server writes each calendar's rule into its record (server_writes.hpp)
// and the clients evaluate it (issue 14, S3).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hotline::server {

inline constexpr std::string_view kZoneInfoDir = "/usr/share/zoneinfo";

// nullopt when `name` is not a zone name (core's is_valid_zone_name), has no file under
// `dir`, or its file holds no rule this version can evaluate.
std::optional<std::string> system_zone_rule(std::string_view name, std::string_view dir = kZoneInfoDir);

}  // namespace hotline::server
