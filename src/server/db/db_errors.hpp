// Error codes of the storage layer (Error::code), in one place so the sync service and
// the HTTP layer can decide what a failure means without parsing messages:
//   storage_unavailable  cannot open the file / connect, or the connection broke: 503, retry
//   storage_busy         another writer held the lock past the timeout: 503, retry
//   storage_error        anything else the database refused (a bug or a damaged store)
//   schema_too_new       the database was migrated by a newer program: do not touch it
//   duplicate_op         append_ops: an op_id is already stored (the batch is refused)
//   user_exists          create_user: the login is taken
//   no_such_user         update_user / create_session / bind_replica: unknown login
//   transaction_failed   a WriteTransaction call after an earlier failure or after commit
//   transaction_open     begin_write while this Database already has one open
//   invalid_argument     a caller broke a precondition (lease_numbers with count < 1)
// Backends first report constraint violations with the internal codes below; the
// Database implementations translate them into the codes above for the call at hand.
#pragma once

#include <string_view>

#include "core/result.hpp"

namespace hotline::server::db_errors {

inline constexpr std::string_view kUnavailable = "storage_unavailable";
inline constexpr std::string_view kBusy = "storage_busy";
inline constexpr std::string_view kStorage = "storage_error";
inline constexpr std::string_view kSchemaTooNew = "schema_too_new";
inline constexpr std::string_view kDuplicateOp = "duplicate_op";
inline constexpr std::string_view kUserExists = "user_exists";
inline constexpr std::string_view kNoSuchUser = "no_such_user";
inline constexpr std::string_view kTransactionFailed = "transaction_failed";
inline constexpr std::string_view kTransactionOpen = "transaction_open";
inline constexpr std::string_view kInvalidArgument = "invalid_argument";

// Internal: what the backend said, before translation.
inline constexpr std::string_view kUniqueViolation = "constraint_unique";
inline constexpr std::string_view kForeignKeyViolation = "constraint_foreign_key";

// Renames a constraint violation into the caller's domain code; other errors pass through.
inline Error translate(Error error, std::string_view on_unique, std::string_view on_foreign_key = {}) {
    if (error.code == kUniqueViolation && !on_unique.empty()) {
        error.code = std::string(on_unique);
    } else if (error.code == kForeignKeyViolation && !on_foreign_key.empty()) {
        error.code = std::string(on_foreign_key);
    } else if (error.code == kUniqueViolation || error.code == kForeignKeyViolation) {
        error.code = std::string(kStorage);  // a violation nobody expected: not a domain answer
    }
    return error;
}

inline Error make(std::string_view code, std::string message) {
    return make_error(std::string(code), std::move(message));
}

}  // namespace hotline::server::db_errors
