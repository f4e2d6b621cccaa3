// The incident list (app/list_model.hpp): search, sort, filters and selection,
// checked against a brute-force reference on random desks.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "app/list_model.hpp"
#include "core/collation.hpp"
#include "core/text_fold.hpp"
#include "core/op_factory.hpp"
#include "test_support.hpp"

using namespace hotline;
using namespace hotline::app;
using hotline::testing::kBaseMs;
using hotline::testing::pick;
using hotline::testing::uniform;

namespace {

// A desk made operation by operation, as the app would.
struct TestDesk {
    Desk desk;
    OpFactory numbered{"t1"};
    OpFactory provisional{"t2"};  // no number block: provisional numbers
    std::int64_t now = kBaseMs;

    TestDesk() { numbered.numbers().add_block({1000, 999999}); }

    std::uint32_t create(std::vector<std::pair<FieldId, std::string>> fields, bool final_number = true) {
        OpFactory& f = final_number ? numbered : provisional;
        Operation op = f.create_incident("u:t", ++now, std::move(fields));
        REQUIRE(desk.apply(op).kind == ApplyKind::applied);
        return static_cast<std::uint32_t>(desk.incidents().size() - 1);
    }
    void set(std::uint32_t row, FieldId field, std::string value) {
        Operation op = numbered.set_field("u:t", ++now, desk.incidents()[row].id, field, std::move(value));
        REQUIRE(desk.apply(op).kind == ApplyKind::applied);
    }
    void transition(std::uint32_t row, IncidentStatus to) {
        Operation op = numbered.transition("u:t", ++now, desk.incidents()[row].id, to);
        REQUIRE(desk.apply(op).kind == ApplyKind::applied);
    }
};

const std::vector<std::string> kTitles = {"Printer jammed", "ПРИНТЕР не печатает", "Fuite d'eau à l'ÉCOLE",
                                          "Caldaia in blocco", "Boiler F28", "Холодильник течёт", "café froid",
                                          "Scan to email"};
const std::vector<std::string> kCustomers = {"Иванова Анна", "Boulangerie Lefèvre", "ÉCOLE Les Tilleuls",
                                             "Harbour Freight", "Trattoria Da Giulia", "ООО «Север»", ""};
const std::vector<std::string> kEngineers = {"", "Marie Dupont", "Иван Петров", "Zoë Brown"};

void fill_random(TestDesk& t, std::uint64_t seed, int count) {
    hotline::testing::Rng rng(seed);
    using hotline::testing::pick;
    using hotline::testing::uniform;
    for (int i = 0; i < count; ++i) {
        std::vector<std::pair<FieldId, std::string>> fields = {
            {IncidentField::title, pick(rng, kTitles) + " " + std::to_string(uniform(rng, 1, 99))},
            {IncidentField::priority, std::to_string(uniform(rng, 1, 4))},
        };
        if (auto c = pick(rng, kCustomers); !c.empty()) fields.push_back({IncidentField::customer_name, c});
        if (auto e = pick(rng, kEngineers); !e.empty()) fields.push_back({IncidentField::engineer, e});
        fields.push_back({IncidentField::customer_phone, "+7 815 245-" + std::to_string(uniform(rng, 10, 99))});
        fields.push_back({IncidentField::unit_serial, "SN-" + std::to_string(uniform(rng, 1000, 9999))});
        std::uint32_t row = t.create(std::move(fields), uniform(rng, 0, 9) > 0);
        switch (uniform(rng, 0, 3)) {
            case 1: t.transition(row, IncidentStatus::in_progress); break;
            case 2: t.transition(row, IncidentStatus::closed); break;
            default: break;
        }
    }
}

// The reference: every row, filtered and sorted the slow and obvious way.
std::vector<std::uint32_t> reference(const Desk& desk, const std::string& query, SortSpec sort, std::uint8_t statuses,
                                     std::uint8_t priorities) {
    const std::string digits = phone_digits_query(query);
    const std::string q = digits.empty() ? lookup_key(query) : digits;
    auto text_of = [&](const Incident& inc) {
        std::vector<std::string> parts = {inc.number.display()};
        for (IncidentField f : {IncidentField::title, IncidentField::customer_name, IncidentField::engineer,
                                IncidentField::customer_contact, IncidentField::customer_phone,
                                IncidentField::customer_email, IncidentField::unit_serial})
            parts.emplace_back(inc.value(f));
        parts.insert(parts.end(), inc.number_aliases.begin(), inc.number_aliases.end());
        parts.push_back(digits_of(inc.value(IncidentField::customer_phone)));
        return parts;
    };
    std::vector<std::uint32_t> rows;
    for (std::uint32_t r = 0; r < desk.incidents().size(); ++r) {
        const Incident& inc = desk.incidents()[r];
        if (!(priorities & (1u << (inc.priority() - 1)))) continue;
        bool hit = q.empty();
        for (const auto& part : text_of(inc)) hit = hit || lookup_key(part).find(q) != std::string::npos;
        const bool status_chosen = statuses & (1u << static_cast<int>(inc.status));
        if (hit && (status_chosen || (inc.status == IncidentStatus::archived && !q.empty()))) rows.push_back(r);
    }
    auto key = [&](std::uint32_t r) {
        const Incident& inc = desk.incidents()[r];
        std::int64_t number = inc.number.is_final() ? inc.number.value : INT64_MAX;
        switch (sort.column) {
            case Column::number: return std::make_tuple(number, std::string());
            case Column::title: return std::make_tuple(std::int64_t{0}, collation_key(inc.value(IncidentField::title)));
            case Column::customer: return std::make_tuple(std::int64_t{0}, collation_key(inc.value(IncidentField::customer_name)));
            case Column::priority: return std::make_tuple(std::int64_t{inc.priority()}, std::string());
            case Column::status: return std::make_tuple(std::int64_t{static_cast<int>(inc.status)}, std::string());
            // These desks have no SLA policy: every row ties (the SLA's order has its own test).
            case Column::due: return std::make_tuple(std::int64_t{0}, std::string());
            case Column::assignee: return std::make_tuple(std::int64_t{0}, collation_key(inc.value(IncidentField::engineer)));
            case Column::updated: return std::make_tuple(inc.updated_ms, std::string());
        }
        return std::make_tuple(std::int64_t{0}, std::string());
    };
    std::sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (!sort.ascending) std::swap(a, b);
        auto ka = key(a), kb = key(b);
        return ka < kb || (ka == kb && a < b);
    });
    return rows;
}

