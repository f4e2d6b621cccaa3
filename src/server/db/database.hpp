// The server's storage, behind one interface: SQLite (one file, WAL) by default,
// PostgreSQL when several server processes share one database. The server is
// single-threaded per process: a Database is one connection, used from one thread.
//
// Tables (schema_version tracks migrations):
//   ops          seq (global, increasing), op_id (unique), entity_id, actor, body (op JSON)
//   rejected_ops op_id (unique), code, message — a retried push gets the same answer
//   users        login (unique), name, role, password_hash (Argon2id string), active
//   sessions     token_hash (unique), login, expires_ms
//   replicas     replica id (unique) -> login of the user it belongs to (an administrator may
//                release a replica that has no stored operations)
//   number_blocks replica, first, last; plus one counter: the next number to lease
//
// Failures are Errors with the codes of db_errors.hpp (storage_unavailable and
// storage_busy: answer 503, a retry can help). Migrations: schema_migrations.hpp.
// Lifetimes: a WriteTransaction must not outlive its Database, and a Database has at most
// one open at a time ("transaction_open"); while it is open, the Database's own reads and
// writes go through it (they see its uncommitted rows and roll back with it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/numbering.hpp"
#include "core/result.hpp"

namespace hotline::server {

struct StoredOp {
    std::int64_t seq = 0;
    std::string op_id;
    std::string entity_id;
    std::string actor;
    std::string body;  // the operation's JSON (operation_json.hpp)

    friend bool operator==(const StoredOp&, const StoredOp&) = default;
};

struct NewOp {
    std::string op_id;
    std::string entity_id;
    std::string actor;
    std::string body;
};

struct Rejection {
    std::string op_id;
    std::string code;
    std::string message;

    friend bool operator==(const Rejection&, const Rejection&) = default;
};

struct UserRecord {
    std::string login;
    std::string name;
    std::string role;           // "agent", "engineer", "technician", "manager", "admin"
    std::string password_hash;  // libsodium crypto_pwhash_str (Argon2id)
    bool active = true;

    friend bool operator==(const UserRecord&, const UserRecord&) = default;
};

struct SessionRecord {
    std::string token_hash;
    std::string login;
    std::int64_t expires_ms = 0;
};

// What release_replica found.
enum class ReplicaRelease {
    released,        // the binding is gone: the next accepted operation or registration binds it
    unbound,         // nobody owned it
    has_operations,  // kept: operations of that replica are stored, so its ids are taken for ever
};

// Everything one push writes, committed at once or not at all. While it is open no
// other writer (thread or process) can append: SQLite BEGIN IMMEDIATE, PostgreSQL an
// advisory transaction lock. The server first reads ops_after(its last seq) through it
// to catch up with other processes, then validates and appends.
// After any failed call, or after commit(), every call fails with "transaction_failed"
// and nothing of the transaction is kept (a half-appended batch is never committed).
class WriteTransaction {
public:
    virtual ~WriteTransaction() = default;  // rolls back unless committed

    virtual Result<std::vector<StoredOp>> ops_after(std::int64_t seq, std::size_t limit) = 0;
    // Appends in order; returns the sequence number given to each (consecutive within
    // one call). An op_id already stored, or twice in the batch: "duplicate_op".
    virtual Result<std::vector<std::int64_t>> append_ops(const std::vector<NewOp>& ops) = 0;
    virtual Outcome add_rejections(const std::vector<Rejection>& rejections) = 0;
    // Leases `count` consecutive numbers (count >= 1) to `replica`. Numbers start at 1 and
    // are shared with next_number(); a lease rolled back is handed out again.
    virtual Result<NumberBlock> lease_numbers(const std::string& replica, std::int64_t count) = 0;
    // Takes the next single number (a provisional number being replaced).
    virtual Result<std::int64_t> next_number() = 0;
    // Binds a replica to a user on first use; returns the login it belongs to (the first
    // binding wins). The user must exist ("no_such_user").
    virtual Result<std::string> bind_replica(const std::string& replica, const std::string& login) = 0;
    // The login a replica belongs to, or nullopt while nobody owns it. Binds nothing: a push
    // checks ownership first and binds only once an operation of it is accepted.
    virtual Result<std::optional<std::string>> replica_owner(const std::string& replica) = 0;
    // Forgets who owns `replica` (an administrator undoing a squatted binding), unless
    // operations of it are stored.
    virtual Result<ReplicaRelease> release_replica(const std::string& replica) = 0;
    virtual Outcome commit() = 0;
};

class Database {
public:
    virtual ~Database() = default;

    // Creates the schema or brings it to the newest version; returns that version.
    virtual Result<int> migrate() = 0;
    virtual Result<std::unique_ptr<WriteTransaction>> begin_write() = 0;

    // --- operations (reads outside a write transaction) ---
    // ops_after: seq > `seq`, in seq order, at most `limit` (0 gives none).
    virtual Result<std::vector<StoredOp>> ops_after(std::int64_t seq, std::size_t limit) = 0;
    virtual Result<std::vector<StoredOp>> ops_of_entity(const std::string& entity_id) = 0;
    virtual Result<std::optional<StoredOp>> find_op(const std::string& op_id) = 0;
    virtual Result<std::optional<Rejection>> find_rejection(const std::string& op_id) = 0;
    // The stored rejections of any of `op_ids`, in no particular order (ids never refused
    // are simply absent; repeated ids are fine). A push asks once for its whole batch:
    // one query per operation was 1,000 round trips per push on PostgreSQL.
    virtual Result<std::vector<Rejection>> find_rejections(const std::vector<std::string>& op_ids) = 0;
    virtual Result<std::int64_t> head_seq() = 0;  // 0 when empty
    virtual Result<std::vector<NumberBlock>> number_blocks(const std::string& replica) = 0;

    // --- users and sessions ---
    virtual Outcome create_user(const UserRecord& user) = 0;  // error "user_exists" if taken
    virtual Outcome update_user(const UserRecord& user) = 0;  // error "no_such_user"
    virtual Result<std::optional<UserRecord>> find_user(const std::string& login) = 0;
    virtual Result<std::vector<UserRecord>> list_users() = 0;
    virtual Outcome create_session(const SessionRecord& session) = 0;  // "no_such_user"
    // Returns the session whatever its expiry: the caller compares expires_ms with now.
    virtual Result<std::optional<SessionRecord>> find_session(const std::string& token_hash) = 0;
    virtual Outcome delete_session(const std::string& token_hash) = 0;
    virtual Outcome delete_expired_sessions(std::int64_t now_ms) = 0;  // expires_ms <= now_ms
    // Ends every session of `login` except the one whose hash is `keep_token_hash` (none
    // when empty): a password change or a deactivation.
    virtual Outcome delete_sessions_of(const std::string& login, const std::string& keep_token_hash) = 0;
    // Keeps the `keep` sessions of `login` that expire last (the newest) and ends the others.
    virtual Outcome trim_sessions(const std::string& login, std::size_t keep) = 0;
};

// Opens SQLite at `path` (created if missing) with WAL and a busy timeout.
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path);
// Opens PostgreSQL with a libpq connection string ("host=... port=... dbname=...").
Result<std::unique_ptr<Database>> open_postgres(const std::string& connection);

}  // namespace hotline::server
