// Time this process spends in database calls, for GET /metrics (issue 13): every SQLite
// statement step and script (sqlite_statement.cpp, sqlite_connection.cpp) and every
// PostgreSQL call (pg_call, postgres_support.hpp) adds its duration, decoding of the rows
// included. Process-wide and thread-safe; it only grows.
#pragma once

#include <chrono>

namespace hotline::server {

// Seconds spent in database calls since the process started.
double database_seconds();

// Adds the time from its construction to its destruction.
class DatabaseTimer {
public:
    DatabaseTimer() : started_(std::chrono::steady_clock::now()) {}
    ~DatabaseTimer();
    DatabaseTimer(const DatabaseTimer&) = delete;
    DatabaseTimer& operator=(const DatabaseTimer&) = delete;

private:
    std::chrono::steady_clock::time_point started_;
};

}  // namespace hotline::server