void check_same(const ListModel& list, const Desk& desk) {
    auto want = reference(desk, list.query(), list.sort(), list.status_filter(), list.priority_filter());
    INFO("query '" << list.query() << "', column " << static_cast<int>(list.sort().column) << ", "
                    << std::string(list.sort().ascending ? "ascending" : "descending"));
    CAPTURE(list.rows().size());
    CAPTURE(want.size());
    REQUIRE(list.rows() == want);
}

std::vector<std::string> values(const ListModel& list, FieldId field) {
    std::vector<std::string> out;
    for (auto r : list.rows()) out.emplace_back(list.incident(r).value(field));
    return out;
}

std::vector<std::string> titles(const ListModel& list) { return values(list, IncidentField::title); }

SortSpec random_sort(hotline::testing::Rng& rng) {
    return {static_cast<Column>(uniform(rng, 0, kColumnCount - 1)), uniform(rng, 0, 1) == 1};
}

// A piece of `text` of 1..max_chars whole characters, at a random character.
std::string random_piece(hotline::testing::Rng& rng, const std::string& text, int max_chars) {
    auto char_start = [&](std::size_t i) { return i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xc0) != 0x80; };
    std::size_t begin = static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(text.size()) - 1));
    while (!char_start(begin)) --begin;
    std::size_t end = begin;
    for (auto n = uniform(rng, 1, max_chars); n > 0 && end < text.size(); --n)
        do ++end; while (!char_start(end));
    return text.substr(begin, end - begin);
}

}  // namespace

