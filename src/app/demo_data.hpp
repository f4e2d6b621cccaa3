// The demo data set (P5): hand-written customers, units, staff and incident
// stories in English, French, Russian and Italian, read from
// assets/demo/demo_data.json. demo_records.hpp makes the company's records from
// it, demo_seed.hpp the incidents about them.
//
// File format (JSON object; every string non-empty unless noted):
//   "agents":    [{"login": "u:...", "lang": "en"|"fr"|"ru"|"it"}]      call takers
//   "engineers": [{"name", "login", "department", "lang"}]
//   "customers": [{"name", "contact", "address", "phone", "fax" (may be ""), "email", "lang",
//                  "units": [{"kind", "item", "serial", "warranty_end" (YYYY-MM-DD), "contract" (may be "")}]}]
//   "stories":   [{"lang", "kind" (a unit kind), "title", "description", "priority" (1-4),
//                  "origin", "reason_general", "reason_specific", "first_contact", "diagnosis",
//                  "note", "call_out", "actual_problem", "actual_solution",
//                  "resolution_general", "resolution_specific", "customer_reply"}]
//   "phrases":   {"<lang>": {"assigned": "...{}..." (engineer name), "transferred", "solved", "duplicate"}}
//   "parts":     {"<lang>": {"address": "{n} {street}, {city}", "company": "{word} {form}",
//                  "female_suffix" (may be ""; ends a woman's surname: first names "Анна|anna|f"), "forms", "words",
//                  "first_names", "last_names", "streets", "cities", "roles", "contracts": [strings],
//                  "phone" (prefix of generated numbers), "domain" (of emails), "warn", "forbid"
//                  (blocking reason texts)}}
//                the parts demo_records.hpp builds the rest of the company's customers from; a
//                word or name written "Север|sever" gives the ASCII form its emails use.
//   "articles":  [{"lang", "title", "reason_general", "reason_specific" (a story's pair: the
//                  article's reason code), "body"}]   published knowledge-base articles (W13)
// Every (lang, kind) of a customer's unit needs at least one story, and every
// language used needs an agent, an engineer, phrases and parts.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hotline::app {

struct DemoUnit {
    std::string kind, item, serial, warranty_end, contract;
};

struct DemoCustomer {
    std::string lang, name, contact, address, phone, fax, email;
    std::vector<DemoUnit> units;
    // S7: an optional support pack (an entitlement of so many incidents this year).
    std::string pack_name;
    int pack_incidents = 0;
};

struct DemoPerson {
    std::string lang, login, name, department;  // agents have only lang and login
    // Every other engineer works in the field: a technician's account on the demo server,
    // a field technician's staff profile on every demo desk.
    bool technician = false;
};

struct DemoStory {
    std::string lang, kind, title, description, origin, reason_general, reason_specific, first_contact,
        diagnosis, note, call_out, actual_problem, actual_solution, resolution_general, resolution_specific,
        customer_reply;
    int priority = 3;
};

struct DemoArticle {
    std::string lang, title, reason_general, reason_specific, body;
};

struct DemoPhrases {
    std::string assigned, transferred, solved, duplicate;
};

struct DemoParts {
    std::string address, company, phone, female_suffix, domain, warn, forbid;
    std::vector<std::string> forms, words, first_names, last_names, streets, cities, roles, contracts;
};

struct DemoData {
    std::vector<DemoPerson> agents;
    std::vector<DemoPerson> engineers;
    std::vector<DemoCustomer> customers;
    std::vector<DemoStory> stories;
    std::vector<DemoArticle> articles;
    std::map<std::string, DemoPhrases, std::less<>> phrases;  // by language
    std::map<std::string, DemoParts, std::less<>> parts;      // by language
};

Result<DemoData> parse_demo_data(std::string_view json_text);
Result<DemoData> load_demo_data(const std::string& path);

}  // namespace hotline::app
