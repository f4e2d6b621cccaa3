// Files the app makes for people (W15: an incident's report and log) handed to the
// browser: a download under the file's name, or the print dialog on the page.
#pragma once

#include "app/incident_report.hpp"

namespace hotline::web {

void deliver_file(const app::ExportFile& file);

}  // namespace hotline::web
