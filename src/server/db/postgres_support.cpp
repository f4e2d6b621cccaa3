#include "server/db/postgres_support.hpp"

#include <exception>
#include <pqxx/except>

#include "server/db/db_errors.hpp"

namespace hotline::server {
namespace {

std::string describe(std::string_view what, const char* detail) {
    std::string message = std::string(what) + ": " + detail;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

// SQLSTATE classes that mean "try again later" rather than "this request is wrong".
bool is_busy(const std::string& state) {
    return state == "55P03"      // lock_not_available (lock_timeout)
           || state == "40P01"   // deadlock_detected
           || state == "40001"   // serialization_failure
           || state == "57014";  // query_canceled (statement_timeout)
}

}  // namespace

Error current_pg_exception_error(std::string_view what) {
    try {
        throw;
    } catch (const pqxx::unique_violation& e) {
        return db_errors::make(db_errors::kUniqueViolation, describe(what, e.what()));
    } catch (const pqxx::foreign_key_violation& e) {
        return db_errors::make(db_errors::kForeignKeyViolation, describe(what, e.what()));
    } catch (const pqxx::broken_connection& e) {
        return db_errors::make(db_errors::kUnavailable, describe(what, e.what()));
    } catch (const pqxx::in_doubt_error& e) {
        // The connection broke during COMMIT: whether it landed is unknown. The caller
        // must not answer "applied"; a retried push finds out through the op ids.
        return db_errors::make(db_errors::kUnavailable, describe(what, e.what()));
    } catch (const pqxx::sql_error& e) {
        const std::string& state = e.sqlstate();
        if (is_busy(state)) return db_errors::make(db_errors::kBusy, describe(what, e.what()));
        if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0) {  // connection, shutdown
            return db_errors::make(db_errors::kUnavailable, describe(what, e.what()));
        }
        return db_errors::make(db_errors::kStorage, describe(what, e.what()));
    } catch (const std::exception& e) {
        return db_errors::make(db_errors::kStorage, describe(what, e.what()));
    } catch (...) {
        return db_errors::make(db_errors::kStorage, describe(what, "unknown exception"));
    }
}

std::string pg_text_array(const std::vector<std::string_view>& values) {
    std::size_t size = 2;
    for (std::string_view value : values) size += value.size() + 3;
    std::string out;
    out.reserve(size + size / 16);
    out += '{';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        out += '"';
        for (char c : values[i]) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

}  // namespace hotline::server
