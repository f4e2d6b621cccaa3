// The entity model (schema.hpp, entity_rules.hpp): every kind is held by the same
// desk code, refs must point somewhere, each kind's own rules, keyed records, and
// the wire form of every kind.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/desk.hpp"
#include "core/entity_rules.hpp"
#include "core/op_factory.hpp"
#include "core/operation_json.hpp"
#include "core/transaction_log.hpp"

using namespace hotline;

namespace {

constexpr std::int64_t kNow = 1764000000000;  // 2025-11-24 (UTC)

struct Desk2 {
    Desk desk;
    OpFactory f{"r1"};
    std::int64_t now = kNow;

    ApplyResult apply(const Operation& op) { return desk.apply(op); }
    std::string create(EntityKind kind, std::vector<std::pair<FieldId, std::string>> fields, std::string key = {}) {
        Operation op = f.create("u:ann", now += 1000, kind, std::move(fields), std::move(key));
        ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
        return op.entity_id;
    }
    Error refusal(const Operation& op) {
        ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::rejected, "applied: " << encode_operation(op));
        return r.error;
    }
};

}  // namespace

TEST_CASE("schema: every kind has fields in id order, a wire name, a title field and consistent id rules") {
    std::set<std::string_view> names;
    for (EntityKind kind : kAllEntityKinds) {
        const KindSpec& spec = kind_spec(kind);
        CAPTURE(spec.name);
        CHECK(spec.kind == kind);
        CHECK(names.insert(spec.name).second);
        CHECK(kind_by_name(spec.name) == kind);
        REQUIRE_FALSE(spec.fields.empty());
        CHECK(spec.title_field.value < spec.fields.size());
        std::set<std::string_view> field_names;
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            CHECK(spec.fields[i].id.value == i);
            CHECK(field_names.insert(spec.fields[i].name).second);
            CHECK(check_field_value(spec.fields[i], spec.fields[i].initial).ok());
        }
        // Minted kinds take operation ids, keyed kinds keys: is_valid_record_id agrees with the table.
        CHECK(is_valid_record_id(kind, "r1:7") == (spec.ids == IdScheme::minted));
        // Only incidents have a number, a workflow and events; technicians see only some kinds.
        CHECK(spec.numbered == (kind == EntityKind::incident));
        CHECK(spec.has_workflow == (kind == EntityKind::incident));
        CHECK(spec.has_events == (kind == EntityKind::incident));
    }
    CHECK_FALSE(kind_by_name("customer").has_value());
    // Field ids on disk: the incident's first 23 keep the numbers stored by format 1.
    CHECK(FieldId(IncidentField::resolution_specific).value == 22);
    CHECK(FieldId(IncidentField::unit).value == 25);
}

