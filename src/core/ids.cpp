#include "core/ids.hpp"

#include "core/limits.hpp"

namespace hotline {

bool is_valid_replica_id(std::string_view id) {
    if (id.empty() || id.size() > limits::kReplicaIdMax) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

bool is_valid_actor(std::string_view actor) {
    if (actor.size() < 3 || actor.size() > limits::kActorMax) return false;
    if ((actor[0] != 'u' && actor[0] != 's') || actor[1] != ':') return false;
    for (char c : actor.substr(2)) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == '-' || c == '@';
        if (!ok) return false;
    }
    return true;
}

bool is_valid_login(std::string_view login) {
    // Fits an actor ("u:" + login) and stays readable in lists.
    if (login.empty() || login.size() > limits::kActorMax - 2 || login.size() > 48) return false;
    if (login[0] == '.' || login[0] == '-' || login[0] == '_' || login[0] == '@') return false;
    for (char c : login) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@';
        if (!ok) return false;
    }
    return true;
}

bool parse_decimal_u64(std::string_view text, std::uint64_t& out) {
    if (text.empty() || text.size() > 19) return false;
    if (text.size() > 1 && text[0] == '0') return false;
    std::uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    out = v;
    return true;
}

std::string OpId::to_string() const { return replica + ":" + std::to_string(counter); }

bool OpId::is_spelled(std::string_view text) const {
    if (text.size() <= replica.size() || text.compare(0, replica.size(), replica) != 0 || text[replica.size()] != ':')
        return false;
    std::uint64_t n = 0;
    return parse_decimal_u64(text.substr(replica.size() + 1), n) && n == counter;
}

Result<OpId> OpId::parse(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return make_error("bad_op_id", "operation id must look like <replica>:<counter>");
    OpId id;
    id.replica = std::string(text.substr(0, colon));
    if (!is_valid_replica_id(id.replica))
        return make_error("bad_op_id", "operation id has an invalid replica part");
    if (!parse_decimal_u64(text.substr(colon + 1), id.counter) || id.counter == 0)
        return make_error("bad_op_id", "operation id counter must be a positive integer");
    return id;
}

}  // namespace hotline
