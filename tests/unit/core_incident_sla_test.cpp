// An incident's SLA from its records (core/incident_sla.hpp, calendar_record.hpp,
// sla_rules.hpp): calendars and policies as reference records, the metrics read from the
// incident's status and priority history. Paris is CET (UTC+1) in January 2027;
// 2027-01-15 and 2027-01-22 are Fridays. Each expected instant is worked out in its comment.
#include <doctest/doctest.h>

#include <string>
#include <tuple>

#include "core/calendar_record.hpp"
#include "core/desk.hpp"
#include "core/incident_sla.hpp"
#include "core/op_factory.hpp"

using namespace hotline;

namespace {

constexpr std::string_view kParisRule = "CET-1CEST,M3.5.0,M10.5.0/3";

std::int64_t at(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
    return std::int64_t{days_from_civil(y, m, d)} * 86400 + h * 3600 + mi * 60 + s;
}

struct SlaDesk {
    Desk desk;
    OpFactory f{"r1"};

    Operation applied(Operation op) {
        const ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
        return op;
    }
    Error refusal(Operation op) {
        const ApplyResult r = desk.apply(op);
        REQUIRE(r.kind == ApplyKind::rejected);
        return r.error;
    }
    void office_calendar() {
        applied(f.create("u:boss", at(2027, 1, 1) * 1000, EntityKind::calendar,
                         {{CalendarField::name, "Paris office"},
                          {CalendarField::time_zone, "Europe/Paris"},
                          {CalendarField::zone_rule, std::string(kParisRule)},
                          {CalendarField::hours, "mon-fri 09:00-17:00"}},
                         "paris"));
    }
    void policy(std::string key, std::string priority, std::string calendar, std::string response,
                std::string resolution, std::string resolution_pauses = {}) {
        applied(f.create("u:boss", at(2027, 1, 1, 1) * 1000, EntityKind::sla_policy,
                         {{SlaPolicyField::name, "P" + priority},
                          {SlaPolicyField::priority, priority},
                          {SlaPolicyField::calendar, calendar},
                          {SlaPolicyField::response_minutes, response},
                          {SlaPolicyField::resolution_minutes, resolution},
                          {SlaPolicyField::resolution_pauses, resolution_pauses}},
                         std::move(key)));
    }
    std::string incident(std::int64_t created_s, std::string priority) {
        return applied(f.create_incident("u:ann", created_s * 1000,
                                         {{IncidentField::title, "Printer jams"}, {IncidentField::priority, priority}}))
            .entity_id;
    }
    void move(const std::string& id, std::int64_t at_s, IncidentStatus to) {
        applied(f.transition("u:ann", at_s * 1000, id, to));
    }
    void set(const std::string& id, std::int64_t at_s, IncidentField field, std::string value) {
        applied(f.set_field("u:ann", at_s * 1000, id, field, std::move(value)));
    }
    IncidentSla sla(const std::string& id, const SlaPolicies& p) const { return incident_sla(p, *desk.find(EntityKind::incident, id)); }
};

}  // namespace