TEST_CASE("entities: customers, contacts and units refer to each other; refs that point nowhere are refused") {
    Desk2 d;
    const std::string acc = d.create(EntityKind::account, {{AccountField::name, "Hôtel du Parc"}, {AccountField::language, "fr"}});
    const Entity* account = d.desk.find(EntityKind::account, acc);
    REQUIRE(account != nullptr);
    CHECK(account->flag(AccountField::active));  // initial value
    CHECK(account->value(AccountField::language) == "fr");

    const std::string contact = d.create(EntityKind::contact, {{ContactField::account, acc}, {ContactField::name, "Mme Lefèvre"}});
    CHECK(d.desk.find(EntityKind::contact, contact)->value(ContactField::account) == acc);

    Error e = d.refusal(d.f.create("u:ann", d.now += 1000, EntityKind::contact,
                                   {{ContactField::account, "r9:1"}, {ContactField::name, "Nobody"}}));
    CHECK(e.code == "unknown_ref");
    CHECK(e.message.find("r9:1") != std::string::npos);
    e = d.refusal(d.f.create("u:ann", d.now += 1000, EntityKind::contact, {{ContactField::name, "No account"}}));
    CHECK(e.code == "missing_account");
    // A ref must name a record of its own kind: the contact's id is no account.
    e = d.refusal(d.f.create("u:ann", d.now += 1000, EntityKind::unit,
                             {{UnitField::serial, "SN-1"}, {UnitField::account, contact}}));
    CHECK(e.code == "unknown_ref");

    const std::string contract = d.create(EntityKind::contract, {{ContractField::account, acc},
                                                                 {ContractField::name, "SC-2026-17"},
                                                                 {ContractField::start, "2026-01-01"},
                                                                 {ContractField::end, "2026-12-31"}});
    const std::string unit = d.create(EntityKind::unit, {{UnitField::serial, "VD200-7731"},
                                                         {UnitField::account, acc},
                                                         {UnitField::warranty_end, "2027-03-31"},
                                                         {UnitField::contract, contract}});
    // An incident registered against them: the refs and the snapshot side by side (R3).
    const std::string inc = d.create(EntityKind::incident, {{IncidentField::title, "No hot water"},
                                                            {IncidentField::account, acc},
                                                            {IncidentField::contact, contact},
                                                            {IncidentField::unit, unit},
                                                            {IncidentField::customer_name, "Hôtel du Parc"}});
    CHECK(d.desk.find(inc)->value(IncidentField::unit) == unit);
    // Clearing a ref is allowed; pointing it nowhere is not.
    CHECK(d.apply(d.f.set_field("u:ann", d.now += 1000, inc, IncidentField::unit, "")).kind == ApplyKind::applied);
    CHECK(d.refusal(d.f.set_field("u:ann", d.now += 1000, inc, IncidentField::unit, "r1:999")).code == "unknown_ref");

    // Every kind keeps a transaction log, with field names of its own kind.
    auto log = render_transaction_log(d.desk, *d.desk.find(EntityKind::unit, unit));
    REQUIRE_FALSE(log.empty());
    CHECK(log.front().kind == TxKind::created);
    bool serial = false;
    for (const auto& row : log) serial = serial || (row.field == "serial" && row.new_value == "VD200-7731");
    CHECK(serial);
}

TEST_CASE("entities: a contract cannot end before it starts") {
    Desk2 d;
    const std::string acc = d.create(EntityKind::account, {{AccountField::name, "Studio Rossi"}});
    Error e = d.refusal(d.f.create("u:ann", d.now += 1000, EntityKind::contract,
                                   {{ContractField::account, acc}, {ContractField::name, "C1"},
                                    {ContractField::start, "2026-05-01"}, {ContractField::end, "2026-04-30"}}));
    CHECK(e.code == "bad_period");
    const std::string c = d.create(EntityKind::contract, {{ContractField::account, acc}, {ContractField::name, "C1"},
                                                          {ContractField::start, "2026-05-01"}});
    CHECK(d.refusal(d.f.set_field("u:ann", d.now += 1000, EntityKind::contract, c, ContractField::end, "2026-01-01")).code ==
          "bad_period");
    CHECK(d.apply(d.f.set_field("u:ann", d.now += 1000, EntityKind::contract, c, ContractField::end, "2027-04-30")).kind ==
          ApplyKind::applied);
}

