// Flags and environment of the server program (server_config.hpp).
#include "server/server_config.hpp"

#include <cstdlib>
#include <limits>
#include <type_traits>

namespace hotline::server {
namespace {

constexpr std::uint64_t kDemoIncidentsMax = 1'000'000;

// Digits only, no sign, no suffix, in [min, max]: "8080", not "80 80", "-1" or "8k".
Result<std::uint64_t> parse_number(std::string_view text, std::uint64_t min, std::uint64_t max, std::string_view what) {
    const auto bad = [&] {
        return make_error("bad_number", std::string(what) + ": expected a whole number from " + std::to_string(min) +
                                            " to " + std::to_string(max) + ", got '" + std::string(text) + "'");
    };
    if (text.empty() || text.size() > 19) return bad();
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return bad();
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (value < min || value > max) return bad();
    return value;
}

// A comma-separated list of addresses (checked when the server starts); empty: none.
Outcome parse_address_list(std::string_view v, std::string_view source, std::vector<std::string>& out) {
    out.clear();
    while (!v.empty()) {
        const auto comma = v.find(',');
        std::string_view entry = v.substr(0, comma);
        while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
        while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
        if (entry.empty()) return make_error("bad_flag_value", std::string(source) + ": empty address in the list");
        out.emplace_back(entry);
        v = comma == std::string_view::npos ? std::string_view() : v.substr(comma + 1);
    }
    return {};
}

Result<bool> parse_switch(std::string_view text, std::string_view what) {
    if (text.empty() || text == "0" || text == "false" || text == "no" || text == "off") return false;
    if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
    return make_error("bad_flag_value", std::string(what) + ": expected 1 or 0, got '" + std::string(text) + "'");
}

constexpr std::uint64_t kMaxBodyLimit = std::uint64_t{1} << 32;  // 4 GiB: far past any sane batch

// One setting: where it comes from and how it is stored.
struct Setting {
    std::string_view flag;
    const char* env;
    bool takes_value;
    std::function<Outcome(ServerConfig&, std::string_view value, std::string_view source)> apply;
};

constexpr std::uint64_t kDaysMax = 3650;

// A whole number in [min, max] stored in the integer `field` picks out of the config.
template <typename Pick>
Setting number_setting(std::string_view flag, const char* env, std::uint64_t min, std::uint64_t max, Pick field) {
    return {flag, env, true, [=](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
                auto n = parse_number(v, min, max, source);
                if (!n) return n.error();
                auto& target = field(c);
                target = static_cast<std::remove_reference_t<decltype(target)>>(*n);
                return {};
            }};
}

std::vector<Setting> settings() {
    return {
        {"--listen", "HOTLINE_LISTEN", true,
         [](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
             if (v.empty()) return make_error("bad_flag_value", std::string(source) + ": empty address");
             c.listen_address = std::string(v);
             return {};
         }},
        {"--port", "HOTLINE_PORT", true,
         [](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
             auto n = parse_number(v, 0, 65535, source);
             if (!n) return n.error();
             c.port = static_cast<std::uint16_t>(*n);
             return {};
         }},
        {"--site", "HOTLINE_SITE", true,
         [](ServerConfig& c, std::string_view v, std::string_view) -> Outcome {
             c.site_dir = std::string(v);
             return {};
         }},
        {"--db", "HOTLINE_DB", true,
         [](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
             if (v.empty()) return make_error("bad_flag_value", std::string(source) + ": empty file name");
             c.sqlite_path = std::string(v);
             return {};
         }},
        {"--postgres", "HOTLINE_POSTGRES", true,
         [](ServerConfig& c, std::string_view v, std::string_view) -> Outcome {
             c.postgres = std::string(v);
             return {};
         }},
        {"--max-body", "HOTLINE_MAX_BODY", true,
         [](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
             auto n = parse_number(v, 1, kMaxBodyLimit, source);
             if (!n) return n.error();
             c.max_body_bytes = static_cast<std::size_t>(*n);
             return {};
         }},
        {"--demo-data", "HOTLINE_DEMO_DATA", true,
         [](ServerConfig& c, std::string_view v, std::string_view) -> Outcome {
             c.demo_data = std::string(v);
             return {};
         }},
        {"--port-file", "HOTLINE_PORT_FILE", true,
         [](ServerConfig& c, std::string_view v, std::string_view) -> Outcome {
             c.port_file = std::string(v);
             return {};
         }},
        {"--trusted-proxy", "HOTLINE_TRUSTED_PROXY", true,
         [](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
             return parse_address_list(v, source, c.trusted_proxies);
         }},
        {"--metrics-allow", "HOTLINE_METRICS_ALLOW", true,
         [](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
             return parse_address_list(v, source, c.metrics_allow);
         }},
        {"--seed-demo", "HOTLINE_SEED_DEMO", false,
         [](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
             auto on = parse_switch(v, source);
             if (!on) return on.error();
             c.seed_demo = *on;
             return {};
         }},
        {"--demo-incidents", "HOTLINE_DEMO_INCIDENTS", true,
         [](ServerConfig& c, std::string_view v, std::string_view source) -> Outcome {
             auto n = parse_number(v, 1, kDemoIncidentsMax, source);
             if (!n) return n.error();
             c.demo_incidents = static_cast<std::size_t>(*n);
             return {};
         }},
        number_setting("--auto-close-days", "HOTLINE_AUTO_CLOSE_DAYS", 0, kDaysMax,
                       [](ServerConfig& c) -> auto& { return c.auto_close.close_after_days; }),
        number_setting("--close-notice-days", "HOTLINE_CLOSE_NOTICE_DAYS", 0, kDaysMax,
                       [](ServerConfig& c) -> auto& { return c.auto_close.notice_days; }),
        number_setting("--archive-days", "HOTLINE_ARCHIVE_DAYS", 0, kDaysMax,
                       [](ServerConfig& c) -> auto& { return c.archive.archive_after_days; }),
        number_setting("--sweep-seconds", "HOTLINE_SWEEP_SECONDS", 1, 86'400,
                       [](ServerConfig& c) -> auto& { return c.sweep_seconds; }),
    };
}

}  // namespace

Result<ServerConfig> parse_server_config(const std::vector<std::string>& args, const EnvLookup& env) {
    ServerConfig config;
    const auto table = settings();
    // Environment first, then flags over it.
    for (const auto& setting : table) {
        if (!env) break;
        if (auto value = env(setting.env)) {
            if (auto applied = setting.apply(config, *value, setting.env); !applied) return applied.error();
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--help" || arg == "-h") {
            config.help = true;
            continue;
        }
        const auto eq = arg.find('=');
        const std::string_view name = arg.substr(0, eq);
        const Setting* setting = nullptr;
        for (const auto& candidate : table) {
            if (candidate.flag == name) setting = &candidate;
        }
        if (!setting) {
            return make_error("unknown_flag", "unknown argument '" + std::string(arg) + "' (see --help)");
        }
        std::string_view value;
        if (eq != std::string_view::npos) {
            value = arg.substr(eq + 1);
        } else if (!setting->takes_value) {
            value = "1";
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return make_error("missing_value", std::string(name) + " needs a value (see --help)");
        }
        if (auto applied = setting->apply(config, value, name); !applied) return applied.error();
    }
    if (config.auto_close.notice_days > config.auto_close.close_after_days && config.auto_close.enabled())
        return make_error("bad_flag_value", "--close-notice-days (" + std::to_string(config.auto_close.notice_days) +
                                                ") must not exceed --auto-close-days (" +
                                                std::to_string(config.auto_close.close_after_days) + ")");
    return config;
}

Result<ServerConfig> parse_server_config(int argc, const char* const* argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return parse_server_config(args, [](const char* name) -> std::optional<std::string> {
        const char* value = std::getenv(name);
        if (!value) return std::nullopt;
        return std::string(value);
    });
}

std::string server_usage(std::string_view program) {
    return "Usage: " + std::string(program) +
           " [options]\n"
           "Serves the Hotline web app and its sync API (/api/v1).\n"
           "\n"
           "  --listen ADDR      address to listen on (HOTLINE_LISTEN, default 127.0.0.1)\n"
           "  --port N           TCP port, 0 = any free one (HOTLINE_PORT, default 8080)\n"
           "  --site DIR         folder of the built web app (HOTLINE_SITE)\n"
           "  --db FILE          SQLite database file (HOTLINE_DB, default ./hotline.db)\n"
           "  --postgres CONN    PostgreSQL connection string; used instead of SQLite (HOTLINE_POSTGRES)\n"
           "  --max-body BYTES   largest request body accepted (HOTLINE_MAX_BODY, default 8388608)\n"
           "  --seed-demo        on an empty database, create demo users and incidents (HOTLINE_SEED_DEMO=1)\n"
           "  --demo-incidents N how many incidents --seed-demo makes (HOTLINE_DEMO_INCIDENTS, default 300)\n"
           "  --demo-data FILE   the demo data set (HOTLINE_DEMO_DATA, default: the one in the sources)\n"
           "  --port-file FILE   write the bound port there once listening (HOTLINE_PORT_FILE)\n"
           "  --trusted-proxy ADDR[,ADDR...]\n"
           "                     reverse proxies whose X-Forwarded-For names the client, for login\n"
           "                     rate limits and the log (HOTLINE_TRUSTED_PROXY, default none: ignored)\n"
           "  --metrics-allow ADDR[,ADDR...]\n"
           "                     clients that may read GET /metrics, Prometheus text (HOTLINE_METRICS_ALLOW,\n"
           "                     default 127.0.0.1,::1; empty: nobody)\n"
           "  --auto-close-days N  close a solved incident after N days without an answer from the\n"
           "                     customer; 0 = never (HOTLINE_AUTO_CLOSE_DAYS, default 14)\n"
           "  --close-notice-days N  give the closing notice N days before (HOTLINE_CLOSE_NOTICE_DAYS,\n"
           "                     default 3; at most --auto-close-days)\n"
           "  --archive-days N   archive a closed incident N days after it was closed; 0 = never\n"
           "                     (HOTLINE_ARCHIVE_DAYS, default 0)\n"
           "  --sweep-seconds N  how often automatic closing and archiving look for due incidents\n"
           "                     (HOTLINE_SWEEP_SECONDS, default 300)\n"
           "  --help             this text\n"
           "\n"
           "Flags win over environment variables. SIGINT/SIGTERM stop the server gracefully.\n";
}

}  // namespace hotline::server
