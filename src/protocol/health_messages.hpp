// GET /health (docs/sync-protocol.md), asked without a token by the app's server probe
// (app/sign_in.hpp) and by load balancers:
//   200 {"status":"ok","head":1019}                      the process and its database answer
//   503 {"status":"unavailable","message":"..."}         the process answers, its database not
//   200 {"status":"static"}                              a static host (web/static_health.json)
// An unavailable server is still a Hotline server: the app shows its sign-in (which then
// explains the refusal) instead of taking the site for a static demo host.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hotline::protocol {

std::string encode_health_ok(std::int64_t head);
std::string encode_health_unavailable(std::string_view message);
// Whether a /health body came from a Hotline server, reachable database or not.
bool is_server_health(std::string_view body);

}  // namespace hotline::protocol
