// Operation JSON (operation_json.hpp): round trips, strict decoding, robustness.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/limits.hpp"
#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using nlohmann::json;

namespace {

// One valid operation of every kind, all from replica r7f3.
std::vector<Operation> one_of_each() {
    OpFactory f("r7f3");
    f.numbers().add_block({10042, 10042});
    std::vector<Operation> ops;
    ops.push_back(f.create_incident("u:ivanova", kBaseMs,
                                    {{IncidentField::title, "Принтер не печатает"},
                                     {IncidentField::priority, "2"},
                                     {IncidentField::origin, "email"},
                                     {IncidentField::unit_warranty_end, "2026-03-31"},
                                     {IncidentField::description, "Paper jam\non tray 2 — Café"},
                                     {IncidentField::customer_phone, ""}}));
    ops.push_back(f.create_incident("u:ivanova", kBaseMs + 1, {{IncidentField::title, "Provisional one"}}));
    const std::string iid = ops[0].entity_id;
    ops.push_back(f.set_field("u:petrov", kBaseMs + 2, iid, IncidentField::priority, "1"));
    ops.push_back(f.set_field("u:petrov", kBaseMs + 3, iid, IncidentField::title, "Grüße 🙂 \"quoted\" \\ back"));
    ops.push_back(f.set_field("u:petrov", kBaseMs + 4, iid, IncidentField::actual_solution, "line 1\nline 2\ttab"));
    ops.push_back(f.set_field("u:petrov", kBaseMs + 5, iid, IncidentField::unit_warranty_end, ""));
    ops.push_back(f.set_field("u:petrov", kBaseMs + 6, iid, IncidentField::origin, "walk_in"));
    ops.push_back(f.add_event("s:email-in", kBaseMs + 7, iid, "email_in", "Re: ticket\n> quoted"));
    ops.push_back(f.add_event("u:petrov", kBaseMs + 8, iid, "note", ""));
    ops.push_back(f.transition("u:petrov", kBaseMs + 9, iid, IncidentStatus::in_progress));
    ops.push_back(f.transition("u:petrov", kBaseMs + 10, iid, IncidentStatus::archived));
    ops.push_back(f.renumber("s:sync", kBaseMs + 11, ops[1].entity_id, 20001));
    ops.push_back(f.define_event_type("u:admin", kBaseMs + 12, "site_visit", "Визит на объект"));
    return ops;
}

// A valid set operation as JSON, to break in one place at a time.
json valid_set() {
    return json::parse(R"({"id":"r7f3:42","hlc":"1764000000123-0-r7f3","actor":"u:ivanova",
        "entity":"incident","entity_id":"r7f3:17","type":"set","field":"title","value":"Printer"})");
}
json valid_create() {
    return json::parse(R"({"id":"r7f3:17","hlc":"1764000000123-0-r7f3","actor":"u:ivanova",
        "entity":"incident","entity_id":"r7f3:17","type":"create",
        "value":{"title":"Printer","priority":2},"number":10042})");
}
json valid_event() {
    return json::parse(R"({"id":"r7f3:43","hlc":"1764000000124-0-r7f3","actor":"u:ivanova",
        "entity":"incident","entity_id":"r7f3:17","type":"add_event",
        "value":{"type":"call_in","text":"Called back"}})");
}
json valid_transition() {
    return json::parse(R"({"id":"r7f3:44","hlc":"1764000000125-0-r7f3","actor":"u:ivanova",
        "entity":"incident","entity_id":"r7f3:17","type":"transition","value":"in_progress"})");
}
json valid_renumber() {
    return json::parse(R"({"id":"srv:9","hlc":"1764000000126-0-srv","actor":"s:sync",
        "entity":"incident","entity_id":"r7f3:17","type":"renumber","number":10050})");
}
json valid_event_type() {
    return json::parse(R"({"id":"r7f3:45","hlc":"1764000000127-0-r7f3","actor":"u:admin",
        "entity":"event_type","entity_id":"site_visit","type":"create","value":{"label":"Site visit"}})");
}

// Decoding must fail with `code`, and the message must contain `needle` (usually the key).
void expect_error(const json& j, const std::string& code, const std::string& needle) {
    auto r = decode_operation(j);
    REQUIRE_MESSAGE(!r.ok(), "decoded: " << j.dump());
    CHECK_MESSAGE(r.error().code == code, r.error().code << ": " << r.error().message);
    CHECK_MESSAGE(r.error().message.find(needle) != std::string::npos,
                  "message '" << r.error().message << "' lacks '" << needle << "'");
    // The text overload agrees with the json one.
    auto t = decode_operation(j.dump());
    REQUIRE_FALSE(t.ok());
    CHECK(t.error() == r.error());
}

}  // namespace

