#include "core/sla_rules.hpp"

#include <string>

#include "core/calendar_record.hpp"
#include "core/incident_sla.hpp"
#include "core/posix_zone.hpp"

namespace hotline {

Outcome check_calendar(const EntityChange& c) {
    if (c.touches(CalendarField::time_zone) && !is_valid_zone_name(c.value(CalendarField::time_zone)))
        return make_error("bad_time_zone", "\"" + std::string(c.value(CalendarField::time_zone)) +
                                               "\" is not a time zone name such as Europe/Paris",
                          {std::string(c.value(CalendarField::time_zone))});
    if (c.touches(CalendarField::zone_rule) && !c.value(CalendarField::zone_rule).empty())
        if (auto zone = PosixZone::parse(c.value(CalendarField::zone_rule)); !zone) return zone.error();
    if (c.touches(CalendarField::hours))
        if (auto ok = check_calendar_hours(c.value(CalendarField::hours)); !ok) return ok;
    if (c.touches(CalendarField::holidays))
        if (auto ok = check_calendar_holidays(c.value(CalendarField::holidays)); !ok) return ok;
    if (c.touches(CalendarField::special_days))
        if (auto ok = check_calendar_special_days(c.value(CalendarField::special_days)); !ok) return ok;
    return {};
}

Outcome check_sla_policy(const EntityChange& c) {
    if (c.value(SlaPolicyField::response_minutes).empty() && c.value(SlaPolicyField::resolution_minutes).empty())
        return make_error("missing_sla_target", "An SLA policy needs a first-response or a resolution target");
    for (SlaPolicyField f : {SlaPolicyField::response_minutes, SlaPolicyField::resolution_minutes})
        if (c.value(f) == "0")
            return make_error("bad_sla_target", "A target is at least one minute", {std::string(field_spec(EntityKind::sla_policy, f).label)});
    const auto follow_up = parse_count(c.value(SlaPolicyField::follow_up_percent));
    const auto warning = parse_count(c.value(SlaPolicyField::warning_percent));
    if (!follow_up || !warning || *follow_up < 1 || *warning > 100 || *follow_up > *warning)
        return make_error("bad_sla_thresholds", "Follow-up and Warning are percentages of the target, 1 to 100, "
                                                "Follow-up no later than Warning");
    for (SlaPolicyField f : {SlaPolicyField::response_pauses, SlaPolicyField::resolution_pauses})
        if (c.touches(f) && !parse_status_list(c.value(f)))
            return make_error("bad_status_list",
                              std::string(field_spec(EntityKind::sla_policy, f).label) +
                                  ": statuses are named as in the workflow (registered, assigned, in_progress, solved, "
                                  "accepted, transferred, closed, archived)",
                              {std::string(field_spec(EntityKind::sla_policy, f).label)});
    return {};
}

}  // namespace hotline
