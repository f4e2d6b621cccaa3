// Compression of replies on the wire (Content-Encoding: gzip), for clients that say they
// take it (a browser always does, and decodes it natively; the native test client does
// not ask, and gets plain bodies). A first-sync snapshot and pull pages shrink several
// times over.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hotline::server {

// Smaller bodies are sent as they are: compressing them saves less than it costs.
inline constexpr std::size_t kGzipMinBytes = 1024;

// Does an Accept-Encoding header value allow gzip? ("gzip", "gzip;q=0.5", "*"; not "gzip;q=0").
bool accepts_gzip(std::string_view accept_encoding);

// The gzip member of `data` (zlib, fastest level: the server compresses megabytes per
// first sync on its io thread); empty if zlib fails, then the body goes uncompressed.
std::string gzip(std::string_view data);

}  // namespace hotline::server
