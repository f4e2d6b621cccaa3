// W15: one incident for the customer, outside the app: a printable, self-contained
// HTML page (its fields, timeline and transaction log) and its transaction log as
// CSV. Both are built from the rows the Timeline and Transaction log tabs show
// (incident_rows.hpp), in the current language, so the customer reads what the
// desk reads. The platform hands the file to the browser (a download, or the print
// dialog); building it is here, where the native tests check it.
#pragma once

#include <string>
#include <string_view>

#include "app/local_zone.hpp"
#include "core/desk.hpp"

namespace hotline::app {

struct ExportFile {
    std::string name;  // "incident-1234-log.csv"
    std::string mime;  // "text/csv;charset=utf-8"
    std::string content;
    bool print = false;  // open the browser's print dialog on it rather than download it
};

enum class ExportKind : std::uint8_t { print, html, csv };

ExportFile export_incident(const Desk& desk, const Incident& incident, ExportKind kind, LocalZone zone);

// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
// A value a spreadsheet would run as a formula (starting with = + - @, a tab or a
// carriage return) is neutralised with a leading apostrophe (OWASP "CSV injection").
std::string csv_field(std::string_view value);

// Text for HTML: & < > " ' as entities.
std::string html_escape(std::string_view text);

}  // namespace hotline::app
