// The sync client's transport in the browser (sync/transport.hpp): one
// emscripten_fetch (XMLHttpRequest) per request to the API of the server that
// served the page ("api/v1" relative to it). The callback runs later, from the
// browser's event loop. Any HTTP status is a Reply (emscripten reports 4xx/5xx
// through onerror, with the body); status 0 means no answer: offline.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "sync/transport.hpp"

struct emscripten_fetch_t;

namespace hotline::web {

class FetchTransport : public sync::Transport {
public:
    explicit FetchTransport(std::string api_root = "api/v1") : api_root_(std::move(api_root)) {}
    ~FetchTransport() override;

    sync::RequestId request(const std::string& method, const std::string& path_and_query, const std::string& body,
                            const std::string& bearer_token, Callback callback) override;
    void cancel(sync::RequestId id) override;

    // A request stays timed out after this long with no answer (long polls ask for less).
    static constexpr unsigned kTimeoutMs = 60'000;

private:
    struct Pending;
    static void finished(emscripten_fetch_t* fetch);

    std::string api_root_;
    sync::RequestId next_id_ = 1;
    std::map<sync::RequestId, Pending*> pending_;  // running and still wanted
};

}  // namespace hotline::web