TEST_CASE("list: search is case-insensitive for Latin, accented and Cyrillic text, in every searched field") {
    TestDesk t;
    t.create({{IncidentField::title, "Принтер не печатает"}, {IncidentField::customer_name, "Иванова Анна"}});
    t.create({{IncidentField::title, "Fuite d'eau"}, {IncidentField::customer_name, "École Les Tilleuls"},
              {IncidentField::customer_email, "ce.tilleuls@ac-nantes.fr"}});
    t.create({{IncidentField::title, "Boiler F28"}, {IncidentField::customer_contact, "Sarah Collins"},
              {IncidentField::customer_phone, "+44 117 496 0312"}, {IncidentField::unit_serial, "WB30I-558821"}});
    ListModel list(t.desk);
    auto found = [&](std::string_view q) {
        list.set_query(q);
        return titles(list);
    };
    CHECK(found("ИВАНОВА") == std::vector<std::string>{"Принтер не печатает"});
    CHECK(found("принтер") == std::vector<std::string>{"Принтер не печатает"});
    CHECK(found("ÉCOLE") == std::vector<std::string>{"Fuite d'eau"});
    CHECK(found("AC-NANTES") == std::vector<std::string>{"Fuite d'eau"});
    CHECK(found("sarah") == std::vector<std::string>{"Boiler F28"});
    CHECK(found("496 0312") == std::vector<std::string>{"Boiler F28"});
    CHECK(found("wb30i") == std::vector<std::string>{"Boiler F28"});
    CHECK(found("1001") == std::vector<std::string>{"Fuite d'eau"});  // the number
    CHECK(found("  f28  ") == std::vector<std::string>{"Boiler F28"});  // surrounding spaces do not count
    CHECK(found("eauécole").empty());  // never across two fields
    CHECK(found("").size() == 3);
}

TEST_CASE("list: search ignores accents (French, Italian) and ё, and finds phones as callers say them") {
    TestDesk t;
    t.create({{IncidentField::title, "Fuite d'eau"}, {IncidentField::customer_name, "École Les Tilleuls"},
              {IncidentField::customer_phone, "+33 4 78 12 34 56"}});
    t.create({{IncidentField::title, "Caldaia in avaria, perché?"}, {IncidentField::customer_name, "Città di Torino"}});
    t.create({{IncidentField::title, "Холодильник течёт"}, {IncidentField::customer_name, "Фёдоров"}});
    ListModel list(t.desk);
    auto found = [&](std::string_view q) {
        list.set_query(q);
        return titles(list);
    };
    CHECK(found("ecole") == std::vector<std::string>{"Fuite d'eau"});
    CHECK(found("ÉCOLE") == std::vector<std::string>{"Fuite d'eau"});
    CHECK(found("citta di") == std::vector<std::string>{"Caldaia in avaria, perché?"});
    CHECK(found("perche") == std::vector<std::string>{"Caldaia in avaria, perché?"});
    CHECK(found("течет") == std::vector<std::string>{"Холодильник течёт"});
    CHECK(found("федоров") == std::vector<std::string>{"Холодильник течёт"});
    CHECK(found("0478") == std::vector<std::string>{"Fuite d'eau"});  // the national form of +33 4 78
    CHECK(found("04 78 12") == std::vector<std::string>{"Fuite d'eau"});
    CHECK(found("+33 478").size() == 1);
}

TEST_CASE("list: a provisional number and its alias after renumbering are searchable") {
    TestDesk t;
    std::uint32_t row = t.create({{IncidentField::title, "Offline registration"}}, false);
    ListModel list(t.desk);
    list.set_query("p-t2-1");
    CHECK(list.rows() == std::vector<std::uint32_t>{row});
    Operation renumber = t.numbered.renumber("s:server", ++t.now, t.desk.incidents()[row].id, 5000);
    REQUIRE(t.desk.apply(renumber).kind == ApplyKind::applied);
    list.row_changed(row);
    CHECK(list.rows() == std::vector<std::uint32_t>{row});  // found by its alias
    list.set_query("5000");
    CHECK(list.rows() == std::vector<std::uint32_t>{row});
}