TEST_CASE("operation json: the example from ARCHITECTURE.md decodes") {
    auto r = decode_operation(R"({"id":"r7f3:42", "hlc":"1764000000123-0-r7f3", "actor":"u:ivanova",
 "entity":"incident", "entity_id":"r7f3:17", "type":"set",
 "field":"priority", "value":2})");
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    const Operation& op = *r;
    CHECK(op.id == OpId{"r7f3", 42});
    CHECK(op.hlc == Hlc{1764000000123, 0, "r7f3"});
    CHECK(op.actor == "u:ivanova");
    CHECK(op.entity == EntityKind::incident);
    CHECK(op.entity_id == "r7f3:17");
    CHECK(op.type == OpType::set);
    CHECK(op.field == IncidentField::priority);
    CHECK(op.text == "2");
    // Priority goes back out as a JSON number.
    json out = operation_to_json(op);
    CHECK(out["value"].is_number_integer());
    CHECK(out["value"].get<int>() == 2);
    CHECK(out["field"] == "priority");
}

TEST_CASE("operation json: every kind of operation round trips") {
    for (const Operation& op : one_of_each()) {
        CAPTURE(op_type_name(op.type));
        std::string text = encode_operation(op);
        CAPTURE(text);
        auto back = decode_operation(text);
        REQUIRE_MESSAGE(back.ok(), back.error().message);
        CHECK(*back == op);
        CHECK(encode_operation(*back) == text);  // stable encoding
        auto back2 = decode_operation(operation_to_json(op));
        REQUIRE(back2.ok());
        CHECK(*back2 == op);
    }
}

TEST_CASE("operation json: wire shapes per type") {
    auto ops = one_of_each();
    json create = operation_to_json(ops[0]);
    CHECK(create["number"] == 10042);
    CHECK(create["value"]["title"] == "Принтер не печатает");
    CHECK(create["value"]["priority"] == 2);
    CHECK(create["value"]["customer.phone"] == "");
    CHECK(create["entity_id"] == create["id"]);
    json provisional = operation_to_json(ops[1]);
    CHECK(provisional["number"] == "P-r7f3-1");
    json event = operation_to_json(ops[7]);
    CHECK(event["value"] == json({{"type", "email_in"}, {"text", "Re: ticket\n> quoted"}}));
    json transition = operation_to_json(ops[9]);
    CHECK(transition["value"] == "in_progress");
    json renumber = operation_to_json(ops[11]);
    CHECK(renumber["number"] == 20001);
    CHECK_FALSE(renumber.contains("value"));
    json et = operation_to_json(ops[12]);
    CHECK(et["entity"] == "event_type");
    CHECK(et["entity_id"] == "site_visit");
    CHECK(et["value"] == json({{"label", "Визит на объект"}}));
    for (const auto& j : {valid_set(), valid_create(), valid_event(), valid_transition(), valid_renumber(),
                          valid_event_type()}) {
        auto r = decode_operation(j);
        CHECK_MESSAGE(r.ok(), j.dump() << " -> " << (r.ok() ? "" : r.error().message));
    }
}

TEST_CASE("operation json: create fields decode to one canonical order whatever the JSON key order") {
    auto a = decode_operation(R"({"id":"r1:1","hlc":"1764000000000-0-r1","actor":"u:a","entity":"incident",
        "entity_id":"r1:1","type":"create","number":"P-r1-1",
        "value":{"unit.serial":"SN1","title":"T","priority":4,"customer.name":"Иван"}})");
    auto b = decode_operation(R"({"type":"create","value":{"customer.name":"Иван","priority":4,"title":"T",
        "unit.serial":"SN1"},"number":"P-r1-1","entity_id":"r1:1","entity":"incident","actor":"u:a",
        "hlc":"1764000000000-0-r1","id":"r1:1"})");
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a == *b);
    REQUIRE(a->fields.size() == 4);
    for (std::size_t i = 1; i < a->fields.size(); ++i) CHECK(a->fields[i - 1].first < a->fields[i].first);
    CHECK(a->number == IncidentNumber{0, "P-r1-1"});
}

