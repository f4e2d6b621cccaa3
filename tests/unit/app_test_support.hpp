// Helpers for the app tests: the demo data set of the source tree, an App
// opened on a fresh directory, a small desk with chosen values, a new incident open.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "store_test_dir.hpp"
#include "test_support.hpp"

namespace hotline::testing {

// assets/demo/demo_data.json, found from this header's own path (absolute in
// the CMake build, so it works from any working folder and under node).
inline std::string demo_data_path() {
    return (std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "assets" / "demo" / "demo_data.json")
        .lexically_normal()
        .string();
}

inline std::unique_ptr<app::App> open_app(const std::string& dir, const std::string& demo = {},
                                          std::int64_t now_ms = kBaseMs, Role role = Role::agent,
                                          const std::string& actor = "u:tester") {
    app::App::Options options;
    options.data_dir = dir;
    options.fresh_replica_id = "web1";
    options.actor = actor;
    options.demo_data_path = demo;
    options.now_ms = now_ms;
    options.role = role;
    auto opened = app::App::open(options);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return std::move(opened.value());
}

// Registers an incident with the new-incident form, which opens it; its list row.
inline std::uint32_t open_new_incident(app::App& app, const std::string& title = "Boiler leaks") {
    app.start_create();
    app.create_draft().value(IncidentField::title) = title;
    REQUIRE_MESSAGE(app.save_create(kBaseMs + 1000), app.message().text);
    return *app.editor().row();
}

}  // namespace hotline::testing
