// Which address a request comes from, for the login rate limits and the log. By default the
// TCP peer's, whatever the request says: X-Forwarded-For is written by the client and would
// let anyone pick the address their failed logins count against. Only when the peer is one
// of the configured trusted proxies (--trusted-proxy) is X-Forwarded-For read, from the right
// (the entry the proxy itself appended) leftwards, past any further trusted proxies; the
// first other address is the client's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "core/result.hpp"

namespace hotline::server::http {

// Parses "10.0.0.1", "::1", ...; "bad_address" naming the text otherwise.
Result<std::vector<boost::asio::ip::address>> parse_addresses(const std::vector<std::string>& texts);

// forwarded_for: every X-Forwarded-For value of the request, joined by ", " in header order
// (empty when there is none).
std::string client_address(const boost::asio::ip::address& peer, std::string_view forwarded_for,
                           const std::vector<boost::asio::ip::address>& trusted_proxies);

}  // namespace hotline::server::http
