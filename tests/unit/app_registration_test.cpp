// Registration against real records (app/customer_lookup, unit_lookup,
// registration): finding the caller and the unit, what choosing them fills,
// blocking reasons, a call added to an existing incident, records made from the form.
#include <doctest/doctest.h>

#include "app/app.hpp"
#include "app/customer_lookup.hpp"
#include "app/unit_lookup.hpp"
#include "app_test_support.hpp"

using namespace hotline;
using namespace hotline::app;
using namespace hotline::testing;

namespace {

using Fields = std::vector<std::pair<FieldId, std::string>>;

std::string make(App& app, EntityKind kind, Fields fields, std::int64_t now = kBaseMs) {
    std::string id;
    Outcome done = app.replica().commit([&](OpFactory& f) {
        Operation op = f.create("u:admin", now, kind, std::move(fields));
        id = op.entity_id;
        return op;
    });
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    return id;
}

// Two accounts in two languages, three contacts, two units, one contract.
struct Records {
    std::string lefevre, sever, anne, ivan, retired, printer, boiler, contract;
};

Records make_records(App& app) {
    Records r;
    r.lefevre = make(app, EntityKind::account,
                     {{AccountField::name, "Boulangerie Lefèvre"}, {AccountField::address, "3 rue Mercière, Lyon"},
                      {AccountField::phone, "+33 4 78 60 12 34"}, {AccountField::email, "contact@lefevre.fr"}});
    r.sever = make(app, EntityKind::account, {{AccountField::name, "ООО «Север»"}, {AccountField::phone, "+7 495 123-45-67"}});
    r.anne = make(app, EntityKind::contact,
                  {{ContactField::account, r.lefevre}, {ContactField::name, "Mme Lefèvre"},
                   {ContactField::phone, "+33 6 12 34 56 78"}, {ContactField::email, "anne.lefevre@lefevre.fr"}});
    r.ivan = make(app, EntityKind::contact, {{ContactField::account, r.sever}, {ContactField::name, "Иван Северов"}});
    r.retired = make(app, EntityKind::contact,
                     {{ContactField::account, r.lefevre}, {ContactField::name, "Paul Lefebvre"}, {ContactField::active, "false"}});
    r.contract = make(app, EntityKind::contract,
                      {{ContractField::account, r.lefevre}, {ContractField::name, "Four Care 12"},
                       {ContractField::coverage, "service_contract"}, {ContractField::start, "2025-01-01"},
                       {ContractField::end, "2025-12-31"}});
    r.printer = make(app, EntityKind::unit,
                     {{UnitField::serial, "PHB8K41207"}, {UnitField::item, "HP LaserJet M507"}, {UnitField::account, r.lefevre},
                      {UnitField::warranty_end, "2026-03-31"}, {UnitField::contract, r.contract}});
    r.boiler = make(app, EntityKind::unit,
                    {{UnitField::serial, "PHB8K9"}, {UnitField::item, "Boiler"}, {UnitField::account, r.sever},
                     {UnitField::warranty_end, "2025-09-30"}});
    return r;
}

std::vector<std::string> names(const std::vector<CustomerMatch>& found) {
    std::vector<std::string> out;
    for (const auto& m : found)
        out.emplace_back(m.record->value(m.kind == EntityKind::account ? FieldId(AccountField::name) : FieldId(ContactField::name)));
    return out;
}

}  // namespace

TEST_CASE("customer lookup: accents, case and Cyrillic are folded; a contact comes with its account") {
    auto app = open_app(fresh_dir("lookup-names"));
    Records r = make_records(*app);
    CustomerLookup lookup(app->desk());
    auto found = lookup.find("lefev");
    // Both names have a word starting with the query: ties go by name.
    REQUIRE(names(found) == std::vector<std::string>{"Boulangerie Lefèvre", "Mme Lefèvre"});
    CHECK(found[0].kind == EntityKind::account);
    CHECK(found[1].kind == EntityKind::contact);
    CHECK(found[1].account->id == r.lefevre);
    CHECK(names(lookup.find("LEFÈVRE")) == names(found));
    auto sever = lookup.find("север");
    CHECK(names(sever) == std::vector<std::string>{"Иван Северов", "ООО «Север»"});
    CHECK(sever[1].rank == CustomerLookup::kWordPrefix);  // a word starts after «
    CHECK(lookup.find("СЕВЕР").size() == 2);
    CHECK(lookup.find("   ").empty());
}

