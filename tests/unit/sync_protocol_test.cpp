// sync/protocol_messages.hpp: push requests, and strict decoding of every reply shape:
// a malformed server reply is an Error, never a crash.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_depth.hpp"
#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "sync/protocol_messages.hpp"
#include "test_support.hpp"

using namespace hotline;
using namespace hotline::sync;
using hotline::testing::kBaseMs;

namespace {

Operation an_op() {
    OpFactory f("r7f3");
    f.numbers().add_block({10, 20});
    return f.create_incident("u:me", kBaseMs, {{IncidentField::title, "Проблема"}});
}

}  // namespace

TEST_CASE("sync protocol: push request carries replica, ops and want_numbers") {
    Operation op = an_op();
    std::vector<Operation> ops{op};
    auto j = nlohmann::json::parse(encode_push_request("r7f3", ops, 100));
    CHECK(j["replica"] == "r7f3");
    CHECK(j["want_numbers"] == 100);
    REQUIRE(j["ops"].size() == 1);
    auto back = decode_operation(j["ops"][0]);
    REQUIRE(back.ok());
    CHECK(*back == op);
}

TEST_CASE("sync protocol: well-formed replies decode") {
    auto push = decode_push_reply(R"({"results": [
        {"id": "r7f3:42", "status": "applied", "seq": 1017},
        {"id": "r7f3:43", "status": "superseded", "seq": 1018},
        {"id": "r7f3:44", "status": "duplicate", "seq": 998},
        {"id": "r7f3:45", "status": "rejected", "code": "guard_actual_solution", "message": "no"},
        {"index": 4, "status": "rejected", "code": "bad_operation", "message": "cannot decode"}],
      "number_blocks": [{"first": 10100, "last": 10199}], "head": 1019, "extra": true})");
    REQUIRE_MESSAGE(push.ok(), (push.ok() ? "" : push.error().message));
    REQUIRE(push->results.size() == 5);
    CHECK(push->results[0].seq == 1017);
    CHECK(push->results[2].status == ApplyKind::duplicate);
    CHECK(push->results[3].error.code == "guard_actual_solution");
    CHECK(*push->results[4].index == 4);
    CHECK(push->number_blocks == std::vector<NumberBlock>{{10100, 10199}});
    CHECK(push->head == 1019);

    nlohmann::json pull = {{"ops", {{{"seq", 5}, {"op", operation_to_json(an_op())}}}}, {"cursor", 7}, {"more", true}};
    auto p = decode_pull_reply(pull.dump());
    REQUIRE(p.ok());
    CHECK(p->ops.size() == 1);
    CHECK(p->ops[0].op == an_op());
    CHECK(p->cursor == 7);
    CHECK(p->more);

    auto h = decode_history_reply(R"({"ops": []})");
    REQUIRE(h.ok());
    CHECK(h->empty());
    auto w = decode_wait_reply(R"({"head": 12})");
    REQUIRE(w.ok());
    CHECK(*w == 12);
    Error e = decode_error_reply(403, R"({"error": {"code": "forbidden", "message": "no"}})");
    CHECK(e.code == "forbidden");
    CHECK(decode_error_reply(502, "<html>").code == "http_502");
    CHECK(url_encode("r7f3:17") == "r7f3%3A17");
}

