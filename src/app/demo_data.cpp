#include "app/demo_data.hpp"

#include <nlohmann/json.hpp>

#include "store/file_util.hpp"

namespace hotline::app {
namespace {

using nlohmann::json;

// Reads typed values out of the parsed file, keeping the first problem found
// (with where it was) instead of throwing.
class Reader {
public:
    std::string problem;

    std::string text(const json& obj, const char* key, const std::string& where, bool may_be_empty = false) {
        auto it = obj.find(key);
        if (it == obj.end() || !it->is_string() || (!may_be_empty && it->get_ref<const std::string&>().empty())) {
            fail(where + "." + key + ": expected " + (may_be_empty ? "a string" : "a non-empty string"));
            return {};
        }
        return it->get<std::string>();
    }

    int integer(const json& obj, const char* key, const std::string& where) {
        auto it = obj.find(key);
        if (it == obj.end() || !it->is_number_integer()) {
            fail(where + "." + key + ": expected an integer");
            return 0;
        }
        return it->get<int>();
    }

    // The array at obj[key], every element an object; empty on a problem.
    std::vector<const json*> objects(const json& obj, const char* key, const std::string& where) {
        std::vector<const json*> out;
        auto it = obj.find(key);
        if (it == obj.end() || !it->is_array() || it->empty()) {
            fail(where + key + ": expected a non-empty array");
            return out;
        }
        for (const json& element : *it) {
            if (!element.is_object()) {
                fail(where + key + ": expected objects");
                return {};
            }
            out.push_back(&element);
        }
        return out;
    }

    // The array of non-empty strings at obj[key]; empty on a problem.
    std::vector<std::string> texts(const json& obj, const char* key, const std::string& where) {
        std::vector<std::string> out;
        auto it = obj.find(key);
        if (it != obj.end() && it->is_array())
            for (const json& e : *it)
                if (e.is_string() && !e.get_ref<const std::string&>().empty()) out.push_back(e.get<std::string>());
        if (it == obj.end() || !it->is_array() || it->empty() || out.size() != it->size()) {
            fail(where + "." + key + ": expected a non-empty array of non-empty strings");
            return {};
        }
        return out;
    }