TEST_CASE("customer lookup: ranking, phone digits, email, inactive records left out") {
    auto app = open_app(fresh_dir("lookup-rank"));
    Records r = make_records(*app);
    CustomerLookup lookup(app->desk());
    // A name that begins with the query, then a word that does, then anywhere.
    make(*app, EntityKind::account, {{AccountField::name, "Lefèvre et Fils"}});
    make(*app, EntityKind::account, {{AccountField::name, "Atelier Dulefevre"}});
    auto ranked = lookup.find("lefe");
    REQUIRE(ranked.size() == 4);  // the inactive Paul Lefebvre is not there
    CHECK(ranked[0].rank == CustomerLookup::kNamePrefix);
    CHECK(names(ranked)[0] == "Lefèvre et Fils");
    CHECK(ranked[1].rank == CustomerLookup::kWordPrefix);
    CHECK(ranked[3].rank == CustomerLookup::kInside);
    CHECK(names(ranked)[3] == "Atelier Dulefevre");
    CHECK(lookup.find("lefebvre").empty());

    // Digits ignore spaces and punctuation, and a national 0 finds the +33 form.
    auto phone = lookup.find("06 12-34");
    REQUIRE(phone.size() == 1);
    CHECK(phone[0].record->id == r.anne);
    CHECK(lookup.find("4951234567").front().record->id == r.sever);
    auto email = lookup.find("anne.lef");
    REQUIRE(email.size() == 1);
    CHECK(email[0].rank == CustomerLookup::kContactPrefix);
    CHECK(lookup.find("@lefevre.fr").size() == 2);

    // A record deactivated after the index was built is left out at once.
    REQUIRE(app->replica().commit([&](OpFactory& f) {
        return f.set_field("u:admin", kBaseMs + 10, EntityKind::contact, r.anne, ContactField::active, "false");
    }).ok());
    CHECK(lookup.find("06 12-34").empty());

    // Narrowing and widening again give the same answers as a fresh lookup.
    CHECK(lookup.find("l").size() == 3);
    CHECK(names(lookup.find("lef")) == names(CustomerLookup(app->desk()).find("lef")));
}

TEST_CASE("unit lookup: serial exact or prefix, with warranty and contract on a given day") {
    auto app = open_app(fresh_dir("lookup-units"));
    Records r = make_records(*app);
    UnitLookup units(app->desk());
    auto found = units.find("phb8k");
    REQUIRE(found.size() == 2);
    CHECK(units.find("PHB8K9").front()->id == r.boiler);  // exact first
    CHECK(units.find("phb8k4").front()->id == r.printer);
    CHECK(units.find("XYZ").empty());

    UnitCoverage c = unit_coverage(app->desk(), *app->desk().find(EntityKind::unit, r.printer), "2025-06-01");
    CHECK(c.account->id == r.lefevre);
    CHECK(warranty_text(c) == "In warranty until 2026-03-31");
    CHECK(contract_text(c) == "Four Care 12 (service contract), in force");
    c = unit_coverage(app->desk(), *app->desk().find(EntityKind::unit, r.printer), "2026-04-01");
    CHECK(warranty_text(c) == "Warranty expired 2026-03-31");
    CHECK(contract_text(c) == "Four Care 12 (service contract), not in force");
    c = unit_coverage(app->desk(), *app->desk().find(EntityKind::unit, r.boiler), "2025-06-01");
    CHECK(contract_text(c) == "No contract");
}

