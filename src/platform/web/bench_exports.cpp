// Functions the browser benchmark (tests/browser/bench_list.mjs) calls through
// Module.ccall; the shell page wraps the statistics as hotline.stats() and
// hotline.resetStats(). Not used by the interface.
//   hotline_platform_stats()        WebApp::stats_json(), or "null" before start
//   hotline_platform_stats_reset()  forgets the frame times measured so far
//   hotline_debug_seed(count, accounts, contacts, units)
//                                   adds `count` realistic incidents from the
//                                   preloaded demo data set (app::seed_synthetic)
//                                   about a company of that many records (0: the
//                                   demo's) to the open desk; they are saved like
//                                   any change. {"ok", "error", "took_ms"}
//   hotline_debug_time_lookups(words_json, serial_rounds)
//                                   the registration lookups over the open desk
//                                   (app/lookup_timing.hpp): each word of the JSON
//                                   array typed a character at a time, and serial
//                                   lookups. {"index_ms", "mean_ms", "worst_ms",
//                                   "worst_query", "keys", "serial_mean_ms",
//                                   "serial_found"}
//   hotline_debug_time_sla()        the SLA of every incident of the open desk from
//                                   scratch (core/incident_sla.hpp), as the list
//                                   computes it when policies change: {"policies_ms",
//                                   "incidents_ms", "incidents", "with_policy"}
#include <emscripten.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "app/demo_seed.hpp"
#include "app/lookup_timing.hpp"
#include "core/incident_sla.hpp"
#include "platform/web/page.hpp"
#include "platform/web/web_app.hpp"

using hotline::web::WebApp;

namespace {
std::string reply;  // the last string returned to JavaScript
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_platform_stats() {
    reply = WebApp::current() ? WebApp::current()->stats_json() : "null";
    return reply.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE void hotline_platform_stats_reset() {
    if (WebApp::current()) WebApp::current()->reset_frame_stats();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_debug_seed(int count, int accounts, int contacts, int units) {
    hotline::app::App* app = WebApp::current() ? WebApp::current()->app() : nullptr;
    nlohmann::json result = {{"ok", false}, {"error", "the app is not open"}, {"took_ms", 0}};
    if (app && count > 0) {
        hotline::app::BookSize records;
        if (accounts > 0) records.accounts = static_cast<std::size_t>(accounts);
        if (contacts > 0) records.contacts = static_cast<std::size_t>(contacts);
        if (units > 0) records.units = static_cast<std::size_t>(units);
        const double begin = emscripten_get_now();
        const auto seeded = hotline::app::seed_synthetic(*app, hotline::web::kDemoDataPath,
                                                          static_cast<std::size_t>(count),
                                                          hotline::web::page::now_ms(), records);
        result = {{"ok", seeded.ok()},
                  {"error", seeded.ok() ? "" : seeded.error().message},
                  {"took_ms", emscripten_get_now() - begin}};
    }
    reply = result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return reply.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_debug_time_lookups(const char* words_json, int serial_rounds) {
    hotline::app::App* app = WebApp::current() ? WebApp::current()->app() : nullptr;
    const auto words = nlohmann::json::parse(words_json, nullptr, false);
    if (!app || !words.is_array()) return "null";
    std::vector<std::string> typed_words;
    for (const auto& w : words)
        if (w.is_string()) typed_words.push_back(w.get<std::string>());
    hotline::app::Registration& registration = app->registration();
    const double begin = emscripten_get_now();
    registration.customers().refresh();
    registration.units().refresh();
    const double index_ms = emscripten_get_now() - begin;
    const auto typed = hotline::app::time_customer_typing(registration.customers(), typed_words);
    const auto serials = hotline::app::time_serial_lookups(registration.units(), app->replica().desk(),
                                                           static_cast<std::size_t>(std::max(serial_rounds, 0)));
    nlohmann::json result = {{"index_ms", index_ms},        {"mean_ms", typed.mean_ms},
                             {"worst_ms", typed.worst_ms},  {"worst_query", typed.worst_query},
                             {"keys", typed.keys},          {"serial_mean_ms", serials.mean_ms},
                             {"serial_found", serials.found}};
    reply = result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return reply.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* hotline_debug_time_sla() {
    hotline::app::App* app = WebApp::current() ? WebApp::current()->app() : nullptr;
    if (!app) return "null";
    const hotline::Desk& desk = app->replica().desk();
    const double begin = emscripten_get_now();
    const auto policies = hotline::SlaPolicies::of(desk, hotline::web::page::now_ms() / 1000);
    const double parsed = emscripten_get_now();
    std::size_t with_policy = 0;
    for (const hotline::Incident& incident : desk.incidents())
        if (hotline::incident_sla(policies, incident).policy) ++with_policy;
    const double end = emscripten_get_now();
    const nlohmann::json result = {{"policies_ms", parsed - begin},
                                   {"incidents_ms", end - parsed},
                                   {"incidents", desk.incidents().size()},
                                   {"with_policy", with_policy}};
    reply = result.dump();
    return reply.c_str();
}
