// The list's SLA column (app/sla_rows.hpp, sla_display.hpp): rows ordered by the running
// metric's deadline, each row's state and countdown at the clock's time, and every row
// recomputed when a policy changes. 24/7 policies (no calendar) on Monday 2027-01-18 (UTC),
// so each expected instant is simple arithmetic, worked out in the comments.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/list_model.hpp"
#include "app/sla_display.hpp"
#include "core/op_factory.hpp"

using namespace hotline;
using namespace hotline::app;

namespace {

std::int64_t at(int h, int mi = 0) { return std::int64_t{days_from_civil(2027, 1, 18)} * 86400 + h * 3600 + mi * 60; }

struct SlaDesk {
    Desk desk;
    OpFactory f{"r1"};

    void apply(const Operation& op) {
        const ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
    }
    std::string incident(std::int64_t s, std::string title, std::string priority) {
        Operation op = f.create_incident("u:ann", s * 1000,
                                         {{IncidentField::title, std::move(title)}, {IncidentField::priority, priority}});
        apply(op);
        return op.entity_id;
    }
};

std::vector<std::string> titles(const ListModel& list) {
    std::vector<std::string> out;
    for (auto row : list.rows()) out.emplace_back(list.incident(row).value(IncidentField::title));
    return out;
}

}  // namespace

TEST_CASE("list: the Due column orders by the running SLA's deadline and counts down in working time") {
    SlaDesk d;
    const auto policy = [&](std::string key, std::string priority, std::string response, std::string resolution) {
        d.apply(d.f.create("u:boss", at(0) * 1000, EntityKind::sla_policy,
                           {{SlaPolicyField::name, key},
                            {SlaPolicyField::priority, priority},
                            {SlaPolicyField::response_minutes, response},
                            {SlaPolicyField::resolution_minutes, resolution}},
                           key));
    };
    policy("high", "2", "60", "240");
    policy("normal", "3", "", "480");
    // A: normal at 08:00, resolution due 16:00. B: high at 08:10, response due 09:10.
    // C: low, no policy. D: high at 08:05, work began 08:30 (response met), resolution due 12:05.
    // (Created in time order: the replica's clock never goes back.)
    d.incident(at(8), "A", "3");
    const std::string dd = d.incident(at(8, 5), "D", "2");
    const std::string b = d.incident(at(8, 10), "B", "2");
    d.incident(at(8, 12), "C", "4");
    d.apply(d.f.transition("u:ann", at(8, 30) * 1000, dd, IncidentStatus::in_progress));

    ListModel list(d.desk);
    list.refresh_sla(at(8, 40));
    list.set_sort({Column::due, true});
    CHECK(titles(list) == std::vector<std::string>{"B", "D", "A", "C"});

    // 08:40: B has used 30 of its 60 minutes (Follow-up at half); A 40 min of 8 h.
    const auto status_of = [&](const char* title, std::int64_t now) {
        for (auto row : list.rows())
            if (list.incident(row).value(IncidentField::title) == title) return list.sla_status(row, now);
        FAIL("no row " << title);
        return SlaStatus{};
    };
    CHECK(status_of("B", at(8, 40)).state == SlaStatus::State::follow_up);
    CHECK(sla_countdown(status_of("B", at(8, 40))) == "30m");
    CHECK(sla_countdown(status_of("A", at(8, 40))) == "7h 20m");
    CHECK(sla_countdown(status_of("C", at(8, 40))).empty());
    CHECK(status_of("D", at(8, 40)).metric == SlaMetric::resolution);
    // 09:20: B is 10 minutes late.
    CHECK(status_of("B", at(9, 20)).state == SlaStatus::State::late);
    CHECK(sla_countdown(status_of("B", at(9, 20))) == "-10m");

    // The manager shortens Normal's resolution to 2 h: A is due at 10:00, before D.
    d.apply(d.f.set_field("u:boss", at(8, 45) * 1000, EntityKind::sla_policy, "normal",
                          SlaPolicyField::resolution_minutes, "120"));
    list.refresh_sla(at(8, 45));
    CHECK(titles(list) == std::vector<std::string>{"B", "A", "D", "C"});
    // B's first response: it moves to its resolution deadline, 12:10, after A and D.
    d.apply(d.f.transition("u:ann", at(8, 50) * 1000, b, IncidentStatus::in_progress));
    list.row_changed(*d.desk.row_of(b));
    CHECK(titles(list) == std::vector<std::string>{"A", "D", "B", "C"});
}

TEST_CASE("list: a desk's SLA is computed a slice of rows per frame; sorted by Due, the list sorts once all are done") {
    SlaDesk d;
    d.apply(d.f.create("u:boss", at(0) * 1000, EntityKind::sla_policy,
                       {{SlaPolicyField::name, "Normal"}, {SlaPolicyField::priority, "3"},
                        {SlaPolicyField::resolution_minutes, "600"}},
                       "normal"));
    // 25,000 rows a slice: the 25,001st is the latest created, the first one due.
    constexpr int kRows = 25'001;
    for (int i = 0; i < kRows; ++i) d.incident(at(8) - kRows + i, "I" + std::to_string(i), i + 1 == kRows ? "3" : "4");
    d.apply(d.f.set_field("u:ann", at(8) * 1000, d.desk.incidents().front().id, IncidentField::priority, "3"));
    ListModel list(d.desk);
    list.set_sort({Column::due, true});
    CHECK(list.refresh_sla(at(9)));  // a slice done, rows left
    const std::uint32_t last = kRows - 1;
    CHECK(list.sla_status(last, at(9)).state == SlaStatus::State::none);  // not computed yet
    CHECK_FALSE(list.refresh_sla(at(9)));
    CHECK(list.sla_status(last, at(9)).state == SlaStatus::State::on_track);
    // The two Normal incidents first, the oldest (row 0, due first) at the top.
    REQUIRE(list.rows().size() >= 2);
    CHECK(list.rows()[0] == 0);
    CHECK(list.rows()[1] == last);
}
