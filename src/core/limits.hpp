// Size limits enforced wherever untrusted data enters the core (operation
// JSON from a client, records read back from disk). One place, so the server,
// the store and the UI agree on what fits.
#pragma once

#include <cstddef>

namespace hotline::limits {

inline constexpr std::size_t kReplicaIdMax = 16;     // [a-z0-9], see ids.hpp
inline constexpr std::size_t kActorMax = 64;
inline constexpr std::size_t kEntityIdMax = 40;      // "<replica>:<counter>" or a key
inline constexpr std::size_t kShortTextMax = 200;    // names, codes, phone numbers...
inline constexpr std::size_t kLongTextMax = 32 * 1024;  // descriptions, solutions, event texts
inline constexpr std::size_t kCreateFieldsMax = 64;  // keys in a create operation's value
inline constexpr std::size_t kOperationJsonMax = 256 * 1024;  // one encoded operation
inline constexpr std::size_t kKeyedRecordsMax = 2000;  // records of one keyed kind (event types, codes...)

}  // namespace hotline::limits
