// Fuzz target: the store's record reader and desk codec (store/record_format.hpp,
// store/desk_codec.hpp, store/replica_store.hpp), which read whatever is on disk, damaged or
// not. The input is a replica folder: its parts, split at each kSeparator, are written as the
// files meta, snap-4-0, log-4 and snap-4-1 (the names of the seed corpus's replica, from
// tests/fixtures/v1/replica-ann) into a folder of tmpfs, which ReplicaStore::open loads. The
// whole input is also scanned as a file of every kind, and every record found decoded
// directly, so the codec sees bytes the framing's CRC would otherwise keep from it.
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "store/desk_codec.hpp"
#include "store/record_format.hpp"
#include "store/replica_store.hpp"

namespace {

using namespace hotline;

constexpr std::string_view kSeparator = "\n--8<--\n";
constexpr std::array<const char*, 4> kFileNames = {"meta", "snap-4-0", "log-4", "snap-4-1"};

const std::filesystem::path& folder() {
    static const std::filesystem::path dir =
        (std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm") : std::filesystem::temp_directory_path()) /
        ("hotline-fuzz-store-" + std::to_string(::getpid()));
    return dir;
}

void open_as_replica(std::string_view input) {
    const auto& dir = folder();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    for (const char* name : kFileNames) {
        const auto cut = input.find(kSeparator);
        std::ofstream(dir / name, std::ios::binary).write(input.data(), static_cast<std::streamsize>(
                                                                              std::min(cut, input.size())));
        if (cut == std::string_view::npos) break;
        input.remove_prefix(cut + kSeparator.size());
    }
    (void)store::ReplicaStore::open(dir.string(), "fuzz");
}

void decode_records(std::string_view input) {
    for (auto kind : {store::FileKind::snapshot, store::FileKind::log, store::FileKind::meta}) {
        const auto scan = store::scan_records(input, kind);
        std::vector<std::string> table;
        std::vector<std::string> replicas;
        for (const auto& record : scan.records) {
            switch (record.type) {
                case store::RecordType::desk_header:
                    if (auto header = store::decode_desk_header(record.payload); header.ok()) replicas = header->replicas;
                    break;
                case store::RecordType::string_table:
                    if (auto t = store::decode_string_table(record.payload); t.ok()) table = std::move(*t);
                    break;
                case store::RecordType::entity:
                    (void)store::decode_entity(record.payload, table, replicas);
                    break;
                case store::RecordType::incident:
                    (void)store::decode_format1_incident(record.payload, table, replicas);
                    break;
                case store::RecordType::meta:
                case store::RecordType::operation:
                    break;  // JSON: ReplicaStore::open reads them, fuzz_operation fuzzes the operations
            }
        }
    }
    // The codec on the raw bytes too, with an empty and a one-entry table.
    const std::vector<std::string> one = {"x"};
    (void)store::decode_desk_header(input);
    (void)store::decode_string_table(input);
    (void)store::decode_entity(input, {}, {});
    (void)store::decode_entity(input, one, one);
    (void)store::decode_format1_incident(input, one, one);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    decode_records(input);
    open_as_replica(input);
    return 0;
}
