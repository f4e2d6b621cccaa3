#include "server/http/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace hotline::server {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool same_letters(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// "q=0", "q=0.0", "q=0.000": the coding is refused.
bool zero_quality(std::string_view params) {
    for (std::size_t pos = 0; pos < params.size();) {
        const auto semi = params.find(';', pos);
        const std::string_view p = trim(params.substr(pos, semi == std::string_view::npos ? semi : semi - pos));
        if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=')
            return p.substr(2).find_first_not_of("0.") == std::string_view::npos;
        if (semi == std::string_view::npos) break;
        pos = semi + 1;
    }
    return false;
}

}  // namespace

bool accepts_gzip(std::string_view header) {
    bool star = false;
    for (std::size_t pos = 0; pos <= header.size();) {
        const auto comma = header.find(',', pos);
        const std::string_view item = header.substr(pos, comma == std::string_view::npos ? comma : comma - pos);
        const auto semi = item.find(';');
        const std::string_view coding = trim(item.substr(0, semi));
        const std::string_view params = semi == std::string_view::npos ? std::string_view() : item.substr(semi + 1);
        if (same_letters(coding, "gzip") || same_letters(coding, "x-gzip")) return !zero_quality(params);
        if (coding == "*") star = !zero_quality(params);
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    return star;
}

std::string gzip(std::string_view data) {
    z_stream z{};
    // 15 window bits + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (result != Z_STREAM_END) return {};
    return out;
}

}  // namespace hotline::server
