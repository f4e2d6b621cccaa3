// How the sync client reaches the server: one asynchronous HTTP request at a
// time per call. The browser implements it with emscripten_fetch (the callback
// runs later, from the event loop); a native test or client may call the
// callback synchronously, before request() returns. The sync engine is correct
// both ways: a callback only stores the reply, the engine acts on it in tick().
//
// Contract:
//   - `callback` is called at most once. A Result error means the request did
//     not get an HTTP answer (network down, DNS, CORS, aborted): the engine
//     counts it as offline. Any HTTP status, 4xx/5xx included, is a Reply.
//   - `path_and_query` is relative to the API root ("/push", "/pull?cursor=3").
//   - `bearer_token` empty: no Authorization header.
//   - cancel() is a hint (stop a long poll that is no longer wanted); a callback
//     may still arrive after it, and the engine ignores it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"

namespace hotline::sync {

struct Reply {
    int status = 0;
    std::string body;
};

using RequestId = std::uint64_t;

class Transport {
public:
    using Callback = std::function<void(Result<Reply>)>;
    virtual ~Transport() = default;
    virtual RequestId request(const std::string& method, const std::string& path_and_query, const std::string& body,
                              const std::string& bearer_token, Callback callback) = 0;
    virtual void cancel(RequestId) {}
};

}  // namespace hotline::sync