TEST_CASE("entities: blocking reasons warn, or forbid registering, while they are in force (R2)") {
    Desk2 d;
    const std::string acc = d.create(EntityKind::account, {{AccountField::name, "ООО «Север»"}});
    const std::string other = d.create(EntityKind::account, {{AccountField::name, "Residenza Aurora"}});
    const std::string warn = d.create(EntityKind::blocking_reason, {{BlockingReasonField::account, acc},
                                                                   {BlockingReasonField::text, "Invoices overdue"}});
    CHECK(active_blocking_reasons(d.desk, acc, d.now).size() == 1);
    // A warning does not stop registration.
    d.create(EntityKind::incident, {{IncidentField::title, "Warned"}, {IncidentField::account, acc}});

    const std::string forbid = d.create(EntityKind::blocking_reason, {{BlockingReasonField::account, acc},
                                                                     {BlockingReasonField::text, "Contract terminated"},
                                                                     {BlockingReasonField::mode, "forbid"},
                                                                     {BlockingReasonField::until, "2025-12-31"}});
    auto blocks = active_blocking_reasons(d.desk, acc, d.now);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks.front()->id == forbid);  // forbidding ones first
    Error e = d.refusal(d.f.create_incident("u:ann", d.now += 1000, {{IncidentField::title, "Refused"}, {IncidentField::account, acc}}));
    CHECK(e.code == "account_blocked");
    CHECK(e.message.find("Contract terminated") != std::string::npos);
    CHECK(e.message.find("2025-12-31") != std::string::npos);
    // Moving an existing incident onto the blocked account is refused too.
    const std::string inc = d.create(EntityKind::incident, {{IncidentField::title, "Elsewhere"}, {IncidentField::account, other}});
    CHECK(d.refusal(d.f.set_field("u:ann", d.now += 1000, inc, IncidentField::account, acc)).code == "account_blocked");
    // Other fields of incidents on a blocked account stay editable.
    const std::string warned = d.desk.incidents().front().id;
    CHECK(d.apply(d.f.set_field("u:ann", d.now += 1000, warned, IncidentField::title, "Still editable")).kind ==
          ApplyKind::applied);

    // After its last day, or once deactivated, it no longer applies.
    CHECK(active_blocking_reasons(d.desk, acc, 1767225600000).size() == 1);  // 2026-01-01: the warning only
    d.now = 1767225600000;
    d.create(EntityKind::incident, {{IncidentField::title, "After the block"}, {IncidentField::account, acc}});
    CHECK(d.apply(d.f.set_field("u:ann", d.now += 1000, EntityKind::blocking_reason, warn, BlockingReasonField::active,
                                "false")).kind == ApplyKind::applied);
    CHECK(active_blocking_reasons(d.desk, acc, d.now).empty());
}

TEST_CASE("entities: reason and resolution codes form a two-level tree") {
    Desk2 d;
    d.create(EntityKind::reason_code, {{ReasonCodeField::label, "Heating"}}, "heating");
    d.create(EntityKind::reason_code, {{ReasonCodeField::label, "No hot water"}, {ReasonCodeField::parent, "heating"}},
             "no_hot_water");
    Error e = d.refusal(d.f.create("u:ann", d.now += 1000, EntityKind::reason_code,
                                   {{ReasonCodeField::label, "Too deep"}, {ReasonCodeField::parent, "no_hot_water"}},
                                   "too_deep"));
    CHECK(e.code == "bad_parent");
    // A general code with specific ones cannot become specific itself.
    d.create(EntityKind::reason_code, {{ReasonCodeField::label, "Plumbing"}}, "plumbing");
    e = d.refusal(d.f.set_field("u:ann", d.now += 1000, EntityKind::reason_code, "heating", ReasonCodeField::parent,
                                "plumbing"));
    CHECK(e.code == "bad_parent");
    CHECK(d.refusal(d.f.set_field("u:ann", d.now += 1000, EntityKind::resolution_code, "x", ResolutionCodeField::label,
                                  "y")).code == "unknown_resolution_code");
}

TEST_CASE("entities: keyed records are updated field by field by a later create, last writer wins") {
    Desk2 d;
    OpFactory other("r2");
    Operation first = d.f.create("u:cat", kNow + 10, EntityKind::department, {{DepartmentField::name, "Heating"}}, "heating");
    Operation later = other.create("u:cat", kNow + 20, EntityKind::department, {{DepartmentField::name, "Heating & gas"}},
                                   "heating");
    OpFactory late_laptop("r3");  // made before `later`, arrives after it
    Operation older = late_laptop.create("u:cat", kNow + 5, EntityKind::department, {{DepartmentField::name, "Old name"}},
                                         "heating");
    CHECK(d.apply(first).kind == ApplyKind::applied);
    CHECK(d.apply(later).kind == ApplyKind::applied);
    CHECK(d.apply(older).kind == ApplyKind::superseded);
    const Entity* dept = d.desk.find(EntityKind::department, "heating");
    REQUIRE(dept != nullptr);
    CHECK(dept->value(DepartmentField::name) == "Heating & gas");
    CHECK(dept->superseded_writes == 1);
    CHECK(d.desk.entities(EntityKind::department).size() == 1);
    // Keys have a shape; staff profiles are keyed by login.
    CHECK(d.refusal(d.f.create("u:cat", d.now += 1000, EntityKind::department, {{DepartmentField::name, "X"}}, "Bad Key"))
              .code == "bad_key");
    d.create(EntityKind::staff_profile, {{StaffProfileField::department, "heating"}, {StaffProfileField::skills, "boilers"}},
             "t.fletcher");
    CHECK(d.refusal(d.f.create("u:cat", d.now += 1000, EntityKind::staff_profile,
                               {{StaffProfileField::department, "plumbing"}}, "ipetrov"))
              .code == "unknown_ref");
}

