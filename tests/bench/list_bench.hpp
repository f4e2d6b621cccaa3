#pragma once

#include <cstddef>
#include <string>

namespace hotline::bench {

// The incident list (app/list_model.hpp) over `incidents` incidents from the demo data
// set about the browser benchmark's company (10,000 accounts, 30,000 contacts): model
// build, its memory, one search keystroke at a time, a sort per column; then the
// customer lookup typed with the browser benchmark's words.
void run_list_bench(const std::string& demo_data_path, std::size_t incidents);

}  // namespace hotline::bench
