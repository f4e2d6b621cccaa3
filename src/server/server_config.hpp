// The server program's configuration, from command-line flags and environment variables.
// Contract: a flag wins over its environment variable, which wins over the default. Every
// flag takes "--flag VALUE" or "--flag=VALUE". Unknown flags, missing values and bad numbers
// are errors ("unknown_flag", "missing_value", "bad_number", "bad_flag_value") naming the
// flag or variable, never silently ignored: a typo in a deployment must not start a server
// on the wrong database.
//
//   --listen ADDR      HOTLINE_LISTEN     default 127.0.0.1
//   --port N           HOTLINE_PORT       default 8080 (0: any free port)
//   --site DIR         HOTLINE_SITE       the built web app; empty: API only
//   --db FILE          HOTLINE_DB         SQLite file, default ./hotline.db
//   --postgres CONN    HOTLINE_POSTGRES   PostgreSQL connection string; when set, used instead of SQLite
//   --max-body BYTES   HOTLINE_MAX_BODY   default 8 MiB
//   --seed-demo        HOTLINE_SEED_DEMO=1  on an empty database: demo users and incidents
//   --demo-incidents N HOTLINE_DEMO_INCIDENTS  how many (default 300)
//   --demo-data FILE   HOTLINE_DEMO_DATA  the demo data set (default: assets/demo of the sources)
//   --port-file FILE   HOTLINE_PORT_FILE  the bound port is written there once listening
//                                         (with --port 0: how scripts and tests find the server)
//   --trusted-proxy ADDR[,ADDR...]  HOTLINE_TRUSTED_PROXY  reverse proxies whose X-Forwarded-For
//                                         names the client (rate limits, log); default none:
//                                         the header is ignored
//   --metrics-allow ADDR[,ADDR...]  HOTLINE_METRICS_ALLOW  clients that may read GET /metrics
//                                         (Prometheus); default 127.0.0.1,::1; empty: nobody
//   --auto-close-days N    HOTLINE_AUTO_CLOSE_DAYS    W7: a solved incident closes after N days
//                                                    without an answer from the customer
//                                                    (core/auto_close.hpp); 0: never; default 14
//   --close-notice-days N  HOTLINE_CLOSE_NOTICE_DAYS  its notice comes N days before; default 3
//   --archive-days N       HOTLINE_ARCHIVE_DAYS       W10: a closed incident is archived N days after
//                                                    it was closed (core/archive.hpp); 0: never;
//                                                    default 0 (archiving takes incidents off
//                                                    technicians' devices: a deployment's choice)
//   --sweep-seconds N      HOTLINE_SWEEP_SECONDS      how often the server looks; default 300
//   --help
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/archive.hpp"
#include "core/auto_close.hpp"
#include "core/result.hpp"

namespace hotline::server {

struct ServerConfig {
    std::string listen_address = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string site_dir;
    std::string sqlite_path = "./hotline.db";
    std::string postgres;  // non-empty: PostgreSQL instead of SQLite
    std::size_t max_body_bytes = 8 * 1024 * 1024;
    bool seed_demo = false;
    std::size_t demo_incidents = 300;  // --seed-demo's incidents (benchmarks ask for 100,000)
    std::string demo_data;  // empty: the program's built-in default path
    std::string port_file;
    std::vector<std::string> trusted_proxies;  // addresses, checked when the server starts
    std::vector<std::string> metrics_allow = {"127.0.0.1", "::1"};  // may read GET /metrics
    AutoClosePolicy auto_close;
    ArchivePolicy archive;
    std::uint32_t sweep_seconds = 300;
    bool help = false;  // --help was given: print server_usage() and exit 0

    bool uses_postgres() const { return !postgres.empty(); }
};

// Looks up an environment variable; std::nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;

// args: the arguments after the program name.
Result<ServerConfig> parse_server_config(const std::vector<std::string>& args, const EnvLookup& env);

// The real command line and environment (std::getenv).
Result<ServerConfig> parse_server_config(int argc, const char* const* argv);

// The --help text.
std::string server_usage(std::string_view program);

}  // namespace hotline::server