TEST_CASE("calendar record: hours, holidays and special days as people type them") {
    SlaDesk d;
    d.applied(d.f.create("u:boss", at(2027, 1, 1) * 1000, EntityKind::calendar,
                         {{CalendarField::name, "Milan"},
                          {CalendarField::time_zone, "Europe/Rome"},
                          {CalendarField::zone_rule, std::string(kParisRule)},
                          {CalendarField::hours, "mon-fri 13:00-17:00 09:00-12:00\nsat 09:00-12:00"},
                          {CalendarField::holidays, "2027-01-06 Epiphany; 2027-04-25"},
                          {CalendarField::special_days, "2027-01-05 09:00-11:00"}},
                         "milan"));
    const Entity& record = *d.desk.find(EntityKind::calendar, "milan");
    const BusinessCalendar c = calendar_of(record).value();
    const auto day = [](int y, unsigned m, unsigned dd) { return days_from_civil(y, m, dd); };
    // Monday 2027-01-04: 09-12 and 13-17 CET, 08-11Z and 12-16Z (intervals typed out of order).
    CHECK(c.open_on(day(2027, 1, 4)) == std::vector<UtcSpan>{{at(2027, 1, 4, 8), at(2027, 1, 4, 11)},
                                                              {at(2027, 1, 4, 12), at(2027, 1, 4, 16)}});
    CHECK(c.open_on(day(2027, 1, 5)) == std::vector<UtcSpan>{{at(2027, 1, 5, 8), at(2027, 1, 5, 10)}});  // special
    CHECK(c.open_on(day(2027, 1, 6)).empty());                                                            // holiday
    CHECK(c.open_on(day(2027, 1, 9)) == std::vector<UtcSpan>{{at(2027, 1, 9, 8), at(2027, 1, 9, 11)}});  // Saturday
    CHECK(c.open_on(day(2027, 1, 10)).empty());                                                           // Sunday
    CHECK_FALSE(zone_pending(record));

    // Empty hours are 24/7; a zone without its rule yet counts in UTC and says so.
    d.applied(d.f.create("u:boss", at(2027, 1, 2) * 1000, EntityKind::calendar,
                         {{CalendarField::name, "Moscow"}, {CalendarField::time_zone, "Europe/Moscow"}}, "moscow"));
    const Entity& moscow = *d.desk.find(EntityKind::calendar, "moscow");
    CHECK(zone_pending(moscow));
    CHECK(calendar_of(moscow)->open_on(day(2027, 1, 10)) ==
          std::vector<UtcSpan>{{at(2027, 1, 10), at(2027, 1, 11)}});
}

TEST_CASE("calendar and policy records that would give wrong clocks are refused, saying what is wrong") {
    SlaDesk d;
    const auto calendar = [&](CalendarField field, std::string value) {
        std::vector<std::pair<FieldId, std::string>> fields{{CalendarField::name, "X"}, {field, value}};
        if (field != CalendarField::time_zone) fields.emplace_back(CalendarField::time_zone, "Europe/Paris");
        return d.f.create("u:boss", at(2027, 1, 1) * 1000, EntityKind::calendar, std::move(fields), "x");
    };
    CHECK(d.refusal(calendar(CalendarField::hours, "mon-fri 9-17")).code == "bad_calendar_entry");
    CHECK(d.refusal(calendar(CalendarField::hours, "fri-mon 09:00-17:00")).code == "bad_calendar_entry");
    CHECK(d.refusal(calendar(CalendarField::hours, "mon 09:00-13:00 12:00-17:00")).code == "bad_working_hours");
    CHECK(d.refusal(calendar(CalendarField::hours, "mon 17:00-09:00")).code == "bad_calendar_entry");  // overnight: two entries
    CHECK(d.refusal(calendar(CalendarField::holidays, "2027-02-30")).code == "bad_calendar_entry");
    CHECK(d.refusal(calendar(CalendarField::special_days, "2027-12-24")).code == "bad_calendar_entry");
    CHECK(d.refusal(calendar(CalendarField::zone_rule, "Paris")).code == "bad_time_zone_rule");
    CHECK(d.refusal(calendar(CalendarField::time_zone, "../etc/passwd")).code == "bad_time_zone");
    d.applied(calendar(CalendarField::hours, "fri 22:00-24:00; sat 00:00-06:00"));  // an overnight shift

    const auto policy = [&](std::vector<std::pair<FieldId, std::string>> fields) {
        fields.emplace_back(SlaPolicyField::name, "P");
        return d.f.create("u:boss", at(2027, 1, 1) * 1000, EntityKind::sla_policy, std::move(fields), "p");
    };
    CHECK(d.refusal(policy({})).code == "missing_sla_target");
    CHECK(d.refusal(policy({{SlaPolicyField::response_minutes, "0"}})).code == "bad_sla_target");
    CHECK(d.refusal(policy({{SlaPolicyField::response_minutes, "60"}, {SlaPolicyField::follow_up_percent, "90"}}))
              .code == "bad_sla_thresholds");  // after Warning at 80 %
    CHECK(d.refusal(policy({{SlaPolicyField::response_minutes, "60"}, {SlaPolicyField::warning_percent, "101"}}))
              .code == "bad_sla_thresholds");
    CHECK(d.refusal(policy({{SlaPolicyField::resolution_minutes, "60"}, {SlaPolicyField::resolution_pauses, "waiting"}}))
              .code == "bad_status_list");
    CHECK(d.refusal(policy({{SlaPolicyField::resolution_minutes, "60"}, {SlaPolicyField::calendar, "nowhere"}})).code ==
          "unknown_ref");
}

