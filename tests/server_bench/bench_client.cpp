#include "bench_client.hpp"

#include <algorithm>
#include <chrono>

namespace hotline::server_bench {

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

BenchClient::BenchClient(std::uint16_t port, std::string login, std::string token, std::string replica,
                         std::uint64_t seed)
    : http_("127.0.0.1", port), token_(std::move(token)), replica_(replica), writer_(replica, std::move(login), seed) {}

std::string BenchClient::encode_push(const std::vector<Operation>& ops, int want_numbers) const {
    return protocol::encode_push_request(replica_, ops, want_numbers);
}

Result<protocol::PushReply> BenchClient::push(const std::string& body) {
    auto reply = http_.request("POST", "/api/v1/push", body, token_);
    if (!reply) return reply.error();
    if (reply->status != 200)
        return make_error("push_failed", "push answered " + std::to_string(reply->status) + ": " + reply->body);
    auto decoded = protocol::decode_push_reply(reply->body);
    if (!decoded) return decoded.error();
    for (const protocol::PushResult& r : decoded->results)
        if (r.status != ApplyKind::applied && r.status != ApplyKind::superseded)
            return make_error("op_refused", "an operation was not stored: " + std::string(protocol::apply_kind_name(r.status)) +
                                                " " + r.error.code + " " + r.error.message);
    for (const NumberBlock& b : decoded->number_blocks) writer_.factory().numbers().add_block(b);
    return decoded;
}

Outcome BenchClient::lease(std::int64_t numbers) {
    while (numbers > 0) {
        const auto n = static_cast<int>(std::min<std::int64_t>(numbers, 1000));
        auto pushed = push(encode_push({}, n));
        if (!pushed) return pushed.error();
        numbers -= n;
    }
    return Outcome::success();
}

Result<std::string> BenchClient::pull(std::int64_t cursor, int limit) {
    return get("/pull?cursor=" + std::to_string(cursor) + "&limit=" + std::to_string(limit));
}

Result<std::string> BenchClient::get(const std::string& path) {
    auto reply = http_.request("GET", "/api/v1" + path, {}, token_);
    if (!reply) return reply.error();
    if (reply->status != 200)
        return make_error("get_failed", "GET " + path + " answered " + std::to_string(reply->status) + ": " + reply->body);
    return std::move(reply->body);
}

}  // namespace hotline::server_bench