TEST_CASE("list: search, sort and filters agree with a brute-force reference") {
    TestDesk t;
    fill_random(t, 7, 400);
    for (std::uint32_t row = 0; row < t.desk.incidents().size(); row += 3)  // W10: some are history
        if (t.desk.incidents()[row].status == IncidentStatus::closed) t.transition(row, IncidentStatus::archived);
    ListModel list(t.desk);
    hotline::testing::Rng rng(11);
    using hotline::testing::uniform;
    const std::vector<std::string> queries = {"принтер", "ÉCOLE", "café", "245-3", "sn-1", "1", "иванова анна",
                                              "printer jammed 4", "zzz", "p-t2", "ООО", "d'eau à"};
    for (int round = 0; round < 60; ++round) {
        // Type a query one character at a time (each step extends the previous one), then erase it.
        const std::string& q = queries[static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(queries.size()) - 1))];
        list.set_sort(random_sort(rng));
        const int filter = uniform(rng, 0, 3);
        list.set_status_filter(filter == 0   ? static_cast<std::uint8_t>(uniform(rng, 1, 255))
                               : filter == 1 ? kActiveStatuses
                                             : kAllStatuses);
        list.set_priority_filter(uniform(rng, 0, 3) == 0 ? static_cast<std::uint8_t>(uniform(rng, 1, 15)) : kAllPriorities);
        for (std::size_t n = 1; n <= q.size(); ++n) {
            if (n < q.size() && (static_cast<unsigned char>(q[n]) & 0xc0) == 0x80) continue;  // whole characters only
            list.set_query(q.substr(0, n));
            check_same(list, t.desk);
        }
        list.set_query(q.substr(0, q.size() / 2));
        check_same(list, t.desk);
        list.set_query("");
        check_same(list, t.desk);
    }
}

TEST_CASE("list: any query, typed from scratch or narrowing, finds what a scan of every text finds") {
    TestDesk t;
    fill_random(t, 21, 300);
    ListModel list(t.desk);
    hotline::testing::Rng rng(23);
    // Pieces of the searched texts (most queries find something), single characters of
    // every kind (a letter or digit is answered by the rows' signatures alone, the others
    // only narrowed by them), and then one character more or less.
    const std::vector<FieldId> fields = {IncidentField::title, IncidentField::customer_name, IncidentField::engineer,
                                         IncidentField::customer_phone, IncidentField::unit_serial};
    const std::vector<std::string> singles = {"a", "z", "0", "7", "-", " ", "'", "é", "ё", "Ж", "«", "+"};
    for (int round = 0; round < 400; ++round) {
        const Incident& inc = t.desk.incidents()[static_cast<std::size_t>(uniform(rng, 0, 299))];
        const std::string source = round % 5 == 0 ? inc.number.display() : std::string(inc.value(pick(rng, fields)));
        std::string q = round % 3 == 0 || source.empty() ? pick(rng, singles) : random_piece(rng, source, 4);
        list.set_sort(random_sort(rng));
        list.set_query(q);
        check_same(list, t.desk);
        list.set_query(q + pick(rng, singles));
        check_same(list, t.desk);
    }
}

TEST_CASE("list: names sort as French, Russian and Italian readers expect; a renamed customer moves to its place") {
    TestDesk t;
    std::vector<std::uint32_t> rows;
    for (std::string name : {"Zanetti", "Émile Roux", "Ёлкин", "Dell'Acqua", "Елисеев", "D'Angelo", "eve", "Ève", "Иосиф", "Йемен"})
        rows.push_back(t.create({{IncidentField::title, "Printer"}, {IncidentField::customer_name, name}}));
    ListModel list(t.desk);
    list.set_sort({Column::customer, true});
    CHECK(values(list, IncidentField::customer_name) ==
          std::vector<std::string>{"D'Angelo", "Dell'Acqua", "Émile Roux", "eve", "Ève", "Zanetti", "Елисеев", "Ёлкин",
                                   "Иосиф", "Йемен"});
    t.set(rows[0], IncidentField::customer_name, "Ébéniste Martin");  // a name the desk did not have
    list.row_changed(rows[0]);
    CHECK(values(list, IncidentField::customer_name) ==
          std::vector<std::string>{"D'Angelo", "Dell'Acqua", "Ébéniste Martin", "Émile Roux", "eve", "Ève", "Елисеев",
                                   "Ёлкин", "Иосиф", "Йемен"});
    list.set_sort({Column::customer, false});
    CHECK(values(list, IncidentField::customer_name).front() == "Йемен");
}

TEST_CASE("list: renamed titles, customers and assignees keep every column's order, new names included") {
    TestDesk t;
    fill_random(t, 13, 150);
    ListModel list(t.desk);
    hotline::testing::Rng rng(17);
    const std::vector<FieldId> fields = {IncidentField::title, IncidentField::customer_name, IncidentField::engineer};
    for (int i = 0; i < 120; ++i) {
        const auto row = static_cast<std::uint32_t>(uniform(rng, 0, 149));
        const FieldId field = pick(rng, fields);
        // A name already on the desk (same rank), or a new one (the ranks above it move).
        std::string value = i % 2 ? pick(rng, kCustomers) : "Nouveau n°" + std::to_string(i) + " Ёж";
        if (value.empty() && field == IncidentField::title) value = "Sans titre";
        t.set(row, field, value);
        list.row_changed(row);
        list.set_sort(random_sort(rng));
        check_same(list, t.desk);
    }
}