TEST_CASE("registration: choosing a contact and a unit fills the snapshot and refs; the snapshot stays") {
    auto app = open_app(fresh_dir("reg-fill"));
    Records r = make_records(*app);
    app->start_create();
    Registration& reg = app->registration();
    app->choose_customer(reg.customers().find("mme lefev").front());
    app->choose_unit(*reg.units().find("PHB8K41207").front(), kBaseMs);
    Draft& d = app->create_draft();
    CHECK(d.value(IncidentField::account) == r.lefevre);
    CHECK(d.value(IncidentField::contact) == r.anne);
    CHECK(d.value(IncidentField::unit) == r.printer);
    CHECK(d.value(IncidentField::customer_name) == "Boulangerie Lefèvre");
    CHECK(d.value(IncidentField::customer_contact) == "Mme Lefèvre");
    CHECK(d.value(IncidentField::customer_address) == "3 rue Mercière, Lyon");
    CHECK(d.value(IncidentField::customer_phone) == "+33 6 12 34 56 78");
    CHECK(d.value(IncidentField::customer_email) == "anne.lefevre@lefevre.fr");
    CHECK(d.value(IncidentField::unit_item) == "HP LaserJet M507");
    CHECK(d.value(IncidentField::unit_warranty_end) == "2026-03-31");
    CHECK(d.value(IncidentField::unit_contract) == "Four Care 12");
    d.value(IncidentField::title) = "Le four ne chauffe plus";
    REQUIRE_MESSAGE(app->save_create(kBaseMs + 1000), app->message().text);

    // The account changes later; the incident keeps what was taken at registration.
    REQUIRE(app->replica().commit([&](OpFactory& f) {
        return f.set_field("u:admin", kBaseMs + 2000, EntityKind::account, r.lefevre, AccountField::name, "Lefèvre SA");
    }).ok());
    const Incident& inc = app->desk().incidents().back();
    CHECK(inc.value(IncidentField::customer_name) == "Boulangerie Lefèvre");
    CHECK(inc.value(IncidentField::account) == r.lefevre);
    CHECK(inc.value(IncidentField::unit_serial) == "PHB8K41207");

    CustomerCard card = customer_card(app->desk(), *app->desk().find(EntityKind::contact, r.anne));
    CHECK(card.account->id == r.lefevre);
    CHECK(card.open.size() == 1);
    CHECK(card.units.size() == 1);
    CHECK(card.contacts.size() == 1);  // the inactive one left out
}

TEST_CASE("registration: blocking reasons warn, and a forbidding one refuses the save with its reason") {
    auto app = open_app(fresh_dir("reg-block"));
    Records r = make_records(*app);
    make(*app, EntityKind::blocking_reason,
         {{BlockingReasonField::account, r.sever}, {BlockingReasonField::text, "Счёт не оплачен"}, {BlockingReasonField::mode, "warn"}});
    app->start_create();
    app->choose_customer(app->registration().customers().find("север").front());
    REQUIRE(app->registration().blocking_reasons(kBaseMs + 10).size() == 1);
    app->create_draft().value(IncidentField::title) = "Котёл не греет";
    CHECK(app->save_create(kBaseMs + 20));  // a warning only

    make(*app, EntityKind::blocking_reason,
         {{BlockingReasonField::account, r.sever}, {BlockingReasonField::text, "Contract terminated"},
          {BlockingReasonField::mode, "forbid"}},
         kBaseMs + 30);
    app->start_create();
    app->choose_customer(app->registration().customers().find("север").front());
    CHECK(app->registration().blocking_reasons(kBaseMs + 40).front()->value(BlockingReasonField::mode) == "forbid");
    app->create_draft().value(IncidentField::title) = "Ещё раз";
    const std::size_t before = app->desk().incidents().size();
    CHECK_FALSE(app->save_create(kBaseMs + 50));
    CHECK(app->message().error);
    CHECK(app->message().code == "account_blocked");
    CHECK(app->message().text.find("Contract terminated") != std::string::npos);
    CHECK(app->desk().incidents().size() == before);
}