TEST_CASE("operation json: random operations round trip (property)") {
    hotline::testing::RandomOpsOptions options;
    options.replicas = 4;
    options.incidents = 6;
    options.transitions = true;
    options.event_types = true;
    options.renumbers = true;
    std::size_t checked = 0;
    for (std::uint64_t seed : {1u, 2u, 3u, 77u, 4242u}) {
        auto ops = hotline::testing::random_operations(seed, 400, options);
        REQUIRE(ops.size() == 400);
        for (const auto& op : ops) {
            std::string text = encode_operation(op);
            auto back = decode_operation(text);
            REQUIRE_MESSAGE(back.ok(), "seed " << seed << ": " << text << " -> " << back.error().message);
            REQUIRE_MESSAGE(*back == op, "seed " << seed << ": " << text);
            REQUIRE(encode_operation(*back) == text);
            ++checked;
        }
    }
    CHECK(checked == 2000);
}

TEST_CASE("operation json: malformed JSON and non-objects") {
    for (const char* text : {"", "{", "}", "{\"id\":}", "{\"id\":\"r1:1\",}", "nul", "{'id':'r1:1'}",
                             "{\"id\":\"r1:1\"} trailing", "\xff\xfe", "{\"a\":\"\xc3\x28\"}",
                             "{\"a\":\"\\ud800\"}"}) {
        auto r = decode_operation(std::string_view(text));
        REQUIRE_MESSAGE(!r.ok(), "decoded '" << text << "'");
        CHECK_MESSAGE(r.error().code == "bad_json", text << " -> " << r.error().code);
        CHECK_FALSE(r.error().message.empty());
    }
    for (const char* text : {"[]", "42", "\"r1:1\"", "null", "true", "[{\"id\":\"r1:1\"}]"}) {
        auto r = decode_operation(std::string_view(text));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "bad_operation");
        CHECK(r.error().message.find("JSON object") != std::string::npos);
    }
}

TEST_CASE("operation json: oversized input is refused before parsing") {
    json j = valid_set();
    j["field"] = "description";
    j["value"] = std::string(limits::kOperationJsonMax, 'x');
    std::string text = j.dump();
    REQUIRE(text.size() > limits::kOperationJsonMax);
    auto r = decode_operation(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "too_large");
    CHECK(r.error().message.find(std::to_string(limits::kOperationJsonMax)) != std::string::npos);
    // Not valid JSON either, but size is checked first.
    auto junk = decode_operation(std::string(limits::kOperationJsonMax + 1, '{'));
    REQUIRE_FALSE(junk.ok());
    CHECK(junk.error().code == "too_large");
}

TEST_CASE("operation json: every missing key is named") {
    struct Case {
        json base;
        std::vector<std::string> keys;
    };
    std::vector<Case> cases = {
        {valid_set(), {"id", "hlc", "actor", "entity", "entity_id", "type", "field", "value"}},
        {valid_create(), {"value", "number"}},
        {valid_event(), {"value"}},
        {valid_transition(), {"value"}},
        {valid_renumber(), {"number"}},
        {valid_event_type(), {"value"}},
    };
    for (const auto& c : cases) {
        for (const auto& key : c.keys) {
            CAPTURE(key);
            json j = c.base;
            j.erase(key);
            expect_error(j, "bad_operation", "'" + key + "'");
        }
    }
    json ev = valid_event();
    ev["value"].erase("text");
    expect_error(ev, "bad_operation", "'value.text' is missing");
    ev = valid_event();
    ev["value"].erase("type");
    expect_error(ev, "bad_operation", "'value.type' is missing");
    json et = valid_event_type();
    et["value"].erase("label");
    expect_error(et, "bad_operation", "'value.label' is required");
    json create = valid_create();
    create["value"].erase("title");
    expect_error(create, "bad_operation", "'value.title'");
}

