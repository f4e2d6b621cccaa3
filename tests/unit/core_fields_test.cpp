// Incident fields (schema.hpp), statuses (status.hpp) and event types (event_types.hpp).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/event_types.hpp"
#include "core/schema.hpp"
#include "core/limits.hpp"
#include "core/status.hpp"

using namespace hotline;

namespace {
// The value as the incident field `f` keeps it (a valid value is its own canonical text), or the refusal.
Result<std::string> canonical_field_value(FieldId f, std::string_view text) {
    if (auto ok = check_field_value(field_spec(EntityKind::incident, f), text); !ok) return ok.error();
    return std::string(text);
}
bool accepts(FieldId f, std::string_view text) { return canonical_field_value(f, text).ok(); }
std::string refusal(FieldId f, std::string_view text) {
    auto r = canonical_field_value(f, text);
    return r.ok() ? std::string("(accepted)") : r.error().code + ": " + r.error().message;
}
}  // namespace

TEST_CASE("fields: table is complete, in enum order, names unique and found by name") {
    CHECK(fields_of(EntityKind::incident).size() == field_count(EntityKind::incident));
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < fields_of(EntityKind::incident).size(); ++i) {
        const FieldSpec& spec = fields_of(EntityKind::incident)[i];
        CHECK(static_cast<std::size_t>(spec.id) == i);
        CHECK(&field_spec(EntityKind::incident, spec.id) == &spec);
        CHECK(names.insert(spec.name).second);
        auto found = field_by_name(EntityKind::incident, spec.name);
        REQUIRE(found.has_value());
        CHECK(*found == spec.id);
        CHECK_FALSE(spec.label.empty());
    }
    CHECK(field_by_name(EntityKind::incident, "customer.phone") == IncidentField::customer_phone);
    CHECK_FALSE(field_by_name(EntityKind::incident, "Title").has_value());
    CHECK_FALSE(field_by_name(EntityKind::incident, "customer").has_value());
    CHECK_FALSE(field_by_name(EntityKind::incident, "").has_value());
    CHECK(field_spec(IncidentField::priority).kind == FieldKind::priority);
    CHECK(field_spec(IncidentField::origin).kind == FieldKind::choice);
    CHECK(field_spec(IncidentField::unit_warranty_end).kind == FieldKind::date);
    CHECK(field_spec(IncidentField::actual_solution).kind == FieldKind::long_text);
}

TEST_CASE("fields: short text") {
    CHECK(*canonical_field_value(IncidentField::title, "Printer jammed") == "Printer jammed");
    CHECK(accepts(IncidentField::title, ""));
    CHECK(accepts(IncidentField::title, std::string(limits::kShortTextMax, 'a')));
    auto too_long = canonical_field_value(IncidentField::title, std::string(limits::kShortTextMax + 1, 'a'));
    REQUIRE_FALSE(too_long.ok());
    CHECK(too_long.error().code == "bad_value");
    CHECK(too_long.error().message.find("Title") != std::string::npos);
    CHECK(too_long.error().message.find("200") != std::string::npos);
    // The limit is in bytes: 100 Cyrillic letters are 200 bytes, 101 are too many.
    std::string cyr;
    for (int i = 0; i < 100; ++i) cyr += "ж";
    CHECK(accepts(IncidentField::customer_name, cyr));
    CHECK_FALSE(accepts(IncidentField::customer_name, cyr + "ж"));

    auto newline = canonical_field_value(IncidentField::customer_phone, "555\n123");
    REQUIRE_FALSE(newline.ok());
    CHECK(newline.error().code == "bad_value");
    CHECK(newline.error().message.find("Phone") != std::string::npos);
    CHECK(newline.error().message.find("one line") != std::string::npos);
    CHECK(accepts(IncidentField::customer_phone, "555\t123"));  // a tab is not a line break
}

TEST_CASE("fields: control characters are refused in every text kind") {
    for (FieldId f : {IncidentField::title, IncidentField::description, IncidentField::engineer}) {
        for (char c : {'\0', '\x01', '\r', '\x1b', '\x1f', '\b'}) {
            std::string s = "ab";
            s.insert(s.begin() + 1, c);
            auto r = canonical_field_value(f, s);
            CHECK_MESSAGE(!r.ok(), "field " << field_spec(EntityKind::incident, f).name << " accepted char " << int(c));
            if (!r.ok()) CHECK(r.error().message.find("control character") != std::string::npos);
        }
    }
    CHECK(accepts(IncidentField::description, "line 1\nline 2\n\tindented"));
}

