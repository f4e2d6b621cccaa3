// Fuzz target: the push and login request decoders, through the service's front door
// (SyncService::handle), the way the HTTP layer hands a request over. The input's first byte
// picks the request (even: POST /push as a signed-in user, odd: POST /login), the rest is
// the body. One SQLite database per process, on tmpfs when there is one (a push commits, and
// fsync on a disk would make every run a thousand times slower). The clock moves a minute at
// each login so the login rate limit never turns every login into the same refusal; a push
// whose token has gone (expired, or ended by the fuzzer's own logins) signs in again.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "server/db/database.hpp"
#include "server/sync_service.hpp"
#include "server/users_api.hpp"

namespace {

using namespace hotline;

constexpr const char* kPassword = "fuzz-password";

struct Service {
    std::unique_ptr<server::Database> db;
    std::unique_ptr<server::SyncService> service;
    std::int64_t now = 1'796'533'147'000;  // the seed corpus's operations are from this time
    std::string token;
};

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_request set-up: %s\n", what.c_str());
    std::abort();
}

server::ApiResponse call(Service& s, const std::string& path, std::string body, const std::string& token) {
    server::ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = std::move(body);
    r.bearer_token = token;
    r.client_address = "127.0.0.1";
    return s.service->handle(r);
}

void sign_in(Service& s) {
    auto login = call(s, "/login", std::string(R"({"login":"ann","password":")") + kPassword + "\"}", "");
    if (login.status != 200) fail("login: " + login.body.dump());
    s.token = login.body["token"].get<std::string>();
}

Service& service() {
    static Service* s = [] {
        auto* made = new Service;
        const auto dir = std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                             : std::filesystem::temp_directory_path();
        const auto file = dir / ("hotline-fuzz-request-" + std::to_string(::getpid()) + ".db");
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
        auto db = server::open_sqlite(file.string());
        if (!db.ok()) fail(db.error().message);
        made->db = std::move(*db);
        if (auto v = made->db->migrate(); !v.ok()) fail(v.error().message);
        // "ann" holds the replica of the seed corpus's operations (tests/fixtures/v1/replica-ann).
        auto user = server::new_user("ann", "Ann", "admin", kPassword, server::HashCost::minimal);
        if (!user.ok()) fail(user.error().message);
        if (auto c = made->db->create_user(*user); !c.ok()) fail(c.error().message);
        server::ServiceOptions options;
        options.hash_cost = server::HashCost::minimal;
        options.now_ms = [made] { return made->now; };
        auto opened = server::SyncService::open(*made->db, options);
        if (!opened.ok()) fail(opened.error().message);
        made->service = std::move(*opened);
            sign_in(*made);
        return made;
    }();
    return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    auto& s = service();
    const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2 == 0) {
        if (call(s, "/push", body, s.token).status == 401) {
            sign_in(s);
            call(s, "/push", body, s.token);
        }
    } else {
        s.now += 60'000;
        call(s, "/login", body, "");
    }
    return 0;
}