    void fail(std::string what) {
        if (problem.empty()) problem = std::move(what);
    }
};

std::string at(const char* what, std::size_t i) { return std::string(what) + "[" + std::to_string(i) + "]"; }

void check_coverage(const DemoData& data, Reader& r) {
    auto has_story = [&](const std::string& lang, const std::string& kind) {
        for (const auto& s : data.stories)
            if (s.lang == lang && s.kind == kind) return true;
        return false;
    };
    auto has_person = [](const std::vector<DemoPerson>& people, const std::string& lang) {
        for (const auto& p : people)
            if (p.lang == lang) return true;
        return false;
    };
    for (const auto& a : data.articles) {
        bool coded = false;
        for (const auto& s : data.stories)
            coded = coded || (s.reason_general == a.reason_general && s.reason_specific == a.reason_specific);
        if (!coded) r.fail("article " + a.title + ": no story has the reason " + a.reason_general + " / " + a.reason_specific);
    }
    for (const auto& c : data.customers) {
        if (!has_person(data.agents, c.lang) || !has_person(data.engineers, c.lang) || !data.phrases.count(c.lang) ||
            !data.parts.count(c.lang))
            r.fail("customer " + c.name + ": no agent, engineer, phrases or parts in language '" + c.lang + "'");
        for (const auto& u : c.units)
            if (!has_story(c.lang, u.kind))
                r.fail("customer " + c.name + ": no story for a '" + u.kind + "' in language '" + c.lang + "'");
    }
}

void read_parts(const json& root, Reader& r, DemoData& data) {
    auto parts = root.find("parts");
    if (parts == root.end() || !parts->is_object()) return r.fail("parts: expected an object by language");
    for (const auto& [lang, p] : parts->items()) {
        const std::string where = "parts." + lang;
        if (!p.is_object()) return r.fail(where + ": expected an object");
        DemoParts out;
        std::pair<const char*, std::string*> texts[] = {
            {"address", &out.address}, {"company", &out.company}, {"phone", &out.phone},
            {"domain", &out.domain},   {"warn", &out.warn},       {"forbid", &out.forbid}};
        for (auto& [key, target] : texts) *target = r.text(p, key, where);
        out.female_suffix = r.text(p, "female_suffix", where, true);
        std::pair<const char*, std::vector<std::string>*> lists[] = {
            {"forms", &out.forms},   {"words", &out.words},   {"first_names", &out.first_names},
            {"last_names", &out.last_names}, {"streets", &out.streets}, {"cities", &out.cities},
            {"roles", &out.roles},   {"contracts", &out.contracts}};
        for (auto& [key, target] : lists) *target = r.texts(p, key, where);
        data.parts[lang] = std::move(out);
    }
}

}  // namespace

Result<DemoData> parse_demo_data(std::string_view json_text) {
    json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded() || !root.is_object()) return make_error("bad_demo_data", "demo data: not a JSON object");
    Reader r;
    DemoData data;
    auto people = [&](const char* key, bool engineers) {
        std::vector<DemoPerson> out;
        auto list = r.objects(root, key, "");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json& p = *list[i];
            std::string where = at(key, i);
            DemoPerson person{r.text(p, "lang", where), r.text(p, "login", where), {}, {}};
            if (engineers) {
                person.name = r.text(p, "name", where);
                person.department = r.text(p, "department", where);
                person.technician = i % 2 == 0;
            }
            out.push_back(std::move(person));
        }
        return out;
    };
    data.agents = people("agents", false);
    data.engineers = people("engineers", true);

    auto customers = r.objects(root, "customers", "");
    for (std::size_t i = 0; i < customers.size(); ++i) {
        const json& c = *customers[i];
        std::string where = at("customers", i);
        DemoCustomer customer{r.text(c, "lang", where),    r.text(c, "name", where),
                              r.text(c, "contact", where), r.text(c, "address", where),
                              r.text(c, "phone", where),   r.text(c, "fax", where, true),
                              r.text(c, "email", where),   {},
                              {},                          0};
        auto units = r.objects(c, "units", where + ".");
        for (std::size_t k = 0; k < units.size(); ++k) {
            const json& u = *units[k];
            std::string uwhere = where + "." + at("units", k);
            customer.units.push_back({r.text(u, "kind", uwhere), r.text(u, "item", uwhere), r.text(u, "serial", uwhere),
                                      r.text(u, "warranty_end", uwhere), r.text(u, "contract", uwhere, true)});
        }
        if (auto pack = c.find("support_pack"); pack != c.end()) {
            const std::string pwhere = where + ".support_pack";
            if (!pack->is_object()) r.fail(pwhere + ": expected an object");
            else {
                customer.pack_name = r.text(*pack, "name", pwhere);
                customer.pack_incidents = r.integer(*pack, "incidents", pwhere);
            }
        }
        data.customers.push_back(std::move(customer));
    }

    auto stories = r.objects(root, "stories", "");
    for (std::size_t i = 0; i < stories.size(); ++i) {
        const json& s = *stories[i];
        std::string where = at("stories", i);
        DemoStory story;
        std::pair<const char*, std::string*> texts[] = {
            {"lang", &story.lang},
            {"kind", &story.kind},
            {"title", &story.title},
            {"description", &story.description},
            {"origin", &story.origin},
            {"reason_general", &story.reason_general},
            {"reason_specific", &story.reason_specific},
            {"first_contact", &story.first_contact},
            {"diagnosis", &story.diagnosis},
            {"note", &story.note},
            {"call_out", &story.call_out},
            {"actual_problem", &story.actual_problem},
            {"actual_solution", &story.actual_solution},
            {"resolution_general", &story.resolution_general},
            {"resolution_specific", &story.resolution_specific},
            {"customer_reply", &story.customer_reply},
        };
        for (auto& [key, target] : texts) *target = r.text(s, key, where);
        story.priority = r.integer(s, "priority", where);
        data.stories.push_back(std::move(story));
    }

    auto articles = r.objects(root, "articles", "");
    for (std::size_t i = 0; i < articles.size(); ++i) {
        const json& a = *articles[i];
        const std::string where = at("articles", i);
        data.articles.push_back({r.text(a, "lang", where), r.text(a, "title", where), r.text(a, "reason_general", where),
                                 r.text(a, "reason_specific", where), r.text(a, "body", where)});
    }

    auto phrases = root.find("phrases");
    if (phrases == root.end() || !phrases->is_object()) {
        r.fail("phrases: expected an object by language");
    } else {
        for (const auto& [lang, p] : phrases->items()) {
            if (!p.is_object()) {
                r.fail("phrases." + lang + ": expected an object");
                continue;
            }
            std::string where = "phrases." + lang;
            data.phrases[lang] = {r.text(p, "assigned", where), r.text(p, "transferred", where),
                                  r.text(p, "solved", where), r.text(p, "duplicate", where)};
        }
    }
    read_parts(root, r, data);
    if (r.problem.empty()) check_coverage(data, r);
    if (!r.problem.empty()) return make_error("bad_demo_data", "demo data: " + r.problem);
    return data;
}

Result<DemoData> load_demo_data(const std::string& path) {
    auto text = store::read_file(path);
    if (!text) return make_error(text.error().code, "demo data " + path + ": " + text.error().message);
    return parse_demo_data(*text);
}

}  // namespace hotline::app
