// A real database behind a wrapper that fails on demand, for the server's tests of what
// storage failures do (issue 9, "the push path"; /health). Like the real ones it sends the
// Database's own reads through an open write transaction (database.hpp), so reads fail while
// a failed one is still open. It also counts reads of the log's head (/wait, issue 13).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "server/db/database.hpp"
#include "server/sync_service.hpp"
#include "server_test_support.hpp"

namespace hotline::server_test {

struct Faults {
    bool fail_append = false;      // the next append_ops fails, and the transaction with it
    bool reads_fail_too = false;   // ... and from then on storage cannot be read either
    bool fail_reads = false;       // storage cannot be read (the Database's own reads)
    bool tx_failed = false;        // a failed write transaction is still open
    std::size_t head_reads = 0;    // calls of Database::head_seq
};

std::unique_ptr<server::Database> faulty_database(server::Database& db, Faults& faults);

// A sync service on a faulty database with one agent signed in.
struct FaultyService {
    explicit FaultyService(Backend backend);
    server::ApiResponse call(const std::string& method, const std::string& path, const std::string& body = "",
                             std::map<std::string, std::string> query = {});
    server::ApiResponse push(const std::vector<Operation>& ops);

    Faults faults;
    TestDatabase database;
    std::unique_ptr<server::Database> faulty;
    std::unique_ptr<server::SyncService> service;
    std::string token;
};

}  // namespace hotline::server_test