// The check reads 8 bytes at a time: a control character is found wherever it sits in a
// word, next to multi-byte characters too, and line feeds and tabs alone never refuse.
TEST_CASE("fields: a control character is found at every position of a long value") {
    const std::string text = "Fuite d'eau sous l'appareil — клиент ждёт";
    for (std::size_t at = 0; at <= text.size(); ++at) {
        if (at < text.size() && (static_cast<unsigned char>(text[at]) >> 6) == 0x2) continue;  // inside a character
        std::string with = text;
        with.insert(at, 1, '\x1f');
        CHECK_MESSAGE(!accepts(IncidentField::description, with), "a control character at byte " << at);
        with[at] = '\n';
        CHECK_MESSAGE(accepts(IncidentField::description, with), "a line feed at byte " << at);
        with[at] = '\t';
        CHECK_MESSAGE(accepts(IncidentField::description, with), "a tab at byte " << at);
    }
}

TEST_CASE("fields: invalid UTF-8 is refused") {
    const std::string bad[] = {
        "\x80",                  // lone continuation byte
        "abc\xc3",               // truncated 2-byte sequence
        "\xe2\x82",              // truncated 3-byte sequence
        "\xf0\x9f\x99",          // truncated 4-byte sequence
        "\xc0\xaf",              // overlong '/'
        "\xc1\xbf",              // overlong
        "\xe0\x80\xaf",          // overlong 3-byte
        "\xf0\x80\x80\xaf",      // overlong 4-byte
        "\xed\xa0\x80",          // surrogate U+D800
        "\xed\xbf\xbf",          // surrogate U+DFFF
        "\xf4\x90\x80\x80",      // U+110000, past Unicode
        "\xf8\x88\x80\x80\x80",  // 5-byte form
        "\xff",                  "\xfe",
        "ok\xc3(",               // bad continuation
    };
    for (const auto& s : bad) {
        CHECK_MESSAGE(!is_valid_utf8(s), "valid: " << s.size() << " bytes");
        auto r = canonical_field_value(IncidentField::title, s);
        CHECK_FALSE(r.ok());
        if (!r.ok()) CHECK(r.error().message.find("UTF-8") != std::string::npos);
        CHECK_FALSE(accepts(IncidentField::description, s));
    }
    // Boundaries that ARE valid.
    CHECK(is_valid_utf8("\xc2\x80"));           // U+0080
    CHECK(is_valid_utf8("\xe0\xa0\x80"));       // U+0800
    CHECK(is_valid_utf8("\xed\x9f\xbf"));       // U+D7FF
    CHECK(is_valid_utf8("\xee\x80\x80"));       // U+E000
    CHECK(is_valid_utf8("\xf0\x90\x80\x80"));   // U+10000
    CHECK(is_valid_utf8("\xf4\x8f\xbf\xbf"));   // U+10FFFF
    CHECK(is_valid_utf8(""));
}

TEST_CASE("fields: Cyrillic, accented and other non-ASCII text is accepted unchanged") {
    for (std::string s : {"Иванова Мария Петровна", "принтер не печатает", "Café crème, naïve façade",
                          "Grüße aus Łódź", "北京办公室", "all good 🙂", "Ærøskøbing"}) {
        auto r = canonical_field_value(IncidentField::customer_name, s);
        REQUIRE_MESSAGE(r.ok(), refusal(IncidentField::customer_name, s));
        CHECK(*r == s);
        CHECK(*canonical_field_value(IncidentField::description, s + "\n" + s) == s + "\n" + s);
    }
}

TEST_CASE("fields: long text") {
    CHECK(accepts(IncidentField::description, std::string(limits::kLongTextMax, 'x')));
    auto r = canonical_field_value(IncidentField::description, std::string(limits::kLongTextMax + 1, 'x'));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("Description") != std::string::npos);
    CHECK(r.error().message.find(std::to_string(limits::kLongTextMax)) != std::string::npos);
}