TEST_CASE("operation json: unknown keys are refused") {
    json j = valid_set();
    j["extra"] = 1;
    expect_error(j, "bad_operation", "'extra' is not a known key");
    j = valid_set();
    j["number"] = 5;  // known elsewhere, not on a set
    expect_error(j, "bad_operation", "'number'");
    j = valid_event();
    j["field"] = "title";
    expect_error(j, "bad_operation", "'field'");
    j = valid_event();
    j["value"]["when"] = "now";
    expect_error(j, "bad_operation", "'value.when' is not a known key");
    j = valid_transition();
    j["number"] = 3;
    expect_error(j, "bad_operation", "'number'");
    j = valid_renumber();
    j["value"] = "x";
    expect_error(j, "bad_operation", "'value'");
    j = valid_event_type();
    j["value"]["colour"] = "red";
    expect_error(j, "bad_operation", "'value.colour'");
    j = valid_create();
    j["field"] = "title";
    expect_error(j, "bad_operation", "'field'");
    j = valid_set();
    j["ID"] = "r7f3:42";  // keys are case sensitive
    expect_error(j, "bad_operation", "'ID'");
}

TEST_CASE("operation json: unknown field names") {
    json j = valid_set();
    j["field"] = "colour";
    expect_error(j, "bad_operation", "'colour' is not a known field");
    j["field"] = "Title";
    expect_error(j, "bad_operation", "'Title' is not a known field");
    j = valid_create();
    j["value"]["colour"] = "red";
    expect_error(j, "bad_operation", "'value.colour' is not a known field");
}

TEST_CASE("operation json: wrong value types") {
    json j = valid_set();
    j["value"] = 5;  // number for a text field
    expect_error(j, "bad_operation", "'value' must be a string");
    j["value"] = json::array({"a"});
    expect_error(j, "bad_operation", "'value' must be a string");
    j["value"] = nullptr;
    expect_error(j, "bad_operation", "'value' must be a string");

    j = valid_set();
    j["field"] = "priority";
    j["value"] = "2";  // string priority
    expect_error(j, "bad_operation", "'value' must be an integer");
    j["value"] = 2.5;  // float priority
    expect_error(j, "bad_operation", "'value' must be an integer");
    j["value"] = 2.0;
    expect_error(j, "bad_operation", "'value' must be an integer");
    j["value"] = true;
    expect_error(j, "bad_operation", "'value' must be an integer");
    for (int p : {0, 5, -1, 100}) {
        j["value"] = p;
        expect_error(j, "bad_operation", "1 (critical) to 4 (low)");
    }
    j["value"] = 18446744073709551615ull;  // would wrap to -1 as int64
    expect_error(j, "bad_operation", "'value'");
    for (int p : {1, 4}) {
        j["value"] = p;
        auto r = decode_operation(j);
        REQUIRE(r.ok());
        CHECK(r->text == std::to_string(p));
    }

    for (const char* key : {"id", "hlc", "actor", "entity", "entity_id", "type", "field"}) {
        j = valid_set();
        j[key] = 42;
        expect_error(j, "bad_operation", "'" + std::string(key) + "' must be a string");
    }

    j = valid_create();
    j["value"]["priority"] = "2";
    expect_error(j, "bad_operation", "'value.priority' must be an integer");
    j = valid_create();
    j["value"]["title"] = 7;
    expect_error(j, "bad_operation", "'value.title' must be a string");
    j = valid_create();
    j["value"] = "Printer";
    expect_error(j, "bad_operation", "'value' must be an object");
    j = valid_create();
    j["number"] = 10042.0;
    expect_error(j, "bad_operation", "'number'");

    j = valid_event();
    j["value"] = "Called back";
    expect_error(j, "bad_operation", "'value' must be an object");
    j = valid_event();
    j["value"]["text"] = 3;
    expect_error(j, "bad_operation", "'value.text' must be a string");

    j = valid_transition();
    j["value"] = 3;
    expect_error(j, "bad_operation", "'value' must be a string");

    j = valid_renumber();
    j["number"] = "10050";
    expect_error(j, "bad_operation", "'number' must be a positive integer");
    for (long long n : {0LL, -5LL, 1000000000000LL}) {
        j["number"] = n;
        expect_error(j, "bad_operation", "'number' must be a positive integer");
    }
    j["number"] = "P-srv-1";  // renumber needs a final number
    expect_error(j, "bad_operation", "'number' must be a positive integer");
}

