#include "core/incident_plan.hpp"

namespace hotline {

Operation step_operation(OpFactory& factory, const std::string& actor, std::int64_t now_ms,
                         const std::string& incident_id, const IncidentStep& step) {
    struct Mint {
        OpFactory& f;
        const std::string& actor;
        std::int64_t now;
        const std::string& id;
        Operation operator()(const SetStep& s) const { return f.set_field(actor, now, id, s.field, s.value); }
        Operation operator()(const EventStep& s) const { return f.add_event(actor, now, id, s.type, s.text); }
        Operation operator()(const TransitionStep& s) const { return f.transition(actor, now, id, s.to); }
    };
    return std::visit(Mint{factory, actor, now_ms, incident_id}, step);
}

}  // namespace hotline
