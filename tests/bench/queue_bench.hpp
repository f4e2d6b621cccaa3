#pragma once

#include <cstdint>

#include "core/desk.hpp"
#include "core/incident_sla.hpp"

namespace hotline::bench {

// Issue 14, S5 and S7 over the list benchmark's desk: a tenth of the open incidents put in
// the demo's Second line queue, then what a click costs: the queues' depth, the next due,
// the least loaded engineer, an account's entitlements with what is left.
void run_queue_bench(Desk& desk, const SlaPolicies& policies, std::int64_t now_s);

}  // namespace hotline::bench