TEST_CASE("operation json: values over their size limits") {
    json j = valid_set();
    j["actor"] = "u:" + std::string(63, 'a');
    expect_error(j, "bad_operation", "'actor' is longer than 64 bytes");
    j = valid_set();
    j["value"] = std::string(limits::kShortTextMax + 1, 'a');
    expect_error(j, "bad_operation", "longer than 200 bytes");
    j["field"] = "description";  // the same value is fine for a long text
    CHECK(decode_operation(j).ok());
    j["value"] = std::string(limits::kLongTextMax + 1, 'a');
    expect_error(j, "bad_operation", "'value'");
    j = valid_set();
    j["entity_id"] = "r7f3:" + std::string(36, '1');
    expect_error(j, "bad_operation", "'entity_id' is longer than");
    j = valid_set();
    j["id"] = "r7f3:" + std::string(36, '1');
    expect_error(j, "bad_operation", "'id' is longer than");
    j = valid_event();
    j["value"]["text"] = std::string(limits::kLongTextMax + 1, 'a');
    expect_error(j, "bad_operation", "'value.text' is longer than");
    j["value"]["text"] = std::string(limits::kLongTextMax, 'a');
    CHECK(decode_operation(j).ok());
    j = valid_event_type();
    j["value"]["label"] = std::string(limits::kShortTextMax + 1, 'a');
    expect_error(j, "bad_operation", "'value.label' is invalid: 'Label' is longer than");
    j = valid_create();
    for (std::size_t i = 0; i <= limits::kCreateFieldsMax; ++i) j["value"]["k" + std::to_string(i)] = "x";
    expect_error(j, "bad_operation", "'value' has too many keys");
}

TEST_CASE("operation json: identity and clock rules") {
    json j = valid_set();
    j["hlc"] = "1764000000123-0-zz99";
    expect_error(j, "bad_operation", "'hlc' must come from the same replica as the id");
    j["hlc"] = "1764000000123-0";
    expect_error(j, "bad_operation", "'hlc'");
    j["hlc"] = "946684799999-0-r7f3";  // before 2000
    expect_error(j, "bad_operation", "'hlc'");
    j = valid_set();
    for (const char* bad : {"r7f3", "r7f3:0", "R7:1", "r7f3:01", ":1"}) {
        j["id"] = bad;
        expect_error(j, "bad_operation", "'id'");
    }
    j = valid_set();
    for (const char* bad : {"ivanova", "u:", "x:ivanova", "u:iva nova"}) {
        j["actor"] = bad;
        expect_error(j, "bad_operation", "'actor' must look like");
    }
    j = valid_set();
    j["entity_id"] = "17";
    expect_error(j, "bad_operation", "'entity_id' of an incident");

    j = valid_create();
    j["entity_id"] = "r7f3:16";
    expect_error(j, "bad_operation", "'entity_id' of a created incident must equal its id");
    j["entity_id"] = "zz:17";
    expect_error(j, "bad_operation", "'entity_id' of a created incident must equal its id");
}

TEST_CASE("operation json: incident numbers on create") {
    json j = valid_create();
    j["number"] = "P-r7f3-3";
    auto ok = decode_operation(j);
    REQUIRE(ok.ok());
    CHECK(ok->number == IncidentNumber{0, "P-r7f3-3"});
    CHECK_FALSE(ok->number.is_final());
    for (const char* bad : {"P-zz-1", "P-r7f-1", "P-r7f3x-1", "P-r7f3-0", "P-r7f3-01", "P-r7f3-", "P-r7f3-x",
                            "p-r7f3-1", "r7f3-1", "10042", ""}) {
        j["number"] = bad;
        expect_error(j, "bad_operation", "'number'");
    }
    j["number"] = "P-zz-1";
    expect_error(j, "bad_operation", "with the operation's replica");
    j["number"] = 0;
    expect_error(j, "bad_operation", "'number'");
    j["number"] = nullptr;
    expect_error(j, "bad_operation", "'number'");
}

TEST_CASE("operation json: unknown names of status, type and entity") {
    json j = valid_transition();
    j["value"] = "done";
    expect_error(j, "bad_operation", "'done' is not a status");
    j["value"] = "In progress";
    expect_error(j, "bad_operation", "is not a status");
    j = valid_set();
    j["type"] = "delete";
    expect_error(j, "bad_operation", "'delete' is not a known operation type");
    j["type"] = "link";
    expect_error(j, "bad_operation", "'type'");
    j = valid_set();
    j["entity"] = "customer";
    expect_error(j, "bad_operation", "'customer' is not a known entity");
    j = valid_event_type();
    j["type"] = "transition";  // event types have no workflow (an event type may be `set`, like any record)
    expect_error(j, "bad_operation", "event_type records have no status");
    j = valid_event_type();
    j["type"] = "add_event";
    expect_error(j, "bad_operation", "event_type records have no events");
    j = valid_event_type();
    j["entity_id"] = "Site Visit";
    expect_error(j, "bad_operation", "'entity_id' of an event type");
    j = valid_event_type();
    j["value"]["label"] = "";
    expect_error(j, "bad_operation", "'value.label' is required and cannot be blank");
    j = valid_event();
    j["value"]["type"] = "Call In";
    expect_error(j, "bad_operation", "'value.type' is not a valid event type key");
}

