#include "server/records_api.hpp"

#include <cstdint>
#include <optional>
#include <utility>

#include "core/operation_json.hpp"
#include "core/record_filter.hpp"
#include "server/pull.hpp"

namespace hotline::server {
namespace {

using Query = std::map<std::string, std::string>;

const std::string kTextParameter = "q";
const std::string kLimitParameter = "limit";
const std::string kCursorParameter = "cursor";

ApiResponse bad_request(const Error& e) { return api_error(400, e.code, e.message); }

std::string kind_names() {
    std::string out;
    for (EntityKind kind : kAllEntityKinds) out += (out.empty() ? "" : ", ") + std::string(entity_kind_name(kind));
    return out;
}

// Numbers as operations carry them: final ones as integers, provisional ones as text.
nlohmann::json number_json(const IncidentNumber& number) {
    return number.is_final() ? nlohmann::json(number.value) : nlohmann::json(number.provisional);
}

// A record as the desk holds it now: each field by wire name with the JSON type operations
// give it (refs are ids), when and by whom it was created, when it last changed, and the
// hooks of its kind.
nlohmann::json record_json(const Entity& e) {
    const KindSpec& spec = kind_spec(e.kind);
    nlohmann::json fields = nlohmann::json::object();
    for (const FieldSpec& f : spec.fields) fields[std::string(f.name)] = field_value_to_json(f, e.value(f.id));
    nlohmann::json out = {{"kind", spec.name},           {"id", e.id},
                          {"fields", std::move(fields)}, {"created_at", e.created.wall_ms},
                          {"created_by", e.created_by},  {"updated_at", e.updated_ms}};
    if (spec.numbered) {
        out["number"] = number_json(e.number);
        out["number_aliases"] = e.number_aliases;
    }
    if (spec.has_workflow) out["status"] = status_name(e.status);
    return out;
}

// Visibility is judged on the newest state, which may come from another process.
std::optional<ApiResponse> refresh(ServerDesk& sd, Database& db) {
    if (auto caught_up = sd.catch_up(db); !caught_up)
        return api_error(503, "storage_unavailable", caught_up.error().message);
    return std::nullopt;
}

ApiResponse one_record(ServerDesk& sd, Database& db, const Principal& who, EntityKind kind, std::string_view id,
                       const Query& query) {
    if (!query.empty())
        return api_error(400, "bad_query", "\"" + query.begin()->first + "\" is not a parameter of a record's read.");
    if (auto failed = refresh(sd, db)) return std::move(*failed);
    // "Not yours" and "does not exist" get the same answer, as /history gives them.
    const Entity* record = sd.desk().find(kind, id);
    if (!record || !can_see(who, sd.desk(), *record))
        return api_error(404, "no_such_record",
                         "No " + std::string(entity_kind_name(kind)) + " you may see has this id.");
    return {200, {{"record", record_json(*record)}}};
}

Result<RecordFilter> filter_of(EntityKind kind, const Query& query) {
    RecordFilter filter(kind);
    for (const auto& [name, value] : query) {
        if (name == kLimitParameter || name == kCursorParameter) continue;
        Outcome ok = name == kTextParameter ? filter.set_text(name, value) : filter.add_condition(name, value);
        if (!ok) return ok.error();
    }
    return filter;
}

// The cursor is a position in the kind's records, which the desk keeps in the order they
// were created and never moves: a search paged from 0 meets every record there was at its
// start exactly once, and records created meanwhile on later pages. It is only ever the
// given cursor or the position after a record returned: a technician learns from it how
// many records came before one they see (as minted ids tell per replica), never whether a
// record they may not see exists after it.
ApiResponse search(ServerDesk& sd, Database& db, const Principal& who, EntityKind kind, const Query& query) {
    auto cursor = query_integer(query, kCursorParameter, 0, INT64_MAX);
    if (!cursor) return bad_request(cursor.error());
    auto limit = query_integer(query, kLimitParameter, kRecordsDefaultLimit, kRecordsMaxLimit);
    if (!limit) return bad_request(limit.error());
    if (*limit == 0) return api_error(400, "bad_query", "\"limit\" must be at least 1.");
    auto filter = filter_of(kind, query);
    if (!filter) return bad_request(filter.error());
    if (auto failed = refresh(sd, db)) return std::move(*failed);

    const TechnicianScope scope(who, sd.desk());
    const EntityList& rows = sd.desk().entities(kind);
    nlohmann::json records = nlohmann::json::array();
    std::int64_t next = *cursor;
    bool more = false;
    for (auto row = static_cast<std::uint64_t>(*cursor); row < rows.size(); ++row) {
        const Entity& e = rows[row];
        if (!scope.contains(e) || !filter->matches(e)) continue;
        if (std::cmp_equal(records.size(), *limit)) {
            more = true;
            break;
        }
        records.push_back(record_json(e));
        next = static_cast<std::int64_t>(row) + 1;
    }
    return {200, {{"records", std::move(records)}, {"cursor", next}, {"more", more}}};
}

}  // namespace

ApiResponse read_records(ServerDesk& sd, Database& db, const Principal& who, std::string_view path,
                         const Query& query) {
    const std::string_view rest = path.substr(kRecordsPrefix.size());
    const auto slash = rest.find('/');
    const auto kind = kind_by_name(rest.substr(0, slash));
    if (!kind)
        return api_error(404, "no_such_kind",
                         "No kind of record is called \"" + std::string(rest.substr(0, slash)) + "\"; the kinds are " +
                             kind_names() + ".");
    if (slash == std::string_view::npos) return search(sd, db, who, *kind, query);
    return one_record(sd, db, who, *kind, rest.substr(slash + 1), query);
}

}  // namespace hotline::server
