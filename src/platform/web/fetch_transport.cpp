#include "platform/web/fetch_transport.hpp"

#include <cstring>
#include <vector>

#include <emscripten/fetch.h>

namespace hotline::web {

// Lives until the fetch ends; owns what emscripten_fetch points into (method,
// headers, body) because the request is sent after emscripten_fetch returns.
struct FetchTransport::Pending {
    FetchTransport* owner;
    sync::RequestId id;
    Callback callback;
    std::string body;
    std::string authorization;
    std::vector<const char*> headers;
    emscripten_fetch_t* fetch = nullptr;
};

FetchTransport::~FetchTransport() {
    // Callbacks of fetches still running must not reach a destroyed transport.
    for (auto& [id, pending] : pending_) pending->owner = nullptr;
}

sync::RequestId FetchTransport::request(const std::string& method, const std::string& path_and_query,
                                        const std::string& body, const std::string& bearer_token, Callback callback) {
    auto* p = new Pending{this, next_id_++, std::move(callback), body, {}, {}, nullptr};
    p->headers = {"Content-Type", "application/json"};
    if (!bearer_token.empty()) {
        p->authorization = "Bearer " + bearer_token;
        p->headers.push_back("Authorization");
        p->headers.push_back(p->authorization.c_str());
    }
    p->headers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.requestHeaders = p->headers.data();
    if (!p->body.empty()) {
        attr.requestData = p->body.data();
        attr.requestDataSize = p->body.size();
    }
    attr.timeoutMSecs = kTimeoutMs;
    attr.userData = p;
    attr.onsuccess = &FetchTransport::finished;
    attr.onerror = &FetchTransport::finished;
    pending_[p->id] = p;
    const std::string url = api_root_ + path_and_query;
    p->fetch = emscripten_fetch(&attr, url.c_str());
    return p->id;
}

void FetchTransport::finished(emscripten_fetch_t* fetch) {
    auto* p = static_cast<Pending*>(fetch->userData);
    // 0: no HTTP answer (network down, timeout); 65535: aborted.
    Result<sync::Reply> result =
        fetch->status == 0 || fetch->status >= 600
            ? Result<sync::Reply>(make_error("offline", "No answer from the server."))
            : Result<sync::Reply>(sync::Reply{fetch->status, std::string(fetch->data, static_cast<std::size_t>(fetch->numBytes))});
    emscripten_fetch_close(fetch);
    if (p->owner) p->owner->pending_.erase(p->id);
    if (p->owner && p->callback) p->callback(std::move(result));
    delete p;
}

void FetchTransport::cancel(sync::RequestId id) {
    auto it = pending_.find(id);
    if (it == pending_.end()) return;
    // Let it run to its end (a long poll ends within its timeout) with nobody to tell:
    // emscripten_fetch_close on a running fetch would call onerror from inside cancel().
    it->second->owner = nullptr;
    pending_.erase(it);
}

}  // namespace hotline::web
