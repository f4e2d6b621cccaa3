// Registration lookups (issue 8): customer lookup per keystroke and serial
// lookup over 10,000 accounts, 30,000 contacts and 100,000 units. Prints numbers.
#pragma once

namespace hotline::bench {

void run_lookup_bench();

}  // namespace hotline::bench