TEST_CASE("entities: hooks belong to the kinds that have them") {
    Desk2 d;
    const std::string acc = d.create(EntityKind::account, {{AccountField::name, "Acme"}});
    Operation ev = d.f.add_event("u:ann", d.now += 1000, acc, "note", "x");
    ev.entity = EntityKind::account;
    CHECK(d.refusal(ev).code == "bad_operation");
    Operation tr = d.f.transition("u:ann", d.now += 1000, acc, IncidentStatus::closed);
    tr.entity = EntityKind::account;
    CHECK(d.refusal(tr).code == "bad_operation");
    // Numbers are for incidents: an account's create carries none, on the wire too.
    Operation create = d.f.create("u:ann", d.now += 1000, EntityKind::account, {{AccountField::name, "B"}});
    CHECK_FALSE(operation_to_json(create).contains("number"));
}

TEST_CASE("entities: the wire form of every kind round-trips, flags as booleans") {
    OpFactory f("r7f3");
    std::vector<Operation> ops = {
        f.create("u:ann", kNow, EntityKind::account, {{AccountField::name, "Acme"}, {AccountField::active, "false"}}),
        f.set_field("u:ann", kNow + 1, EntityKind::account, "r7f3:1", AccountField::active, "true"),
        f.create("u:ann", kNow + 2, EntityKind::contact, {{ContactField::account, "r7f3:1"}, {ContactField::name, "Bo"}}),
        f.create("u:cat", kNow + 3, EntityKind::priority_code, {{PriorityCodeField::label, "Critical"}}, "p1"),
        f.create("u:cat", kNow + 4, EntityKind::blocking_reason,
                 {{BlockingReasonField::account, "r7f3:1"}, {BlockingReasonField::text, "Unpaid"},
                  {BlockingReasonField::mode, "forbid"}}),
    };
    for (const Operation& op : ops) {
        CAPTURE(encode_operation(op));
        auto decoded = decode_operation(encode_operation(op));
        REQUIRE_MESSAGE(decoded.ok(), decoded.error().message);
        CHECK(*decoded == op);
    }
    CHECK(operation_to_json(ops[0])["value"]["active"] == false);
    auto j = operation_to_json(ops[1]);
    j["value"] = "true";
    CHECK_FALSE(decode_operation(j).ok());  // a flag is a JSON boolean
    j = operation_to_json(ops[2]);
    j["value"]["account"] = "not an id";
    CHECK_FALSE(decode_operation(j).ok());
    j = operation_to_json(ops[0]);
    j["value"]["title"] = "x";  // a field of another kind
    auto refused = decode_operation(j);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("value.title") != std::string::npos);
}

TEST_CASE("utc_date: the UTC day of a moment, days before 1970 rounded down") {
    constexpr std::int64_t kDay = 86'400'000;
    CHECK(utc_date(0) == "1970-01-01");
    CHECK(utc_date(kDay - 1) == "1970-01-01");
    CHECK(utc_date(-1) == "1969-12-31");
    CHECK(utc_date(-kDay) == "1969-12-31");
    CHECK(utc_date(-kDay - 1) == "1969-12-30");
    CHECK(utc_date(std::int64_t{20'455} * kDay) == "2026-01-02");  // 2026-01-01 is day 20,454
    CHECK(utc_date(std::int64_t{11'016} * kDay + 12 * 3'600'000) == "2000-02-29");
}
