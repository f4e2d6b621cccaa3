// The metadata file of a replica directory: which snapshot generation is
// current, the replica's identity and op factory state (counter, clock, leased
// number blocks), and an "extra" JSON object that upper layers own (the sync
// cursor, the signed-in user...). Stored as one JSON record in the file "meta",
// replaced atomically: writing it is the commit point of a compaction.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/op_factory.hpp"
#include "core/result.hpp"

namespace hotline::store {

struct ReplicaMeta {
    std::uint64_t generation = 0;  // 0: no snapshot yet
    OpFactory::State factory;
    nlohmann::json extra = nlohmann::json::object();
};

std::string encode_meta(const ReplicaMeta& meta);            // payload of the meta record
Result<ReplicaMeta> decode_meta(std::string_view payload);   // strict; never throws

}  // namespace hotline::store