TEST_CASE("sync protocol: malformed replies are errors naming what is wrong") {
    const char* bad_push[] = {
        "", "null", "[]", "{", R"({"head": 1})", R"({"results": {}, "head": 1})",
        R"({"results": [], "head": -1})", R"({"results": [], "head": "1"})", R"({"results": [], "head": 1.5})",
        R"({"results": [], "head": 18446744073709551615})",
        R"({"results": [1], "head": 1})", R"({"results": [{"id": "r:1", "status": "won", "seq": 1}], "head": 1})",
        R"({"results": [{"id": "r:1", "status": "applied"}], "head": 1})",
        R"({"results": [{"id": "nonsense", "status": "applied", "seq": 1}], "head": 1})",
        R"({"results": [{"status": "applied", "seq": 1}], "head": 1})",
        R"({"results": [{"index": 0, "status": "applied", "seq": 1}], "head": 1})",
        R"({"results": [{"id": "r:1", "status": "rejected", "code": 5, "message": "m"}], "head": 1})",
        R"({"results": [], "number_blocks": [{"first": 9, "last": 3}], "head": 1})",
        R"({"results": [], "number_blocks": [{"first": 0, "last": 3}], "head": 1})",
        R"({"results": [], "number_blocks": "x", "head": 1})",
    };
    for (const char* body : bad_push) {
        INFO(body);
        auto r = decode_push_reply(body);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "bad_reply");
    }
    const char* bad_pull[] = {
        R"({"ops": [], "cursor": 1})", R"({"ops": [], "cursor": 1, "more": 0})", R"({"ops": [], "more": false})",
        R"({"ops": [{"seq": 1}], "cursor": 1, "more": false})",
        R"({"ops": [{"seq": 1, "op": {"id": "r:1"}}], "cursor": 1, "more": false})",
        R"({"ops": [{"op": {}}], "cursor": 1, "more": false})", R"({"ops": null, "cursor": 1, "more": false})",
    };
    for (const char* body : bad_pull) {
        INFO(body);
        CHECK_FALSE(decode_pull_reply(body).ok());
    }
    CHECK_FALSE(decode_history_reply(R"({"ops": [{"seq": "1", "op": {}}]})").ok());
    CHECK_FALSE(decode_wait_reply(R"({"head": null})").ok());
    CHECK_FALSE(decode_wait_reply(R"(12)").ok());
}

TEST_CASE("sync protocol: random damage to replies never crashes the decoders") {
    nlohmann::json pull = {{"ops", {{{"seq", 5}, {"op", operation_to_json(an_op())}}}}, {"cursor", 7}, {"more", true}};
    const std::string good_pull = pull.dump();
    const std::string good_push =
        R"({"results": [{"id": "r7f3:42", "status": "applied", "seq": 1017}], "number_blocks": [{"first": 1, "last": 2}], "head": 1019})";
    hotline::testing::Rng rng(77);
    for (int i = 0; i < 3000; ++i) {
        std::string a = good_pull, b = good_push;
        for (std::string* s : {&a, &b}) {
            int edits = static_cast<int>(hotline::testing::uniform(rng, 1, 4));
            for (int e = 0; e < edits; ++e) {
                auto pos = static_cast<std::size_t>(hotline::testing::uniform(rng, 0, static_cast<std::int64_t>(s->size()) - 1));
                switch (hotline::testing::uniform(rng, 0, 2)) {
                    case 0: (*s)[pos] = static_cast<char>(hotline::testing::uniform(rng, 0, 255)); break;
                    case 1: s->erase(pos, 1); break;
                    default: s->resize(pos); break;
                }
                if (s->empty()) break;
            }
        }
        (void)decode_pull_reply(a);
        (void)decode_history_reply(a);
        (void)decode_push_reply(b);
        (void)decode_wait_reply(b);
    }
    CHECK(true);
}

TEST_CASE("sync protocol: a reply nested deeper than the server accepts is refused before it is parsed") {
    auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    // Well formed otherwise: without the guard an unknown member this deep would be ignored.
    const std::string deep = R"({"ops": [], "cursor": 1, "more": false, "x": )" + nested(kJsonDepthMax) + "}";
    const std::string shallow = R"({"ops": [], "cursor": 1, "more": false, "x": )" + nested(kJsonDepthMax - 1) + "}";
    CHECK(decode_pull_reply(shallow).ok());
    auto refused = decode_pull_reply(deep);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "bad_reply");
    CHECK(refused.error().message.find("nested deeper") != std::string::npos);

    // A hostile answer of a million brackets costs one scan, for every decoder.
    const std::string huge = nested(1'000'000);
    CHECK_FALSE(decode_push_reply(huge).ok());
    CHECK_FALSE(decode_pull_reply(huge).ok());
    CHECK_FALSE(decode_history_reply(huge).ok());
    CHECK_FALSE(decode_wait_reply(huge).ok());
    CHECK(decode_error_reply(500, huge).code == "http_500");
}
