// Where a URL path lands in the site folder, and how the file is described to the browser.
// Contract: resolve_site_file() only ever returns a path inside the site folder. It works on
// the percent-DECODED path and refuses any ".." segment, backslash or NUL, so "%2e%2e/" and
// "..%2f" are refused like "../". "/" and "dir/" mean their index.html. Symlinks inside the
// folder are followed only while they stay inside it: a file whose real path is elsewhere is
// not found.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace hotline::server::http {

enum class SiteLookup { found, not_found, refused };

struct SiteFile {
    SiteLookup outcome = SiteLookup::not_found;
    std::filesystem::path file;  // set when found: the file as the URL names it (its type, its caching)
    std::filesystem::path real;  // set when found: its real path, inside the site folder's (what to open)
};

// url_path: the request path before '?', still percent-encoded.
SiteFile resolve_site_file(const std::filesystem::path& site_dir, std::string_view url_path);

// "text/html; charset=utf-8", "application/wasm", ...; application/octet-stream when unknown.
std::string_view content_type_for(const std::filesystem::path& file);

// The Cache-Control of a static file. The page and the service worker must be revalidated
// on every load, or a deployed version would never reach users whose browser cached the
// previous one: "no-cache". A file asked for with a version query (`v=`, the page names the
// build's app.js, app.wasm and app.data "?v=<content hash>") changes name when it changes:
// cached a year, "immutable". Any other file: "no-cache".
// query: the request's query string, still encoded.
std::string_view cache_control_for(const std::filesystem::path& file, std::string_view query);

}  // namespace hotline::server::http
