#include "server/server_desk.hpp"

#include "core/operation_json.hpp"

namespace hotline::server {
namespace {
constexpr std::size_t kFoldPage = 20'000;  // operations read per query while folding
}

NewOp stored_form(const Operation& op) { return {op.id.to_string(), op.entity_id, op.actor, encode_operation(op)}; }

Result<ServerDesk> ServerDesk::load(Database& db) {
    ServerDesk sd;
    if (auto folded = sd.catch_up(db); !folded) return folded.error();
    return sd;
}

Outcome ServerDesk::catch_up(Database& db) { return refresh(db); }
Outcome ServerDesk::catch_up(WriteTransaction& tx) { return refresh(tx); }

void ServerDesk::discard_unstored(Database& db) {
    unstored_ = true;
    (void)refresh(db);  // a failure leaves it marked: the next catch_up tries again
}

template <typename Source>
Outcome ServerDesk::refresh(Source& source) {
    if (!unstored_) return fold_from(source);
    ServerDesk fresh;
    if (auto folded = fresh.fold_from(source); !folded) return folded;
    *this = std::move(fresh);  // unstored_ is false in the fresh desk
    return {};
}

template <typename Source>
Outcome ServerDesk::fold_from(Source& source) {
    for (;;) {
        auto page = source.ops_after(seq_, kFoldPage);
        if (!page) return page.error();
        for (const StoredOp& stored : *page)
            if (auto folded = fold(stored); !folded) return folded;
        if (page->size() < kFoldPage) break;
    }
    sync_factory();
    return {};
}

Outcome ServerDesk::fold(const StoredOp& stored) {
    // Stored operations were validated when they were pushed; one that no longer
    // decodes means the database was damaged or written by something else.
    auto op = decode_operation(std::string_view(stored.body));
    if (!op)
        return make_error("corrupt_log", "Stored operation " + stored.op_id + " (seq " + std::to_string(stored.seq) +
                                             ") cannot be read: " + op.error().message);
    desk_.apply(*op);  // its outcome was decided (and stored) when it was pushed
    seq_ = stored.seq;
    return {};
}

void ServerDesk::sync_factory() {
    // Continue the server's own counter and clock after everything folded so far.
    OpFactory::State state = factory_.state();
    const auto& replicas = desk_.replicas();
    for (std::size_t i = 0; i < replicas.size(); ++i)
        if (replicas[i] == kServerReplica && i < desk_.seen().ranges().size())
            state.last_counter = std::max(state.last_counter, desk_.seen().ranges()[i].contiguous);
    factory_ = OpFactory(state);
    factory_.clock().observe(desk_.newest_hlc(), desk_.newest_hlc().wall_ms);
}

Operation ServerDesk::mint_renumber(const std::string& incident_id, std::int64_t number, std::int64_t now_ms) {
    return factory_.renumber(std::string(kServerActor), now_ms, incident_id, number);
}

Operation ServerDesk::mint_step(const std::string& incident_id, const IncidentStep& step, std::int64_t now_ms) {
    return step_operation(factory_, std::string(kServerActor), now_ms, incident_id, step);
}

Operation ServerDesk::mint_set(EntityKind kind, const std::string& id, FieldId field, std::string value,
                               std::int64_t now_ms) {
    return factory_.set_field(std::string(kServerActor), now_ms, kind, id, field, std::move(value));
}

}  // namespace hotline::server
