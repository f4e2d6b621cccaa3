// src/protocol/: every message of the sync protocol encodes and decodes back to itself, in
// exactly the text nlohmann's dump() writes (the wire form the server always had); the push
// request is decoded as strictly as the server always did; and a malformed server reply is
// an Error naming what is wrong, never a crash.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_depth.hpp"
#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "protocol/error_reply.hpp"
#include "protocol/push_messages.hpp"
#include "protocol/read_messages.hpp"
#include "test_support.hpp"

using namespace hotline;
using namespace hotline::protocol;
using hotline::testing::kBaseMs;

namespace {

Operation an_op() {
    OpFactory f("r7f3");
    f.numbers().add_block({10, 20});
    return f.create_incident("u:me", kBaseMs, {{IncidentField::title, "Проблема"}});
}

}  // namespace

TEST_CASE("protocol: push request carries replica, ops and want_numbers") {
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

TEST_CASE("protocol: well-formed replies decode") {
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
    CHECK(h->ops.empty());
    auto w = decode_wait_reply(R"({"head": 12})");
    REQUIRE(w.ok());
    CHECK(w->head == 12);
    Error e = failure_of(403, R"({"error": {"code": "forbidden", "message": "no"}})");
    CHECK(e.code == "forbidden");
    CHECK(failure_of(502, "<html>").code == "http_502");
    CHECK(url_encode("r7f3:17") == "r7f3%3A17");
}

TEST_CASE("protocol: malformed replies are errors naming what is wrong") {
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

TEST_CASE("protocol: random damage to replies never crashes the decoders") {
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

namespace {

// The encoders write what nlohmann's dump() writes for the same message: keys sorted, no
// spaces. Parsing and dumping again must give back the very same text.
void check_dump_form(const std::string& text) {
    INFO(text);
    CHECK(nlohmann::json::parse(text).dump() == text);
}

Operation another_op() {
    OpFactory f("r7f3");
    return f.set_field("u:me", kBaseMs + 5, "r7f3:1", IncidentField::title, "Ünïcödé \"quoted\" \\ back-slash");
}

}  // namespace

TEST_CASE("protocol: every message decodes back to what was encoded, in dump()'s text") {
    const std::vector<Operation> ops{an_op(), another_op()};

    const std::string request = encode_push_request("r7f3", ops, 100);
    check_dump_form(request);
    auto req = decode_push_request(request);
    REQUIRE(req.ok());
    CHECK(req->replica == "r7f3");
    CHECK(req->want_numbers == 100);
    REQUIRE(req->ops.size() == 2);
    CHECK(req->ops[0].value() == ops[0]);
    CHECK(req->ops[1].value() == ops[1]);

    PushReply push;
    push.results = {{OpId{"r7f3", 42}, std::nullopt, ApplyKind::applied, 1017, {}},
                    {OpId{"r7f3", 43}, std::nullopt, ApplyKind::superseded, 1018, {}},
                    {OpId{"r7f3", 44}, std::nullopt, ApplyKind::duplicate, 998, {}},
                    {OpId{"r7f3", 45}, std::nullopt, ApplyKind::rejected, 0, {"guard_actual_solution", "Решение — \"нет\""}},
                    {std::nullopt, 4, ApplyKind::rejected, 0, {"bad_type", "An operation must be a JSON object."}}};
    push.number_blocks = {{10100, 10199}};
    push.head = 1019;
    for (const PushReply& reply : {push, PushReply{}}) {
        const std::string text = encode_push_reply(reply);
        check_dump_form(text);
        auto back = decode_push_reply(text);
        REQUIRE(back.ok());
        CHECK(*back == reply);
    }
    // The documented example, byte for byte (docs/sync-protocol.md).
    CHECK(encode_push_reply({{push.results[0]}, {}, 7}) ==
          R"({"head":7,"number_blocks":[],"results":[{"id":"r7f3:42","seq":1017,"status":"applied"}]})");

    const PullReply pull{{{5, ops[0]}, {9, ops[1]}}, 12, true};
    check_dump_form(encode_pull_reply(pull));
    CHECK(decode_pull_reply(encode_pull_reply(pull)).value() == pull);
    CHECK(decode_pull_reply(encode_pull_reply(PullReply{})).value() == PullReply{});

    const HistoryReply history{{{5, ops[0]}, {9, ops[1]}}};
    check_dump_form(encode_history_reply(history));
    CHECK(decode_history_reply(encode_history_reply(history)).value() == history);

    check_dump_form(encode_wait_reply({1019}));
    CHECK(decode_wait_reply(encode_wait_reply({1019})).value() == WaitReply{1019});

    for (const ErrorReply& error : {ErrorReply{{"forbidden_replica", "Replica «r7» belongs to another user."}, {}},
                                    ErrorReply{{"too_many_attempts", "Wait."}, 60000}}) {
        const std::string text = encode_error_reply(error);
        check_dump_form(text);
        CHECK(decode_error_reply(text).value() == error);
        CHECK(failure_of(403, text) == error.error);
    }
}

TEST_CASE("protocol: a pull page written from stored text is the page encoded from operations") {
    const Operation op = an_op();
    auto text = OpsReplyText::pull(3, false);
    text.add(3, encode_operation(op));
    CHECK(std::move(text).finish() == encode_pull_reply({{{3, op}}, 3, false}));
}

TEST_CASE("protocol: push requests are decoded strictly, each operation on its own") {
    struct Case {
        std::string body;
        const char* code;
    };
    const std::string deep = std::string(40, '[') + std::string(40, ']');
    const Case cases[] = {
        {"not json", "malformed_json"},
        {"[]", "bad_type"},
        {R"({"ops":[]})", "missing_key"},
        {R"({"replica":7,"ops":[]})", "bad_type"},
        {R"({"replica":"ra"})", "bad_type"},
        {R"({"replica":"ra","ops":{}})", "bad_type"},
        {R"({"replica":"RA!","ops":[]})", "bad_replica"},
        {R"({"replica":"server","ops":[]})", "bad_replica"},
        {R"({"replica":"ra","ops":[],"want_numbers":-1})", "out_of_range"},
        {R"({"replica":"ra","ops":[],"want_numbers":1001})", "out_of_range"},
        {R"({"replica":"ra","ops":[],"want_numbers":"5"})", "bad_type"},
        {R"({"replica":"ra","ops":[],"x":1})", "unknown_key"},
        {R"({"replica":"ra","ops":)" + deep + "}", "json_too_deep"},
    };
    for (const Case& c : cases) {
        INFO(c.body);
        auto decoded = decode_push_request(c.body);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == c.code);
        CHECK_FALSE(decoded.error().message.empty());
    }
    std::string too_many = R"({"replica":"ra","ops":[)";
    for (std::size_t i = 0; i <= kMaxPushBatch; ++i) too_many += i ? ",{}" : "{}";
    too_many += "]}";
    auto over = decode_push_request(too_many);
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().code == "batch_too_large");

    // A bad operation is an error at its place; the others decode.
    const std::string mixed = R"({"replica":"r7f3","ops":[5,{"id":"r7f3:1"},)" + encode_operation(an_op()) + "]}";
    auto decoded = decode_push_request(mixed);
    REQUIRE(decoded.ok());
    CHECK(decoded->want_numbers == 0);
    REQUIRE(decoded->ops.size() == 3);
    CHECK(decoded->ops[0].error().code == "bad_type");
    CHECK_FALSE(decoded->ops[1].ok());
    CHECK(decoded->ops[2].value() == an_op());
}

TEST_CASE("protocol: a malformed reply's error says where, once") {
    auto r = decode_push_reply(R"({"results": [{"id": "r:1", "status": "applied"}], "head": 1})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "The server's reply is malformed: results[0]: missing \"seq\"");
    auto p = decode_pull_reply(R"({"ops": [{"op": {}}], "cursor": 1, "more": false})");
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().message == "The server's reply is malformed: ops[0]: missing \"seq\"");
    CHECK_FALSE(decode_error_reply(R"({"error": {"code": "x"}})").ok());
    CHECK_FALSE(decode_error_reply(R"({"error": {"code": "x", "message": "m", "retry_after_ms": -1}})").ok());
}

TEST_CASE("protocol: results are named by core's ApplyKind") {
    for (ApplyKind kind : {ApplyKind::applied, ApplyKind::superseded, ApplyKind::duplicate, ApplyKind::rejected})
        CHECK(apply_kind_by_name(apply_kind_name(kind)) == kind);
    CHECK_FALSE(apply_kind_by_name("won").has_value());
}

TEST_CASE("protocol: a reply nested deeper than the server accepts is refused before it is parsed") {
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
    CHECK(failure_of(500, huge).code == "http_500");
}
