// Helpers of the PostgreSQL backend: libpqxx reports failures by throwing, and nothing
// may escape the storage layer, so every call into pqxx runs through pg_call(), which
// turns exceptions into Errors with the codes of db_errors.hpp. Also: the text form of a
// PostgreSQL array, used to send a whole batch as one parameter of one statement.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "server/db/database_time.hpp"

namespace hotline::server {

// The Error for the exception being handled (call only inside a catch block).
Error current_pg_exception_error(std::string_view what);

// Runs `call` (returning a Result or an Outcome); a thrown exception becomes its Error.
template <typename Call>
auto pg_call(std::string_view what, Call&& call) -> decltype(call()) {
    const DatabaseTimer timer;
    try {
        return call();
    } catch (...) {
        return current_pg_exception_error(what);
    }
}

// {"a","b\"c"}: every element quoted, '"' and '\' escaped (text[] input syntax).
std::string pg_text_array(const std::vector<std::string_view>& values);

}  // namespace hotline::server