TEST_CASE("fields: dates") {
    CHECK(*canonical_field_value(IncidentField::unit_warranty_end, "2026-03-31") == "2026-03-31");
    CHECK(accepts(IncidentField::unit_warranty_end, ""));  // no date
    CHECK(accepts(IncidentField::unit_warranty_end, "2000-01-01"));
    CHECK(accepts(IncidentField::unit_warranty_end, "2099-12-31"));
    for (const char* bad : {"2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "26-01-01", "2026/01/01",
                            "2026-1-01", "2026-01-1", "2026-01-01 ", "20260101", "2026-01-0a", "yesterday",
                            " 2026-01-01", "2026-01-01T00:00"}) {
        auto r = canonical_field_value(IncidentField::unit_warranty_end, bad);
        CHECK_MESSAGE(!r.ok(), "accepted date '" << bad << "'");
        if (!r.ok()) CHECK(r.error().message.find("YYYY-MM-DD") != std::string::npos);
    }
}

TEST_CASE("fields: priority") {
    for (const char* ok : {"1", "2", "3", "4"}) CHECK(*canonical_field_value(IncidentField::priority, ok) == ok);
    for (const char* bad : {"", "0", "5", "9", "12", " 1", "1 ", "-1", "a", "01", "1.0"}) {
        auto r = canonical_field_value(IncidentField::priority, bad);
        CHECK_MESSAGE(!r.ok(), "accepted priority '" << bad << "'");
        if (!r.ok()) CHECK(r.error().message.find("1 (critical) to 4 (low)") != std::string::npos);
    }
    CHECK(priority_label(1) == "Critical");
    CHECK(priority_label(2) == "High");
    CHECK(priority_label(3) == "Normal");
    CHECK(priority_label(4) == "Low");
    CHECK(priority_label(0) == "?");
    CHECK(priority_label(5) == "?");
    CHECK(accepts(IncidentField::priority, field_spec(IncidentField::priority).initial));
}

TEST_CASE("fields: origin choices") {
    const FieldSpec& spec = field_spec(IncidentField::origin);
    REQUIRE(spec.choices.size() >= 2);
    for (auto c : spec.choices) CHECK(*canonical_field_value(IncidentField::origin, c) == c);
    for (const char* c : {"phone", "email", "web", "api"}) CHECK(accepts(IncidentField::origin, c));
    CHECK(accepts(IncidentField::origin, field_spec(IncidentField::origin).initial));
    for (const char* bad : {"", "Phone", "PHONE", "phone ", "carrier pigeon", "e-mail"}) {
        auto r = canonical_field_value(IncidentField::origin, bad);
        CHECK_MESSAGE(!r.ok(), "accepted origin '" << bad << "'");
        if (!r.ok()) {
            CHECK(r.error().code == "bad_value");
            CHECK(r.error().message.find("Origin") != std::string::npos);
        }
    }
}

TEST_CASE("status: names, labels and lookup") {
    std::set<std::string_view> names;
    for (int i = 0; i < kStatusCount; ++i) {
        auto s = static_cast<IncidentStatus>(i);
        CHECK(names.insert(status_name(s)).second);
        CHECK(status_by_name(status_name(s)) == s);
        CHECK_FALSE(status_label(s).empty());
    }
    CHECK(status_name(IncidentStatus::in_progress) == "in_progress");
    CHECK(status_label(IncidentStatus::in_progress) == "In progress");
    CHECK(status_name(IncidentStatus::archived) == "archived");
    CHECK_FALSE(status_by_name("In progress").has_value());
    CHECK_FALSE(status_by_name("done").has_value());
    CHECK_FALSE(status_by_name("").has_value());
}

TEST_CASE("event types: defaults and key validity") {
    auto defaults = default_event_types();
    std::set<std::string> keys;
    for (const auto& t : defaults) {
        CHECK(is_valid_record_id(EntityKind::event_type, t.id));
        CHECK(keys.insert(t.id).second);
        CHECK_FALSE(t.value(EventTypeField::label).empty());
    }
    for (const char* k : {"call_in", "call_out", "email_in", "email_out", "assignment", "note"})
        CHECK_MESSAGE(keys.count(k) == 1, k);
    CHECK(is_valid_key("visit_2"));
    CHECK(is_valid_key(std::string(32, 'a')));
    CHECK_FALSE(is_valid_key(std::string(33, 'a')));
    CHECK_FALSE(is_valid_key(""));
    CHECK_FALSE(is_valid_key("Visit"));
    CHECK_FALSE(is_valid_key("site-visit"));
    CHECK_FALSE(is_valid_key("site visit"));
}
