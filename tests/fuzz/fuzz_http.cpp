// Fuzz target: the HTTP request path up to the handler. The server reads a request with
// Beast's parser from a socket (server/http/http_session.cpp); here the input is the raw
// bytes of a request fed to the same parser with the same limits, and then, as route() does,
// the target is split and decoded (server/http/url_codec.hpp), X-Forwarded-For is read
// (server/http/client_address.hpp, from a trusted proxy) and the path is looked up in a tiny
// site folder (server/http/static_files.hpp). resolve_site_file's contract is checked: a
// found file is always inside the site folder.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>

#include "server/http/client_address.hpp"
#include "server/http/static_files.hpp"
#include "server/http/url_codec.hpp"

namespace {

namespace http = hotline::server::http;
namespace bhttp = boost::beast::http;

// The site folder, with an index, a file in a subfolder and a symlink that leaves the folder.
const std::filesystem::path& site() {
    static const std::filesystem::path dir = [] {
        const auto base = (std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                               : std::filesystem::temp_directory_path()) /
                          ("hotline-fuzz-http-" + std::to_string(::getpid()));
        std::filesystem::remove_all(base);
        std::filesystem::create_directories(base / "site" / "assets");
        std::ofstream(base / "site" / "index.html") << "<!doctype html>";
        std::ofstream(base / "site" / "app.js") << "1";
        std::ofstream(base / "site" / "assets" / "index.html") << "x";
        std::ofstream(base / "secret") << "outside";
        std::filesystem::create_symlink(base / "secret", base / "site" / "leak");
        return std::filesystem::canonical(base / "site");
    }();
    return dir;
}

std::string_view sv(boost::beast::string_view s) { return {s.data(), s.size()}; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(64 * 1024);
    parser.eager(true);
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_header_done()) return 0;
    const auto& request = parser.get();

    const auto [path, query] = http::split_target(sv(request.target()));
    (void)http::percent_decode(path, false);
    (void)http::parse_query(query);

    std::string forwarded_for;
    const auto [first, last] = request.equal_range("X-Forwarded-For");
    for (auto field = first; field != last; ++field) {
        if (!forwarded_for.empty()) forwarded_for += ", ";
        forwarded_for += sv(field->value());
    }
    const auto proxy = boost::asio::ip::make_address("127.0.0.1");
    (void)http::client_address(proxy, forwarded_for, {proxy});

    const auto found = http::resolve_site_file(site(), path);
    if (found.outcome == http::SiteLookup::found) {
        const auto real = found.real.lexically_normal().string();
        const auto inside = site().string() + "/";
        if (real.compare(0, inside.size(), inside) != 0) std::abort();  // the contract, broken
        (void)http::content_type_for(found.file);
        (void)http::cache_control_for(found.file, query);
    }
    return 0;
}
