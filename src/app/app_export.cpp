// W15: the open incident as a file for the customer (incident_report.hpp).
#include "app/app.hpp"

namespace hotline::app {

bool App::export_incident(ExportKind kind) {
    const Incident* inc = editor_.incident();
    if (!inc) return false;
    export_ = app::export_incident(desk(), *inc, kind, zone_);
    say(kind == ExportKind::print ? std::string(tr("Opening the print dialog"))
                                  : tr_format("export.saved", {export_->name}),
        false);
    return true;
}

std::optional<ExportFile> App::take_export() {
    std::optional<ExportFile> file = std::move(export_);
    export_.reset();
    return file;
}

}  // namespace hotline::app
