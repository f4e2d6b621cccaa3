#include "server/zoneinfo.hpp"

#include <fstream>
#include <iterator>

#include "core/calendar_record.hpp"
#include "core/posix_zone.hpp"

namespace hotline::server {

std::optional<std::string> system_zone_rule(std::string_view name, std::string_view dir) {
    if (!is_valid_zone_name(name)) return std::nullopt;  // no "..", no absolute path
    std::ifstream in(std::string(dir) + "/" + std::string(name), std::ios::binary);
    if (!in) return std::nullopt;
    const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // "TZif", then the version: '2' or later has the footer.
    if (file.size() < 6 || file.compare(0, 4, "TZif") != 0 || file[4] < '2' || file.back() != '\n') return std::nullopt;
    const std::size_t open = file.rfind('\n', file.size() - 2);
    if (open == std::string::npos) return std::nullopt;
    std::string rule = file.substr(open + 1, file.size() - open - 2);
    if (rule.empty() || !PosixZone::parse(rule)) return std::nullopt;
    return rule;
}

}  // namespace hotline::server