TEST_CASE("created on a Friday afternoon: both metrics counted in office hours, response met on Monday") {
    SlaDesk d;
    d.office_calendar();
    d.policy("high", "2", "paris", "240", "960");
    // Friday 15:00 CET (14:00Z). Response, 4 h: Friday 15-17 (2 h), Monday 09-11: late on
    // Monday 11:00 CET (10:00Z); follow-up at half, Friday 17:00 CET (16:00Z, the end of the
    // day's span, not Monday morning); warning at 80 % (3 h 12 min) Monday 10:12 CET.
    // Resolution, 16 h: Friday 2 h, Monday 8 h, Tuesday 09-15: Tuesday 15:00 CET (14:00Z).
    const std::string id = d.incident(at(2027, 1, 15, 14), "2");
    SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 15));
    IncidentSla sla = d.sla(id, policies);
    REQUIRE(sla.policy);
    CHECK(sla.running() == SlaMetric::response);
    CHECK(sla.response.moments.follow_up == at(2027, 1, 15, 16));
    CHECK(sla.response.moments.warning == at(2027, 1, 18, 9, 12));
    CHECK(sla.response.moments.late == at(2027, 1, 18, 10));
    CHECK(sla.resolution.moments.late == at(2027, 1, 19, 14));
    // Monday 10:30 CET: 3 h 30 used, Warning, 30 min left.
    SlaStatus s = sla_status(policies, sla, at(2027, 1, 18, 9, 30));
    CHECK(s.state == SlaStatus::State::warning);
    CHECK(s.metric == SlaMetric::response);
    CHECK(s.remaining == 30 * 60);
    CHECK(s.due == at(2027, 1, 18, 10));
    // Work begins at 10:00 CET (3 h used of 4): response met in time; resolution runs on.
    d.move(id, at(2027, 1, 18, 9), IncidentStatus::in_progress);
    sla = d.sla(id, policies);
    CHECK(sla.response.met == at(2027, 1, 18, 9));
    CHECK_FALSE(sla.response.breached);
    s = sla_status(policies, sla, at(2027, 1, 18, 9, 30));
    CHECK(s.metric == SlaMetric::resolution);
    CHECK(s.state == SlaStatus::State::on_track);  // 3 h 30 of 16 h
    CHECK(s.due == at(2027, 1, 19, 14));
}

TEST_CASE("a pause across a weekend on a 24/7 clock, and the priority changed during it keeps the pause") {
    SlaDesk d;
    d.policy("normal", "3", "", "", "2880", "transferred");  // 48 h, 24/7 (no calendar)
    // Friday 12:00Z; transferred 18:00Z (6 h used) until Monday 08:00Z: 62 h paused. 42 h
    // remain from Monday 08:00Z: late Wednesday 2027-01-27 02:00Z.
    const std::string id = d.incident(at(2027, 1, 22, 12), "3");
    d.move(id, at(2027, 1, 22, 18), IncidentStatus::transferred);
    SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 22));
    CHECK(sla_status(policies, d.sla(id, policies), at(2027, 1, 23, 12)).state == SlaStatus::State::paused);
    CHECK_FALSE(d.sla(id, policies).resolution.moments.late);  // stopped: no deadline while paused
    d.move(id, at(2027, 1, 25, 8), IncidentStatus::in_progress);
    CHECK(d.sla(id, policies).resolution.moments.late == at(2027, 1, 27, 2));
}

