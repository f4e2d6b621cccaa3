// The life of a WriteTransaction, shared by both backends: once any call fails, or once
// commit() has run, every later call fails with "transaction_failed" and nothing of the
// transaction is stored (the destructor rolls back). PostgreSQL aborts a transaction on
// its first error anyway; SQLite does not, so this rule keeps a half-appended batch from
// being committed and makes both backends answer the same way.
#pragma once

#include <string>
#include <utility>

#include "core/result.hpp"
#include "server/db/db_errors.hpp"

namespace hotline::server {

class WriteTransactionState {
public:
    bool usable() const { return !failed_ && !finished_; }
    bool finished() const { return finished_; }
    void finish() { finished_ = true; }

    // Runs `call` (returning a Result or an Outcome) if the transaction is still usable.
    template <typename Call>
    auto guarded(const char* what, Call&& call) -> decltype(call()) {
        if (!usable()) {
            return db_errors::make(db_errors::kTransactionFailed,
                                   std::string(what) + ": the write transaction " +
                                       (finished_ ? "has ended" : "failed earlier and was rolled back"));
        }
        auto result = std::forward<Call>(call)();
        if (!result.ok()) failed_ = true;
        return result;
    }

private:
    bool failed_ = false;
    bool finished_ = false;
};

}  // namespace hotline::server
