#include "desk_fingerprint.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/event_types.hpp"
#include "core/schema.hpp"
#include "core/status.hpp"
#include "core/transaction_log.hpp"

namespace hotline::testing {
namespace {

// JSON string quoting: values may hold spaces, quotes and line breaks.
std::string json_quoted(std::string_view s) { return nlohmann::json(std::string(s)).dump(); }

const char* tx_kind_name(TxKind k) {
    switch (k) {
        case TxKind::created: return "created";
        case TxKind::field: return "field";
        case TxKind::superseded: return "superseded";
        case TxKind::event: return "event";
        case TxKind::status: return "status";
        case TxKind::renumber: return "renumber";
    }
    return "?";
}

// Incidents print their hooks on their first line (the format the v1 fixtures hold);
// other kinds their kind, id and creation.
void print_record(std::ostringstream& out, const Desk& desk, const Entity& inc) {
    if (inc.kind == EntityKind::incident) {
        out << "incident " << inc.id << " number=" << inc.number.display() << " aliases=[";
        for (const auto& a : inc.number_aliases) out << a << ' ';
        out << "] status=" << status_name(inc.status);
    } else {
        out << entity_kind_name(inc.kind) << ' ' << inc.id;
    }
    out << " created_by=" << inc.created_by << " created=" << desk.to_hlc(inc.created).to_string() << '\n';
    for (const auto& spec : fields_of(inc.kind)) {
        // A field never given a value prints nothing: a version with more fields prints
        // the same text for the same operations (the upgrade fixtures rely on it).
        if (inc.value(spec.id).empty() && inc.stamp_of(spec.id) == inc.created) continue;
        out << "  field " << spec.name << " = " << json_quoted(inc.value(spec.id)) << " @"
            << stamp_text(desk, inc.stamp_of(spec.id)) << '\n';
    }
    for (const auto& e : inc.events)
        out << "  event " << e.id << ' ' << e.type << ' ' << e.actor << " @" << desk.to_hlc(e.stamp).to_string() << ' '
            << json_quoted(e.text) << '\n';
    out << "  superseded_writes " << inc.superseded_writes << '\n';
    for (const auto& row : render_transaction_log(desk, inc))
        out << "  log " << tx_kind_name(row.kind) << ' ' << row.wall_ms << ' ' << row.actor << ' ' << row.field << ' '
            << json_quoted(row.old_value) << " -> " << json_quoted(row.new_value) << '\n';
}

}  // namespace

std::string stamp_text(const Desk& desk, const Stamp& s) { return s == Stamp{} ? "default" : desk.to_hlc(s).to_string(); }

std::string desk_fingerprint(const Desk& desk) {
    std::ostringstream out;
    for (EntityKind kind : kAllEntityKinds) {
        if (kind == EntityKind::event_type) continue;  // below, one line each
        std::vector<const Entity*> sorted;
        for (const auto& e : desk.entities(kind)) sorted.push_back(&e);
        std::sort(sorted.begin(), sorted.end(), [](const Entity* a, const Entity* b) { return a->id < b->id; });
        for (const Entity* e : sorted) print_record(out, desk, *e);
    }
    std::vector<std::string> types;
    for (const Entity& t : desk.event_types()) {
        const Stamp stamp = t.stamp_of(EventTypeField::label);
        types.push_back("event_type " + t.id + ' ' + json_quoted(t.value(EventTypeField::label)) + " @" +
                        stamp_text(desk, stamp));
    }
    std::sort(types.begin(), types.end());
    for (const auto& t : types) out << t << '\n';
    return out.str();
}

std::string with_defaults_added_since(const std::string& printed) {
    std::string head = printed;
    std::vector<std::string> types;
    const std::size_t first = printed.find("\nevent_type ");
    if (first != std::string::npos) {
        head = printed.substr(0, first + 1);
        std::istringstream in(printed.substr(first + 1));
        for (std::string line; std::getline(in, line);) types.push_back(line);
    }
    for (const Entity& t : default_event_types()) {
        const std::string prefix = "event_type " + t.id + ' ';
        if (std::none_of(types.begin(), types.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; }))
            types.push_back(prefix + json_quoted(t.value(EventTypeField::label)) + " @default");
    }
    std::sort(types.begin(), types.end());
    for (const auto& t : types) head += t + '\n';
    return head;
}

namespace {
// The lines of the block (incident) that starts at or before `line`.
std::string block_at(const std::vector<std::string>& lines, std::size_t line) {
    std::size_t start = std::min(line, lines.empty() ? 0 : lines.size() - 1);
    while (start > 0 && lines[start].rfind("incident ", 0) != 0) --start;
    std::string out;
    for (std::size_t i = start; i < lines.size() && i < start + 400; ++i) {
        if (i > start && lines[i].rfind("incident ", 0) == 0) break;
        out += "    " + lines[i] + "\n";
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}
}  // namespace

std::string first_difference(const std::string& a, const std::string& b) {
    const auto la = split_lines(a), lb = split_lines(b);
    for (std::size_t i = 0; i < std::max(la.size(), lb.size()); ++i) {
        const std::string x = i < la.size() ? la[i] : "<end>", y = i < lb.size() ? lb[i] : "<end>";
        if (x == y) continue;
        return "line " + std::to_string(i + 1) + "\n  left:  " + x + "\n  right: " + y + "\n  left block:\n" +
               block_at(la, i) + "  right block:\n" + block_at(lb, i);
    }
    return "";
}

}  // namespace hotline::testing