TEST_CASE("operation json: field values are validated like typed input") {
    json j = valid_set();
    j["value"] = "two\nlines";
    expect_error(j, "bad_operation", "one line");
    j["value"] = std::string("bell\x07");
    expect_error(j, "bad_operation", "control character");
    j["field"] = "unit.warranty_end";
    j["value"] = "31.03.2026";
    expect_error(j, "bad_operation", "YYYY-MM-DD");
    j["field"] = "origin";
    j["value"] = "pigeon";
    expect_error(j, "bad_operation", "'value' is invalid");
    j = valid_create();
    j["value"]["title"] = "   ";
    expect_error(j, "bad_operation", "'value.title' is required and cannot be blank");
    j["value"]["title"] = "";
    expect_error(j, "bad_operation", "'value.title'");
    // Invalid UTF-8 can only reach the json overload (the parser refuses it in text).
    j = valid_event();
    j["value"]["text"] = std::string("bad \xc3\x28");
    auto r = decode_operation(j);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("'value.text' is not valid UTF-8") != std::string::npos);
    j = valid_set();
    j["value"] = std::string("\xed\xa0\x80");  // surrogate
    r = decode_operation(j);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("UTF-8") != std::string::npos);
}

TEST_CASE("operation json: random mutations never crash and decode to an op or an Error") {
    std::vector<std::string> seeds;
    for (const auto& op : one_of_each()) seeds.push_back(encode_operation(op));
    for (const auto& j : {valid_set(), valid_create(), valid_event(), valid_transition(), valid_renumber(),
                          valid_event_type()})
        seeds.push_back(j.dump());
    static const char kAlphabet[] = "{}[]\":,0123456789-.eE+ \\u/tnrfab\xc3\xa9\xff\x00pPlr:_";
    const std::string alphabet(kAlphabet, sizeof(kAlphabet) - 1);  // keeps the NUL byte

    hotline::testing::Rng rng(0xf022);
    using hotline::testing::uniform;
    std::size_t decoded = 0, refused = 0;
    for (int iter = 0; iter < 12000; ++iter) {
        std::string s = hotline::testing::pick(rng, seeds);
        int mutations = static_cast<int>(uniform(rng, 1, 4));
        for (int m = 0; m < mutations && !s.empty(); ++m) {
            auto pos = static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(s.size()) - 1));
            switch (uniform(rng, 0, 5)) {
                case 0: s[pos] = static_cast<char>(uniform(rng, 0, 255)); break;              // byte flip
                case 1: s[pos] = static_cast<char>(s[pos] ^ (1 << uniform(rng, 0, 7))); break;  // bit flip
                case 2: s.resize(pos); break;                                                  // truncate
                case 3: s.erase(pos, static_cast<std::size_t>(uniform(rng, 1, 8))); break;     // delete
                case 4: s.insert(pos, 1, alphabet[static_cast<std::size_t>(
                                             uniform(rng, 0, static_cast<std::int64_t>(alphabet.size()) - 1))]);
                        break;
                default: {  // duplicate a slice
                    auto len = static_cast<std::size_t>(uniform(rng, 1, 12));
                    s.insert(pos, s.substr(pos, len));
                }
            }
        }
        auto r = decode_operation(s);
        if (r.ok()) {
            ++decoded;
            // A decoded operation is valid: it encodes, and decodes back to itself.
            std::string again = encode_operation(*r);
            auto r2 = decode_operation(again);
            REQUIRE_MESSAGE(r2.ok(), s << " -> " << again);
            REQUIRE(*r2 == *r);
        } else {
            ++refused;
            REQUIRE_FALSE(r.error().code.empty());
            REQUIRE_FALSE(r.error().message.empty());
        }
    }
    CHECK(decoded + refused == 12000);
    CHECK(refused > 1000);  // the mutations do break things
    CHECK(decoded > 100);   // and some survive (e.g. a changed letter in a text)
}
