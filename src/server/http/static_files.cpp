// Site folder lookups (static_files.hpp).
#include "server/http/static_files.hpp"

#include <array>
#include <utility>

#include "server/http/url_codec.hpp"

namespace hotline::server::http {

SiteFile resolve_site_file(const std::filesystem::path& site_dir, std::string_view url_path) {
    if (site_dir.empty()) return {};
    const auto decoded = percent_decode(url_path, false);
    if (!decoded || decoded->empty() || decoded->front() != '/') return {SiteLookup::refused, {}, {}};
    if (decoded->find('\0') != std::string::npos || decoded->find('\\') != std::string::npos) {
        return {SiteLookup::refused, {}, {}};
    }
    // Build the relative path segment by segment: "." and empty segments are skipped,
    // ".." is refused rather than normalised (a client never needs it).
    std::filesystem::path relative;
    std::string_view rest = std::string_view(*decoded).substr(1);
    while (true) {
        const auto slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        if (segment == "..") return {SiteLookup::refused, {}, {}};
        if (!segment.empty() && segment != ".") relative /= std::string(segment);
        if (slash == std::string_view::npos) break;
        rest = rest.substr(slash + 1);
    }
    std::filesystem::path file = site_dir / relative;
    std::error_code ec;
    if (relative.empty() || decoded->back() == '/' || std::filesystem::is_directory(file, ec)) {
        file /= "index.html";
    }
    if (!std::filesystem::is_regular_file(file, ec)) return {};
    // The segments stay inside the folder, but a symlink in it may lead anywhere (a site with
    // "rootdir -> /" would serve /etc). Only a file whose real path lies in the folder's real
    // path is served; it is answered "not found", like a file that is not there.
    const auto real_site = std::filesystem::canonical(site_dir, ec);
    if (ec) return {};
    auto real_file = std::filesystem::canonical(file, ec);
    if (ec) return {};
    const auto inside = real_file.lexically_relative(real_site);
    if (inside.empty() || *inside.begin() == "..") return {};
    return {SiteLookup::found, std::move(file), std::move(real_file)};
}

std::string_view content_type_for(const std::filesystem::path& file) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".data", "application/octet-stream"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".css", "text/css; charset=utf-8"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},
        {".map", "application/json"},
        {".xml", "application/xml"},
    }};
    const std::string extension = file.extension().string();
    for (const auto& [ext, type] : kTypes) {
        if (extension == ext) return type;
    }
    return "application/octet-stream";
}

std::string_view cache_control_for(const std::filesystem::path& file, std::string_view query) {
    const auto name = file.filename();
    if (name == "index.html" || name == "sw.js") return "no-cache";
    const auto parameters = parse_query(query);
    if (parameters && parameters->contains("v")) return "public, max-age=31536000, immutable";
    return "no-cache";
}

}  // namespace hotline::server::http