TEST_CASE("a priority change during a pause: the pause made under the former policy is kept (glpi#6902)") {
    SlaDesk d;
    d.office_calendar();
    d.policy("normal", "3", "paris", "", "960", "transferred");  // 16 h, transferred pauses
    d.policy("high", "2", "paris", "", "1440");                  // 24 h, nothing pauses
    // Thursday 2027-01-21 09:00 CET (08:00Z), transferred Friday 13:00 CET: 8 + 4 = 12 h used.
    // Paused under "normal" until the priority becomes 2 on Monday 10:00 CET; from then on
    // "high" counts even while transferred: 12 h remain of 24, Monday 10-17 (7 h) and
    // Tuesday 09-14: late Tuesday 2027-01-26 14:00 CET (13:00Z). Had the pause been judged by
    // the new policy alone it would be Monday 17:00 CET.
    const std::string id = d.incident(at(2027, 1, 21, 8), "3");
    d.move(id, at(2027, 1, 22, 12), IncidentStatus::transferred);
    d.set(id, at(2027, 1, 25, 9), IncidentField::priority, "2");
    SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 22));
    const IncidentSla sla = d.sla(id, policies);
    CHECK(sla.policy->id == "high");
    CHECK(sla.resolution.moments.late == at(2027, 1, 26, 13));
}

TEST_CASE("a calendar edit while an SLA runs changes what remains, not what was used") {
    SlaDesk d;
    d.office_calendar();  // Monday to Friday 09:00-17:00
    d.policy("normal", "3", "paris", "", "960");  // 16 h
    // Monday 2027-01-18 09:00 CET (08:00Z). At 15:00 CET the office moves to 13:00-21:00:
    // Monday 09-15 was worked under the old hours (6 h), 15-21 under the new (6 h), Tuesday
    // 13-17 (4 h): late on Tuesday 17:00 CET (16:00Z). Counted with the new hours alone,
    // Monday would have been 13-21 (8 h) and the deadline Tuesday 21:00 CET.
    const std::string id = d.incident(at(2027, 1, 18, 8), "3");
    d.applied(d.f.set_field("u:boss", at(2027, 1, 18, 14) * 1000, EntityKind::calendar, "paris", CalendarField::hours,
                            "mon-fri 13:00-21:00"));
    const SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 18));
    const IncidentSla sla = d.sla(id, policies);
    CHECK(sla.resolution.moments.late == at(2027, 1, 19, 16));
    CHECK(sla_status(policies, sla, at(2027, 1, 18, 14)).remaining == 10 * 3600);  // 6 h used at the edit
    // The calendar's days now are the new hours.
    const BusinessCalendar now = calendar_of(*d.desk.find(EntityKind::calendar, "paris")).value();
    CHECK(now.open_on(days_from_civil(2027, 1, 20)) ==
          std::vector<UtcSpan>{{at(2027, 1, 20, 12), at(2027, 1, 20, 20)}});
}

TEST_CASE("solved, then reopened: the time spent solved is not resolution time") {
    SlaDesk d;
    d.policy("normal", "3", "", "60", "600");  // 1 h, 10 h; 24/7
    const std::string id = d.incident(at(2027, 1, 18), "3");
    d.move(id, at(2027, 1, 18, 0, 30), IncidentStatus::in_progress);
    d.set(id, at(2027, 1, 18, 3), IncidentField::actual_problem, "Worn roller");
    d.set(id, at(2027, 1, 18, 3), IncidentField::actual_solution, "Roller replaced");
    d.move(id, at(2027, 1, 18, 4), IncidentStatus::solved);
    SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 18));
    IncidentSla sla = d.sla(id, policies);
    CHECK(sla.resolution.met == at(2027, 1, 18, 4));  // 4 h of 10: in time
    CHECK(sla_status(policies, sla, at(2027, 1, 19)).state == SlaStatus::State::met);
    // Reopened at 10:00Z: 4 h used, 6 h remain: late at 16:00Z.
    d.move(id, at(2027, 1, 18, 10), IncidentStatus::in_progress);
    sla = d.sla(id, policies);
    CHECK_FALSE(sla.resolution.met);
    CHECK(sla.resolution.moments.late == at(2027, 1, 18, 16));
}

