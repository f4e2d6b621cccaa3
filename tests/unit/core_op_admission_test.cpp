// Text values of new operations (core/op_admission.hpp, core/text_rules.hpp): refused at
// admission, still replayed when stored.
#include <doctest/doctest.h>

#include <string>

#include "app/replica.hpp"
#include "core/desk.hpp"
#include "core/op_admission.hpp"
#include "core/op_factory.hpp"
#include "core/text_rules.hpp"
#include "store/replica_store.hpp"
#include "store_test_dir.hpp"
#include "test_support.hpp"

using namespace hotline;
using namespace hotline::testing;

namespace {

// The text rules look at the operation alone: an empty desk has no relations to judge.
const Desk kEmptyDesk;

struct Sample {
    const char* what;
    std::string text;
};

// One of each class the rules refuse in every text value, at the ends of each range.
const Sample kRefused[] = {
    {"NUL", std::string("a\0b", 3)},
    {"BEL", "a\x07" "b"},
    {"DEL U+007F", "a\x7f" "b"},
    {"C1 U+0080", "a\xc2\x80" "b"},
    {"C1 U+0085 NEXT LINE", "a\xc2\x85" "b"},
    {"C1 U+009F", "a\xc2\x9f" "b"},
    {"U+202A LEFT-TO-RIGHT EMBEDDING", "a\xe2\x80\xaa" "b"},
    {"U+202B RIGHT-TO-LEFT EMBEDDING", "a\xe2\x80\xab" "b"},
    {"U+202C POP DIRECTIONAL FORMATTING", "a\xe2\x80\xac" "b"},
    {"U+202D LEFT-TO-RIGHT OVERRIDE", "a\xe2\x80\xad" "b"},
    {"U+202E RIGHT-TO-LEFT OVERRIDE", "\xe2\x80\xae" "Tom Fletcher"},
    {"U+2066 LEFT-TO-RIGHT ISOLATE", "a\xe2\x81\xa6" "b"},
    {"U+2067 RIGHT-TO-LEFT ISOLATE", "a\xe2\x81\xa7" "b"},
    {"U+2068 FIRST STRONG ISOLATE", "a\xe2\x81\xa8" "b"},
    {"U+2069 POP DIRECTIONAL ISOLATE", "a\xe2\x81\xa9" "b"},
    {"invalid UTF-8", "a\xff" "b"},
};

const std::string kLineSeparator = "a\xe2\x80\xa8" "b", kParagraphSeparator = "a\xe2\x80\xa9" "b";

Operation create_titled(const std::string& title) {
    OpFactory f("r1");
    f.numbers().add_block({1, 10});
    return f.create_incident("u:ann", kBaseMs, {{IncidentField::title, title}});
}

}  // namespace

TEST_CASE("field text: each refused class of character, in one-line and multi-line values") {
    for (const Sample& s : kRefused) {
        CAPTURE(s.what);
        CHECK(field_text_problem(s.text, false));
        CHECK(field_text_problem(s.text, true));
    }
    CHECK(*field_text_problem("a\x7f", false) == "contains a control character (DEL or U+0080-U+009F)");
    CHECK(*field_text_problem("a\xc2\x85", true) == "contains a control character (DEL or U+0080-U+009F)");
    CHECK(field_text_problem("\xe2\x80\xae" "x", true)->find("bidirectional") != std::string_view::npos);
}

TEST_CASE("field text: tab everywhere, line breaks only where the field has lines") {
    CHECK_FALSE(field_text_problem("a\tb", false));
    CHECK_FALSE(field_text_problem("a\tb", true));
    CHECK_FALSE(field_text_problem("line one\nline two", true));
    CHECK_FALSE(field_text_problem(kLineSeparator, true));
    CHECK_FALSE(field_text_problem(kParagraphSeparator, true));
    CHECK(*field_text_problem("line one\nline two", false) == "must be one line");
    CHECK(*field_text_problem(kLineSeparator, false) == "must be one line");
    CHECK(*field_text_problem(kParagraphSeparator, false) == "must be one line");
    // Neighbours of the refused ranges are ordinary text.
    for (const char* fine : {"\xc2\xa0", "x\xe2\x80\xa7y", "x\xe2\x80\xafy", "x\xe2\x81\xa5y", "x\xe2\x81\xaay", "~", "Éloïse"})
        CHECK_MESSAGE(!field_text_problem(fine, false), fine);
}

