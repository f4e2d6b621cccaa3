// W15: an incident for the customer — the printable HTML page (fields, timeline,
// log) and the log as CSV, with values a spreadsheet would run as formulas neutralised.
#include <doctest/doctest.h>

#include <string>

#include "app/i18n.hpp"
#include "app/incident_report.hpp"
#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "desk_world.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;
using F = IncidentField;

namespace {

struct Fixture : hotline::testing::DeskWorld {
    std::string incident;

    Fixture() {
        f.numbers().add_block({41, 100});
        apply(f.create("u:boss", ++now, EntityKind::resolution_code, {{ResolutionCodeField::label, "Repaired"}}, "rep"));
        apply(f.create("u:boss", ++now, EntityKind::resolution_code,
                       {{ResolutionCodeField::label, "Seal replaced"}, {ResolutionCodeField::parent, "rep"}}, "rep_seal"));
        const Operation create =
            f.create_incident("u:agent", ++now, {{F::title, "Boiler <leaks> & \"drips\""}, {F::description, "=HYPERLINK(\"x\")"}});
        apply(create);
        incident = create.entity_id;
        apply(f.set_field("u:eng", ++now, incident, F::diagnosis, "Pressure -2 bar, seal, worn"));
        apply(f.set_field("u:eng", ++now, incident, F::resolution_code, "rep_seal"));
        apply(f.add_event("u:eng", ++now, incident, "note", "@customer called\nback"));
    }
    const Incident& inc() const { return *desk.find(incident); }
};

}  // namespace

TEST_CASE("report: CSV fields are quoted when needed and formulas are neutralised") {
    CHECK(app::csv_field("plain") == "plain");
    CHECK(app::csv_field("a,b") == "\"a,b\"");
    CHECK(app::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(app::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(app::csv_field("=1+2") == "'=1+2");
    CHECK(app::csv_field("+33 1 23") == "'+33 1 23");
    CHECK(app::csv_field("-5") == "'-5");
    CHECK(app::csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(app::csv_field("\tx") == "'\tx");
    CHECK(app::csv_field("=a,b") == "\"'=a,b\"");
    CHECK(app::csv_field("") == "");
}

TEST_CASE("report: the log as CSV has a BOM, a header and one line per change, values as the log shows them") {
    app::set_language(app::Language::english);
    Fixture fx;
    const app::ExportFile file = app::export_incident(fx.desk, fx.inc(), app::ExportKind::csv, 0);
    CHECK(file.name == "incident-41-log.csv");
    CHECK(file.mime == "text/csv;charset=utf-8");
    CHECK(!file.print);
    REQUIRE(file.content.starts_with("\xef\xbb\xbf"));
    CHECK(file.content.find("Date,Field,Author,Old value,New value,Superseded\r\n") == 3);
    CHECK(file.content.find("'=HYPERLINK(\"\"x\"\")") != std::string::npos);
    CHECK(file.content.find("\"'-2") == std::string::npos);  // only a leading sign is neutralised
    CHECK(file.content.find("\"Pressure -2 bar, seal, worn\"") != std::string::npos);
    // The code shown by its labels, not its key.
    CHECK(file.content.find("Repaired \xe2\x80\xba Seal replaced") != std::string::npos);
    CHECK(file.content.find("rep_seal") == std::string::npos);
    CHECK(file.content.find("\"'@customer called\nback\"") != std::string::npos);
}

TEST_CASE("report: the HTML page is self-contained, escaped, and holds fields, timeline and log") {
    app::set_language(app::Language::english);
    Fixture fx;
    const app::ExportFile page = app::export_incident(fx.desk, fx.inc(), app::ExportKind::html, 0);
    CHECK(page.name == "incident-41.html");
    CHECK(page.mime == "text/html;charset=utf-8");
    const std::string& html = page.content;
    CHECK(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    CHECK(html.find("<title>Incident 41</title>") != std::string::npos);
    CHECK(html.find("Boiler &lt;leaks&gt; &amp; &quot;drips&quot;") != std::string::npos);
    CHECK(html.find("<leaks>") == std::string::npos);
    CHECK(html.find("<h2>Timeline</h2>") != std::string::npos);
    CHECK(html.find("<h2>Transaction log</h2>") != std::string::npos);
    CHECK(html.find("@customer called\nback") != std::string::npos);
    CHECK(html.find("Repaired \xe2\x80\xba Seal replaced") != std::string::npos);
    // Nothing fetched from elsewhere: no scripts, links or images.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    const app::ExportFile print = app::export_incident(fx.desk, fx.inc(), app::ExportKind::print, 0);
    CHECK(print.print);
    // Printed inside the app's page, whose Content-Security-Policy refuses inline styles.
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(print.content.find("<style") == std::string::npos);
    CHECK(print.content.find("<h2>Transaction log</h2>") != std::string::npos);
}