TEST_CASE("list: changed and new incidents move to their place and are found by their new text") {
    TestDesk t;
    fill_random(t, 3, 200);
    ListModel list(t.desk);
    list.set_sort({Column::title, true});
    list.set_query("a");
    hotline::testing::Rng rng(5);
    for (int i = 0; i < 100; ++i) {
        auto row = static_cast<std::uint32_t>(hotline::testing::uniform(rng, 0, 199));
        // Longer and shorter texts: rewritten in place, or moved to the end of the buffer.
        std::string title = i % 2 ? "A much longer title that no longer fits where the old one was " + std::to_string(i)
                                  : "Z" + std::to_string(i);
        t.set(row, IncidentField::title, title);
        list.row_changed(row);
        check_same(list, t.desk);
    }
    t.create({{IncidentField::title, "Brand new"}, {IncidentField::customer_name, "Zebra Ltd"}});
    list.sync_new_rows();
    check_same(list, t.desk);
    list.set_query("zebra");
    CHECK(titles(list) == std::vector<std::string>{"Brand new"});
}

TEST_CASE("list: the selection stays on its incident while rows change") {
    TestDesk t;
    fill_random(t, 9, 50);
    ListModel list(t.desk);
    const std::uint32_t chosen = list.rows()[10];
    list.select(chosen);
    CHECK(list.selected_position() == 10);

    list.set_sort({Column::customer, true});
    REQUIRE(list.selected() == chosen);
    CHECK(list.rows()[static_cast<std::size_t>(list.selected_position())] == chosen);

    // Filtered out: still selected, not visible; moving starts from the first or last row.
    const Incident& inc = list.incident(chosen);
    list.set_status_filter(static_cast<std::uint8_t>(kAllStatuses & ~(1u << static_cast<int>(inc.status))));
    CHECK(list.selected() == chosen);
    CHECK(list.selected_position() == -1);
    CHECK(list.row_after_move(1) == list.rows().front());
    CHECK(list.row_after_move(-1) == list.rows().back());
    list.set_status_filter(kAllStatuses);
    CHECK(list.rows()[static_cast<std::size_t>(list.selected_position())] == chosen);

    // Moving is clamped to the visible rows.
    CHECK(list.row_after_move(-1000) == list.rows().front());
    CHECK(list.row_after_move(1 << 30) == list.rows().back());
    CHECK(list.row_after_move(1) == list.rows()[static_cast<std::size_t>(list.selected_position()) + 1]);
}

TEST_CASE("list: archived incidents are out of the default list, found by number and search, shown by status") {
    TestDesk t;
    const std::uint32_t open = t.create({{IncidentField::title, "Boiler leaks"}});
    const std::uint32_t old = t.create({{IncidentField::title, "Boiler F28"}});
    t.transition(old, IncidentStatus::closed);
    t.transition(old, IncidentStatus::archived);
    ListModel list(t.desk);
    CHECK(list.status_filter() == kActiveStatuses);
    CHECK(list.rows() == std::vector<std::uint32_t>{open});
    CHECK(list.total() == 2);
    list.set_query(t.desk.incidents()[old].number.display());  // by number
    CHECK(list.rows() == std::vector<std::uint32_t>{old});
    list.set_query("boiler");  // by search: both
    CHECK(list.rows().size() == 2);
    list.set_query("");
    list.set_status_filter(1u << static_cast<int>(IncidentStatus::archived));  // the archive, asked for
    CHECK(list.rows() == std::vector<std::uint32_t>{old});
    list.set_status_filter(kAllStatuses);
    CHECK(list.rows().size() == 2);

    // Archiving a listed incident takes it out of the default list.
    list.set_status_filter(kActiveStatuses);
    t.transition(open, IncidentStatus::closed);
    t.transition(open, IncidentStatus::archived);
    list.row_changed(open);
    CHECK(list.rows().empty());

    // A technician's device shows no archived incident, even when searched or asked for.
    list.set_viewer(Principal{"tom", "Tom", Role::technician});
    list.set_status_filter(kAllStatuses);
    list.set_query("boiler");
    CHECK(list.rows().empty());
}
