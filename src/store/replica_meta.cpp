#include "store/replica_meta.hpp"

#include "core/ids.hpp"

namespace hotline::store {

using json = nlohmann::json;

std::string encode_meta(const ReplicaMeta& m) {
    json blocks = json::array();
    for (const auto& b : m.factory.number_blocks) blocks.push_back({b.first, b.last});
    json j = {{"format", 1},
              {"generation", m.generation},
              {"replica", m.factory.replica},
              {"last_counter", m.factory.last_counter},
              {"last_hlc", m.factory.last_hlc.wall_ms > 0 ? m.factory.last_hlc.to_string() : std::string()},
              {"number_blocks", std::move(blocks)},
              {"provisional_issued", m.factory.provisional_issued},
              {"extra", m.extra}};
    return j.dump();
}

Result<ReplicaMeta> decode_meta(std::string_view payload) {
    auto bad = [](const char* what) { return make_error("bad_meta", std::string("metadata: ") + what); };
    json j = json::parse(payload, nullptr, false);
    if (!j.is_object()) return bad("not a JSON object");
    auto uint_at = [&](const char* key, std::uint64_t& out) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_number_unsigned()) return false;
        out = it->get<std::uint64_t>();
        return true;
    };
    ReplicaMeta m;
    std::uint64_t format = 0;
    if (!uint_at("format", format) || format != 1) return bad("unknown format");
    if (!uint_at("generation", m.generation)) return bad("generation");
    if (!uint_at("last_counter", m.factory.last_counter)) return bad("last_counter");
    if (!uint_at("provisional_issued", m.factory.provisional_issued)) return bad("provisional_issued");
    auto replica = j.find("replica");
    if (replica == j.end() || !replica->is_string() || !is_valid_replica_id(replica->get<std::string>()))
        return bad("replica");
    m.factory.replica = replica->get<std::string>();
    auto hlc = j.find("last_hlc");
    if (hlc == j.end() || !hlc->is_string()) return bad("last_hlc");
    if (!hlc->get_ref<const std::string&>().empty()) {
        auto parsed = Hlc::parse(hlc->get_ref<const std::string&>());
        if (!parsed) return bad("last_hlc");
        m.factory.last_hlc = std::move(parsed.value());
    }
    m.factory.last_hlc.replica = m.factory.replica;
    auto blocks = j.find("number_blocks");
    if (blocks == j.end() || !blocks->is_array()) return bad("number_blocks");
    for (const auto& b : *blocks) {
        if (!b.is_array() || b.size() != 2 || !b[0].is_number_integer() || !b[1].is_number_integer())
            return bad("number block");
        m.factory.number_blocks.push_back({b[0].get<std::int64_t>(), b[1].get<std::int64_t>()});
    }
    auto extra = j.find("extra");
    if (extra == j.end() || !extra->is_object()) return bad("extra");
    m.extra = *extra;
    return m;
}

}  // namespace hotline::store