TEST_CASE("the target used to the last second is a breach; one second short is not") {
    SlaDesk d;
    d.policy("normal", "3", "", "60", "");
    const std::string in_time = d.incident(at(2027, 1, 18), "3");
    const std::string late = d.incident(at(2027, 1, 18), "3");
    d.move(in_time, at(2027, 1, 18, 0, 59, 59), IncidentStatus::in_progress);
    d.move(late, at(2027, 1, 18, 1), IncidentStatus::in_progress);
    const SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 18));
    CHECK(sla_status(policies, d.sla(in_time, policies), at(2027, 1, 19)).state == SlaStatus::State::met);
    CHECK(sla_status(policies, d.sla(late, policies), at(2027, 1, 19)).state == SlaStatus::State::breached);
}

TEST_CASE("a resolution deadline set by hand is not moved by pauses (glpi#17186) and may fall outside hours") {
    SlaDesk d;
    d.office_calendar();  // Monday to Friday 09:00-17:00 CET
    d.policy("normal", "3", "paris", "", "960", "transferred");  // 16 h, transferred pauses
    // Monday 2027-01-18 09:00 CET (08:00Z); the agent sets "resolve by Wednesday 12:00 CET"
    // (11:00Z): Monday 8 h, Tuesday 8 h, Wednesday 09-12 3 h: a target of 19 h. Transferred
    // Monday 13:00 CET to Tuesday 13:00 CET: by the policy alone that is 8 working hours
    // paused; the deadline stays Wednesday 11:00Z, and the time counts while transferred.
    const std::string id = d.incident(at(2027, 1, 18, 8), "3");
    d.set(id, at(2027, 1, 18, 9), IncidentField::resolution_deadline, std::to_string(at(2027, 1, 20, 11) * 1000));
    d.move(id, at(2027, 1, 18, 12), IncidentStatus::transferred);
    const SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 18));
    IncidentSla sla = d.sla(id, policies);
    CHECK(sla.resolution.clock.target == 19 * 3600);
    CHECK(sla.resolution.moments.late == at(2027, 1, 20, 11));
    // Tuesday 11:00 CET (10:00Z), transferred: Monday 8 h and Tuesday 2 h used (10 of 19 h,
    // past the policy's Follow-up at 50 %), 9 h left; not paused: the deadline runs.
    SlaStatus s = sla_status(policies, sla, at(2027, 1, 19, 10));
    CHECK(s.state == SlaStatus::State::follow_up);
    CHECK(s.remaining == 9 * 3600);
    d.move(id, at(2027, 1, 19, 12), IncidentStatus::in_progress);
    sla = d.sla(id, policies);
    CHECK(sla.resolution.moments.late == at(2027, 1, 20, 11));
    CHECK(sla_status(policies, sla, at(2027, 1, 20, 10, 59, 59)).state == SlaStatus::State::warning);
    CHECK(sla_status(policies, sla, at(2027, 1, 20, 11)).state == SlaStatus::State::late);
    // Solved Wednesday 13:00 CET: one hour after the deadline, a breach (by the policy alone,
    // 11 h used of 16 and in time).
    d.set(id, at(2027, 1, 20, 11), IncidentField::actual_problem, "Worn roller");
    d.set(id, at(2027, 1, 20, 11), IncidentField::actual_solution, "Roller replaced");
    d.move(id, at(2027, 1, 20, 12), IncidentStatus::solved);
    CHECK(sla_status(policies, d.sla(id, policies), at(2027, 1, 21)).state == SlaStatus::State::breached);

    // "Resolve by Saturday 11:00 CET" (10:00Z): the office closes Friday 17:00 CET (16:00Z),
    // yet it is Late only from Saturday 10:00Z; Friday 21:00Z has nothing left, and is on time.
    const std::string weekend = d.incident(at(2027, 1, 21, 8), "3");
    d.set(weekend, at(2027, 1, 21, 8), IncidentField::resolution_deadline, std::to_string(at(2027, 1, 23, 10) * 1000));
    sla = d.sla(weekend, policies);
    CHECK(sla.resolution.moments.late == at(2027, 1, 23, 10));
    s = sla_status(policies, sla, at(2027, 1, 22, 21));
    CHECK(s.state != SlaStatus::State::late);
    CHECK(s.remaining == 0);
    CHECK(sla_status(policies, sla, at(2027, 1, 23, 10)).state == SlaStatus::State::late);
    // Cleared: the policy's 16 h from Thursday 09:00 CET, late Friday 17:00 CET (16:00Z).
    d.set(weekend, at(2027, 1, 21, 9), IncidentField::resolution_deadline, "");
    CHECK(d.sla(weekend, policies).resolution.moments.late == at(2027, 1, 22, 16));
}

