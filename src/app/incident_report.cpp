#include "app/incident_report.hpp"

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "app/incident_rows.hpp"

namespace hotline::app {
namespace {

constexpr std::string_view kCsvMime = "text/csv;charset=utf-8";
constexpr std::string_view kHtmlMime = "text/html;charset=utf-8";
// Spreadsheets read a CSV file as UTF-8 (Cyrillic, accents) only when it starts with a BOM.
constexpr std::string_view kUtf8Bom = "\xef\xbb\xbf";

// A file name part from an incident number: letters, digits, '-' and '_' only.
std::string file_safe(std::string_view text) {
    std::string out;
    for (char c : text)
        out += (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ? c : '_';
    return out;
}

std::string log_csv(const Desk& desk, const Incident& incident, LocalZone zone) {
    std::string out(kUtf8Bom);
    auto line = [&out](std::initializer_list<std::string_view> cells) {
        bool first = true;
        for (std::string_view cell : cells) {
            if (!first) out += ',';
            out += csv_field(cell);
            first = false;
        }
        out += "\r\n";
    };
    line({tr("Date"), tr("Field"), tr("Author"), tr("Old value"), tr("New value"), tr("Superseded")});
    for (const LogRow& r : log_rows(desk, incident, zone))
        line({r.time, r.field, r.author, r.old_value, r.new_value, r.superseded ? tr("Yes") : tr("No")});
    return out;
}

// A table with a header row; every cell escaped, line breaks kept (CSS pre-wrap).
class HtmlTable {
public:
    HtmlTable(std::string& out, std::initializer_list<std::string_view> headers) : out_(out) {
        // Borders as attributes, not CSS: the printed page has no stylesheet (report_html).
        out_ += "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"><thead><tr>";
        for (std::string_view h : headers) out_ += "<th>" + html_escape(h) + "</th>";
        out_ += "</tr></thead><tbody>";
    }
    ~HtmlTable() { out_ += "</tbody></table>"; }
    HtmlTable(const HtmlTable&) = delete;
    HtmlTable& operator=(const HtmlTable&) = delete;
    void row(std::initializer_list<std::string_view> cells, bool muted = false) {
        out_ += muted ? "<tr class=\"superseded\">" : "<tr>";
        for (std::string_view c : cells) out_ += "<td>" + html_escape(c) + "</td>";
        out_ += "</tr>";
    }

private:
    std::string& out_;
};

constexpr std::string_view kStyle =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#111}"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}"
    "table{border-collapse:collapse;width:100%;font-size:.9em}"
    "th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top;white-space:pre-wrap}"
    "th{background:#eee}tr.superseded td{color:#777}"
    "@media print{body{margin:0}thead{display:table-header-group}tr{page-break-inside:avoid}}";

void html_fields(std::string& out, const Desk& desk, const Incident& incident, LocalZone zone) {
    HtmlTable table(out, {tr("Field"), tr("Value")});
    table.row({tr("Status"), status_text(incident.status)});
    for (const FieldSpec& spec : fields_of(EntityKind::incident)) {
        const std::string_view value = incident.value(spec.id);
        if (is_blank(value)) continue;
        table.row({field_text(spec.id), value_text(spec.name, value, EntityKind::incident, &desk, zone)});
    }
}

// `styled`: with its stylesheet. The page printed from the app has none: it is shown in a
// frame of the app's page, whose Content-Security-Policy (style-src 'self') refuses
// inline styles; the tables' borders are attributes so it still reads as a form.
std::string report_html(const Desk& desk, const Incident& incident, LocalZone zone, bool styled) {
    const std::string title = tr_format("detail.number", {incident.number.display()});
    std::string out = "<!DOCTYPE html><html lang=\"" + std::string(language_code(language())) +
                      "\"><head><meta charset=\"utf-8\"><title>" + html_escape(title) + "</title>" +
                      (styled ? "<style>" + std::string(kStyle) + "</style>" : std::string()) + "</head><body>";
    out += "<h1>" + html_escape(title) + " \xe2\x80\x94 " + html_escape(incident.value(IncidentField::title)) + "</h1>";
    html_fields(out, desk, incident, zone);
    out += "<h2>" + html_escape(tr("Timeline")) + "</h2>";
    {
        HtmlTable table(out, {tr("Date"), tr("Type"), tr("Author"), tr("Text")});
        for (const TimelineRow& r : timeline_rows(desk, incident, zone))
            table.row({r.time, r.type, r.author, r.text});
    }
    out += "<h2>" + html_escape(tr("Transaction log")) + "</h2>";
    {
        HtmlTable table(out, {tr("Date"), tr("Field"), tr("Author"), tr("Old value"), tr("New value")});
        for (const LogRow& r : log_rows(desk, incident, zone))
            table.row({r.time, r.superseded ? r.field + " (" + std::string(tr("superseded")) + ")" : r.field, r.author,
                       r.old_value, r.new_value},
                      r.superseded);
    }
    out += "</body></html>\n";
    return out;
}

}  // namespace

std::string csv_field(std::string_view value) {
    std::string text;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                           value[0] == '\t' || value[0] == '\r'))
        text = "'";
    text += value;
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

ExportFile export_incident(const Desk& desk, const Incident& incident, ExportKind kind, LocalZone zone) {
    const std::string stem = "incident-" + file_safe(incident.number.display());
    switch (kind) {
        case ExportKind::csv:
            return {stem + "-log.csv", std::string(kCsvMime), log_csv(desk, incident, zone)};
        case ExportKind::html:
            return {stem + ".html", std::string(kHtmlMime), report_html(desk, incident, zone, true)};
        case ExportKind::print:
            return {stem + ".html", std::string(kHtmlMime), report_html(desk, incident, zone, false), true};
    }
    return {};
}

}  // namespace hotline::app
