// A sync::Transport for the app tests: answers each request with the next
// scripted reply, later (on deliver()), as the browser does.
#pragma once

#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "sync/transport.hpp"

namespace hotline::testing {

struct ScriptedTransport : sync::Transport {
    std::deque<Result<sync::Reply>> replies;
    std::vector<std::pair<std::string, std::string>> sent;  // method + path, body
    std::vector<Callback> waiting;
    sync::RequestId request(const std::string& method, const std::string& path, const std::string& body,
                            const std::string&, Callback callback) override {
        sent.push_back({method + " " + path, body});
        waiting.push_back(std::move(callback));
        return sent.size();
    }
    void deliver() {
        for (auto& cb : waiting) {
            REQUIRE_FALSE(replies.empty());
            cb(std::move(replies.front()));
            replies.pop_front();
        }
        waiting.clear();
    }
};

}  // namespace hotline::testing