TEST_CASE("a deadline set by hand gives an SLA to an incident without a policy: 24/7, warned at 80 %") {
    SlaDesk d;
    d.policy("normal", "3", "", "60", "");
    // Priority 4 has no policy. Created Monday 08:00Z, to be resolved by 18:00Z: 10 h;
    // Follow-up at half (13:00Z), Warning at 80 % (16:00Z). No first-response target.
    const std::string id = d.incident(at(2027, 1, 18, 8), "4");
    d.set(id, at(2027, 1, 18, 8), IncidentField::resolution_deadline, std::to_string(at(2027, 1, 18, 18) * 1000));
    const SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 18));
    const IncidentSla sla = d.sla(id, policies);
    REQUIRE(sla.policy == &policies.by_hand());
    CHECK_FALSE(sla.response.applies);
    CHECK(sla.running() == SlaMetric::resolution);
    CHECK(sla.resolution.moments.follow_up == at(2027, 1, 18, 13));
    CHECK(sla.resolution.moments.warning == at(2027, 1, 18, 16));
    CHECK(sla.resolution.moments.late == at(2027, 1, 18, 18));
    CHECK(sla_status(policies, sla, at(2027, 1, 18, 16, 30)).state == SlaStatus::State::warning);
}

TEST_CASE("no SLA without an active policy for the priority; the policies' version follows their edits") {
    SlaDesk d;
    d.policy("normal", "3", "", "60", "");
    const std::string id = d.incident(at(2027, 1, 18), "4");
    const std::uint64_t before = SlaPolicies::version(d.desk);
    SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 18));
    CHECK(sla_status(policies, d.sla(id, policies), at(2027, 1, 18, 1)).state == SlaStatus::State::none);
    d.applied(d.f.set_field("u:boss", at(2027, 1, 18) * 1000, EntityKind::sla_policy, "normal",
                            SlaPolicyField::active, "false"));
    CHECK(SlaPolicies::version(d.desk) != before);
    policies = SlaPolicies::of(d.desk, at(2027, 1, 18));
    CHECK(policies.for_priority(3) == nullptr);
}