TEST_CASE("registration: the call is added as an event to the caller's open incident, no new incident") {
    auto app = open_app(fresh_dir("reg-existing"));
    Records r = make_records(*app);
    app->start_create();
    app->choose_customer(app->registration().customers().find("Mme Lef").front());
    app->create_draft().value(IncidentField::title) = "Four en panne";
    REQUIRE(app->save_create(kBaseMs + 100));
    make(*app, EntityKind::account, {{AccountField::name, "Other"}});

    app->start_create();
    app->create_draft().value(IncidentField::title) = "panne";  // matches by title without a caller
    CHECK(app->registration().related_incidents().size() == 1);
    app->create_draft().value(IncidentField::title).clear();
    CHECK(app->registration().related_incidents().empty());
    app->choose_customer(app->registration().customers().find("lefèvre").front());
    auto related = app->registration().related_incidents();
    REQUIRE(related.size() == 1);
    app->create_draft().value(IncidentField::description) = "Elle rappelle : toujours en panne";
    const std::size_t incidents = app->desk().incidents().size();
    const std::size_t events = app->desk().incidents()[related[0]].events.size();
    REQUIRE_MESSAGE(app->add_call_to_incident(related[0], kBaseMs + 200), app->message().text);
    CHECK(app->desk().incidents().size() == incidents);
    const Incident& inc = app->desk().incidents()[related[0]];
    REQUIRE(inc.events.size() == events + 1);
    CHECK(inc.events.back().type == "call_in");
    CHECK(inc.events.back().text == "Elle rappelle : toujours en panne");
    CHECK(app->screen() == Screen::detail);
    CHECK(app->tab() == DetailTab::timeline);
    (void)r;
}

TEST_CASE("registration: a new account, contact and unit are created from the form and chosen") {
    auto app = open_app(fresh_dir("reg-new"));
    app->start_create();
    Registration& reg = app->registration();
    reg.start_new(NewRecord::account);
    CHECK_FALSE(app->save_new_record(NewRecord::account, kBaseMs));  // a name is required
    CHECK(app->message().error);
    reg.new_record(NewRecord::account).value(AccountField::name) = "Trattoria Da Gino";
    reg.new_record(NewRecord::account).value(AccountField::phone) = "+39 02 555 0101";
    REQUIRE_MESSAGE(app->save_new_record(NewRecord::account, kBaseMs + 1), app->message().text);
    CHECK(app->message().text == "Account created");
    const Entity* acc = reg.account();
    REQUIRE(acc);
    CHECK(app->create_draft().value(IncidentField::customer_name) == "Trattoria Da Gino");

    reg.start_new(NewRecord::contact);
    CHECK(reg.new_record(NewRecord::contact).value(ContactField::account) == acc->id);
    reg.new_record(NewRecord::contact).value(ContactField::name) = "Gino Bianchi";
    REQUIRE_MESSAGE(app->save_new_record(NewRecord::contact, kBaseMs + 2), app->message().text);
    reg.start_new(NewRecord::unit);
    reg.new_record(NewRecord::unit).value(UnitField::serial) = "LAV-2291";
    reg.new_record(NewRecord::unit).value(UnitField::item) = "Lavastoviglie Winterhalter";
    REQUIRE_MESSAGE(app->save_new_record(NewRecord::unit, kBaseMs + 3), app->message().text);

    CHECK(app->create_draft().value(IncidentField::customer_contact) == "Gino Bianchi");
    CHECK(app->create_draft().value(IncidentField::unit_serial) == "LAV-2291");
    CHECK(reg.customers().find("gino").size() == 2);  // the new records are found at once
    CHECK(reg.units().find("lav").size() == 1);
    app->create_draft().value(IncidentField::title) = "Lavastoviglie ferma";
    REQUIRE(app->save_create(kBaseMs + 4));
    const Incident& inc = app->desk().incidents().back();
    CHECK(inc.value(IncidentField::contact) == reg.customers().find("gino bianchi").front().record->id);
    CHECK(app->desk().find(EntityKind::unit, inc.value(IncidentField::unit))->value(UnitField::account) == acc->id);
}
