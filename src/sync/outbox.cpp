#include "sync/outbox.hpp"

#include <algorithm>

#include "core/operation_json.hpp"
#include "store/file_util.hpp"
#include "store/record_format.hpp"

namespace hotline::sync {

using store::FileKind;
using store::RecordType;

Result<Outbox> Outbox::open(const std::string& dir) {
    Outbox box(dir + "/" + kFileName);
    auto data = store::read_file(box.path_);
    if (!data) {
        if (data.error().code != "not_found") return data.error();
        if (auto w = box.rewrite(); !w) return w.error();
        return box;
    }
    store::ScanResult scan = store::scan_records(*data, FileKind::log);
    bool damaged = scan.bad_header || scan.damaged_regions > 0;
    if (damaged)
        box.problems_.push_back(std::string(kFileName) + ": " + std::to_string(scan.damaged_regions) +
                                " damaged stretch(es) skipped");
    for (const auto& rec : scan.records) {
        if (rec.type != RecordType::operation) continue;
        auto op = decode_operation(rec.payload);
        if (!op) {
            box.problems_.push_back(std::string(kFileName) + ": " + op.error().message);
            damaged = true;
            continue;
        }
        if (box.contains(op->id)) continue;  // an append retried after a failed rewrite
        box.ops_.push_back(std::move(op.value()));
    }
    // Rewritten so later appends follow intact records.
    if (damaged)
        if (auto w = box.rewrite(); !w) return w.error();
    return box;
}

bool Outbox::contains(const OpId& id) const {
    return std::any_of(ops_.begin(), ops_.end(), [&](const Operation& op) { return op.id == id; });
}

bool Outbox::touches(EntityKind kind, std::string_view id) const {
    return std::any_of(ops_.begin(), ops_.end(), [&](const Operation& op) { return op.entity == kind && op.entity_id == id; });
}

Outcome Outbox::append(const Operation& op) {
    std::string data;
    store::append_record(data, RecordType::operation, encode_operation(op));
    if (auto w = store::append_to_file(path_, data); !w) return w;
    ops_.push_back(op);
    return {};
}

Outcome Outbox::remove(const std::set<OpId>& ids) {
    if (ids.empty()) return {};
    std::vector<Operation> kept;
    kept.reserve(ops_.size());
    for (auto& op : ops_)
        if (!ids.count(op.id)) kept.push_back(op);
    if (kept.size() == ops_.size()) return {};
    std::swap(kept, ops_);
    if (auto w = rewrite(); !w) {
        std::swap(kept, ops_);  // the file still lists them: so does memory
        return w;
    }
    return {};
}

Outcome Outbox::rewrite() {
    std::string file = store::file_header(FileKind::log);
    for (const auto& op : ops_) store::append_record(file, RecordType::operation, encode_operation(op));
    return store::write_file_atomically(path_, file);
}

}  // namespace hotline::sync