TEST_CASE("a department's calendar counts while it holds the incident; a policy's own calendar comes first") {
    SlaDesk d;
    d.office_calendar();  // Paris office: Monday to Friday 09-17 CET, 08-16Z
    d.applied(d.f.create("u:boss", at(2027, 1, 1) * 1000, EntityKind::calendar,
                         {{CalendarField::name, "Around the clock"},
                          {CalendarField::time_zone, "UTC"},
                          {CalendarField::zone_rule, "UTC0"},
                          {CalendarField::hours, "mon-sun 00:00-24:00"}},
                         "always"));
    for (const auto& [key, name, calendar] : {std::tuple{"paris_desk", "Paris desk", "paris"},
                                              std::tuple{"night_desk", "Night desk", "always"},
                                              std::tuple{"plain_desk", "Plain desk", ""}})
        d.applied(d.f.create("u:boss", at(2027, 1, 1) * 1000, EntityKind::department,
                             {{DepartmentField::name, name}, {DepartmentField::calendar, calendar}}, key));
    d.policy("normal", "3", "", "", "960");  // no calendar of its own: the department's counts
    d.policy("high", "2", "paris", "", "960");
    const std::string id = d.applied(d.f.create_incident("u:ann", at(2027, 1, 15, 14) * 1000,
                                                         {{IncidentField::title, "Printer jams"},
                                                          {IncidentField::priority, "3"},
                                                          {IncidentField::service_department, "paris_desk"}}))
                               .entity_id;
    SlaPolicies policies = SlaPolicies::of(d.desk, at(2027, 1, 15));
    // Friday 15:00 CET on the Paris desk's hours, 16 h: Friday 2 h, Monday 8 h, Tuesday
    // 09-15 CET: Tuesday 14:00Z.
    IncidentSla sla = d.sla(id, policies);
    CHECK(policies.calendar_at(sla.calendar).name == "Paris office");
    CHECK(sla.resolution.moments.late == at(2027, 1, 19, 14));

    // Handed to the night desk on Monday 10:00Z (11:00 CET): 4 h used on the Paris hours
    // (Friday 14-16Z, Monday 08-10Z) stay used; the 12 h left run around the clock: Late on
    // Monday 22:00Z, Follow-up at 8 h used (Monday 14:00Z), Warning at 12 h 48 min (18:48Z).
    d.set(id, at(2027, 1, 18, 10), IncidentField::service_department, "night_desk");
    sla = d.sla(id, policies);
    CHECK(policies.calendar_at(sla.calendar).name == "Around the clock");
    CHECK(sla.resolution.moments.follow_up == at(2027, 1, 18, 14));
    CHECK(sla.resolution.moments.warning == at(2027, 1, 18, 18, 48));
    CHECK(sla.resolution.moments.late == at(2027, 1, 18, 22));
    // Monday 12:00Z: 4 h + 2 h used, 10 h left.
    CHECK(sla_status(policies, sla, at(2027, 1, 18, 12)).remaining == 10 * 3600);
    // The Sunday before the hand-over counted nothing: 2 h used at Saturday noon.
    CHECK(sla_status(policies, sla, at(2027, 1, 16, 12)).remaining == 14 * 3600);

    // A department naming no calendar counts 24/7 in UTC (no calendar): from Monday 12:00Z,
    // 6 h used, 10 h left: Late on Monday 22:00Z again.
    d.set(id, at(2027, 1, 18, 12), IncidentField::service_department, "plain_desk");
    sla = d.sla(id, policies);
    CHECK(sla.calendar == 0);
    CHECK(sla.resolution.moments.late == at(2027, 1, 18, 22));

    // Raised to High at the same moment: the High policy names the Paris calendar, which
    // counts from then on whichever desk holds it. 6 h used, 10 h left from Monday 13:00 CET:
    // Monday 4 h, Tuesday 09-15 CET: Tuesday 14:00Z.
    d.set(id, at(2027, 1, 18, 12), IncidentField::priority, "2");
    sla = d.sla(id, policies);
    CHECK(policies.calendar_at(sla.calendar).name == "Paris office");
    CHECK(sla.resolution.moments.late == at(2027, 1, 19, 14));
    CHECK(sla_status(policies, sla, at(2027, 1, 18, 15)).remaining == 7 * 3600);
}

TEST_CASE("a department's calendar is part of the policies' version") {
    SlaDesk d;
    d.office_calendar();
    d.applied(d.f.create("u:boss", at(2027, 1, 1) * 1000, EntityKind::department,
                         {{DepartmentField::name, "Paris desk"}}, "paris_desk"));
    const std::uint64_t before = SlaPolicies::version(d.desk);
    d.applied(d.f.set_field("u:boss", at(2027, 1, 2) * 1000, EntityKind::department, "paris_desk",
                            DepartmentField::calendar, "paris"));
    CHECK(SlaPolicies::version(d.desk) != before);
    CHECK(SlaPolicies::of(d.desk, at(2027, 1, 2)).calendar_for(nullptr, "paris_desk") != 0);
    CHECK(SlaPolicies::of(d.desk, at(2027, 1, 2)).calendar_for(nullptr, "elsewhere") == 0);
}
