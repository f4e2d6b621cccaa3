// SLA clocks (issue 14): the moments of 100,000 open incidents' clocks recomputed from
// scratch, and reading their state at one instant. Prints numbers.
#pragma once

namespace hotline::bench {

void run_sla_bench();

}  // namespace hotline::bench