TEST_CASE("new operations: creates, sets and events refuse such text as bad_value naming the field") {
    for (const Sample& s : kRefused) {
        CAPTURE(s.what);
        auto created = check_new_operation(create_titled("Pump " + s.text), kEmptyDesk);
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().code == "bad_value");
        CHECK(created.error().message.rfind("'Title' ", 0) == 0);
    }
    OpFactory f("r1");
    const Operation set_solution = f.set_field("u:ann", kBaseMs, "r1:9", IncidentField::actual_solution, "a\x7f");
    CHECK(check_new_operation(set_solution, kEmptyDesk).error().message.rfind("'Actual solution' ", 0) == 0);
    const Operation account = f.create("u:ann", kBaseMs, EntityKind::account, {{AccountField::name, "Acme\xc2\x9b"}});
    CHECK(check_new_operation(account, kEmptyDesk).error().code == "bad_value");
    const Operation event = f.add_event("u:ann", kBaseMs, "r1:9", "note", "called \xe2\x81\xa6" "back");
    CHECK(check_new_operation(event, kEmptyDesk).error().message.rfind("'Event text' ", 0) == 0);

    // What multi-line text may hold.
    CHECK(check_new_operation(f.set_field("u:ann", kBaseMs, "r1:9", IncidentField::actual_solution, "1.\tfuse\n2.\tpanel"), kEmptyDesk));
    CHECK(check_new_operation(f.add_event("u:ann", kBaseMs, "r1:9", "note", "first line\nsecond\tline"), kEmptyDesk));
    CHECK(check_new_operation(f.set_field("u:ann", kBaseMs, "r1:9", IncidentField::title, "tab\tin a title"), kEmptyDesk));
    CHECK_FALSE(check_new_operation(f.set_field("u:ann", kBaseMs, "r1:9", IncidentField::title, kLineSeparator), kEmptyDesk));
    CHECK(check_new_operation(f.transition("u:ann", kBaseMs, "r1:9", IncidentStatus::in_progress), kEmptyDesk));
}

TEST_CASE("new operations: operations stored before the rule still replay") {
    // Admitted by earlier versions, whose rule was the schema's (no C0 but tab and line feed).
    const Operation old = create_titled("Pump\x7f \xc2\x85 \xe2\x80\xae" "leak");
    CHECK_FALSE(check_new_operation(old, kEmptyDesk));
    Desk desk;
    REQUIRE(desk.apply(old).kind == ApplyKind::applied);
    CHECK(desk.find(old.entity_id)->value(IncidentField::title) == old.fields.at(0).second);

    // And from a replica folder: written as an earlier version wrote it, it opens.
    const auto dir = fresh_dir("admission-old-text");
    {
        auto opened = store::ReplicaStore::open(dir, "r1");
        REQUIRE(opened.ok());
        REQUIRE(opened->store.append(old).ok());
    }
    auto reopened = store::ReplicaStore::open(dir, "r1");
    REQUIRE(reopened.ok());
    CHECK(reopened->report.clean());
    REQUIRE(reopened->desk.find(old.entity_id));
    CHECK(reopened->desk.find(old.entity_id)->value(IncidentField::title) == old.fields.at(0).second);
}

TEST_CASE("new operations: a replica refuses a local change with such text and burns no id") {
    const auto dir = fresh_dir("admission-local");
    auto opened = app::Replica::open(dir, "web1");
    REQUIRE(opened.ok());
    app::Replica replica = std::move(*opened);
    Outcome refused = replica.commit_local([](OpFactory& f) {
        return f.create_incident("u:ann", kBaseMs, {{IncidentField::title, "\xe2\x80\xae" "Tom Fletcher"}});
    });
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "bad_value");
    CHECK(replica.desk().incidents().empty());
    CHECK(replica.outbox().empty());
    OpId id;
    REQUIRE(replica.commit_local([&](OpFactory& f) {
        Operation op = f.create_incident("u:ann", kBaseMs, {{IncidentField::title, "Tom Fletcher"}});
        id = op.id;
        return op;
    }));
    CHECK(id.counter == 1);
}
