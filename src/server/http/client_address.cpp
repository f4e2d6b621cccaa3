#include "server/http/client_address.hpp"

#include <algorithm>

namespace hotline::server::http {
namespace {

namespace ip = boost::asio::ip;

// An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d: compare it as a.b.c.d.
ip::address plain(const ip::address& address) {
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return ip::make_address_v4(ip::v4_mapped, address.to_v6());
    return address;
}

bool is_trusted(const ip::address& address, const std::vector<ip::address>& trusted) {
    return std::find(trusted.begin(), trusted.end(), plain(address)) != trusted.end();
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

Result<std::vector<ip::address>> parse_addresses(const std::vector<std::string>& texts) {
    std::vector<ip::address> addresses;
    for (const std::string& text : texts) {
        boost::system::error_code ec;
        const auto address = ip::make_address(text, ec);
        if (ec) return make_error("bad_address", "not an IP address: '" + text + "'");
        addresses.push_back(plain(address));
    }
    return addresses;
}

std::string client_address(const ip::address& peer, std::string_view forwarded_for,
                           const std::vector<ip::address>& trusted_proxies) {
    ip::address client = plain(peer);
    if (!is_trusted(client, trusted_proxies)) return client.to_string();
    // Right to left: each hop appends the address it was reached from.
    while (!forwarded_for.empty()) {
        const auto comma = forwarded_for.rfind(',');
        const std::string_view entry = trimmed(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
        forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
        boost::system::error_code ec;
        const auto hop = ip::make_address(std::string(entry), ec);
        if (ec) break;  // garbage from further left: the last address we could trust stands
        client = plain(hop);
        if (!is_trusted(client, trusted_proxies)) break;
    }
    return client.to_string();
}

}  // namespace hotline::server::http
