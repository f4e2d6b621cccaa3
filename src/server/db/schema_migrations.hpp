// The schema of the server's database, as an ordered list of migrations: the one place
// where tables change. Each migration has the same meaning on both backends; only the
// SQL dialect differs. Applied by Database::migrate() in one transaction, each recorded
// in schema_version(version, description); a database already at the newest version is
// left alone (migrate() is idempotent). Never edit a released migration: append one.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/result.hpp"

namespace hotline::server {

struct Migration {
    int version = 0;               // 1, 2, 3 ... in order, no gaps
    std::string_view description;  // stored in schema_version, for people
    std::string_view sqlite;       // a script of statements separated by ';'
    std::string_view postgres;
};

std::span<const Migration> schema_migrations();
int latest_schema_version();
// Refuses a database migrated by a newer program (error "schema_too_new").
Outcome check_not_newer(std::int64_t current_version);

}  // namespace hotline::server
