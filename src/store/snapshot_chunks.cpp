#include "store/snapshot_chunks.hpp"

#include <algorithm>

#include "core/schema.hpp"

namespace hotline::store {

void note_damage(LoadReport& report, const std::string& file, const ScanResult& scan) {
    if (scan.bad_header)
        report.problems.push_back(file + ": file header damaged or not a Hotline file of this kind");
    if (scan.damaged_regions == 0) return;
    report.damaged_records += scan.damaged_regions;
    report.problems.push_back(file + ": " + std::to_string(scan.damaged_regions) + " damaged stretch(es), " +
                              std::to_string(scan.damaged_bytes) + " bytes skipped" +
                              (scan.torn_tail ? " (torn tail)" : ""));
}

std::vector<const Entity*> all_records(const Desk& desk) {
    std::vector<const Entity*> records;
    for (EntityKind kind : kAllEntityKinds)
        for (const Entity& e : desk.entities(kind)) records.push_back(&e);
    return records;
}

Outcome encode_snapshot(const SnapshotContent& content,
                        const std::function<Outcome(std::size_t k, std::string& chunk)>& sink, std::size_t per_chunk) {
    const auto records = content.records;
    DeskHeader header{content.replicas, content.actors, {}, content.seen, content.newest_hlc, records.size(), 0};
    header.chunk_count = static_cast<std::uint32_t>(
        std::max<std::size_t>(1, (records.size() + per_chunk - 1) / per_chunk));
    std::string header_payload;
    encode_desk_header(header_payload, header);

    std::string chunk, payload, table_payload;
    for (std::uint32_t k = 0; k < header.chunk_count; ++k) {
        std::size_t begin = k * per_chunk;
        std::size_t end = std::min(records.size(), begin + per_chunk);
        StringTableBuilder table;
        for (std::size_t i = begin; i < end; ++i) table.add(*records[i]);
        table.finish();
        table_payload.clear();
        encode_string_table(table_payload, table.entries());

        chunk = file_header(FileKind::snapshot);
        append_record(chunk, RecordType::desk_header, header_payload);
        append_record(chunk, RecordType::string_table, table_payload);
        for (std::size_t i = begin; i < end; ++i) {
            payload.clear();
            encode_entity(payload, *records[i], table, content.replicas);
            append_record(chunk, RecordType::entity, payload);
        }
        // Second copies at the other end, so one damaged record cannot lose the chunk.
        append_record(chunk, RecordType::string_table, table_payload);
        append_record(chunk, RecordType::desk_header, header_payload);
        if (auto taken = sink(k, chunk); !taken) return taken;
    }
    return {};
}

// Format 1 chunks (incident records, event types in the header) load as records of
// today's kinds.
void SnapshotReader::read(const std::string& name, std::string_view data, LoadReport& report) {
    ScanResult scan = scan_records(data, FileKind::snapshot);
    note_damage(report, name, scan);
    // The header and the string table are written at both ends of a chunk: take the first
    // intact copy of each before reading records.
    std::optional<std::vector<std::string>> table;
    for (const auto& rec : scan.records) {
        if (rec.type == RecordType::desk_header && !header_) {
            auto h = decode_desk_header(rec.payload);
            if (!h) {
                report.problems.push_back(name + ": " + h.error().message);
                continue;
            }
            header_ = std::move(h.value());
            header_payload_ = rec.payload;
        } else if (rec.type == RecordType::desk_header && rec.payload != header_payload_) {
            report.problems.push_back(name + ": belongs to another snapshot (its header differs)");
        } else if (rec.type == RecordType::string_table && !table) {
            auto t = decode_string_table(rec.payload);
            if (t) table = std::move(t.value());
            else report.problems.push_back(name + ": " + t.error().message);
        }
    }
    if (!table) {
        report.problems.push_back(name + ": no readable string table; its records are lost");
        return;
    }
    // The header's replica table decodes the records' stamps: without it (no intact copy in
    // this chunk or an earlier one) they cannot be read.
    if (!header_) {
        report.problems.push_back(name + ": no readable header; its records are lost");
        return;
    }
    for (const auto& rec : scan.records) {
        Result<Entity> record = make_error("none", "");
        if (rec.type == RecordType::entity) record = decode_entity(rec.payload, *table, header_->replicas);
        else if (rec.type == RecordType::incident) record = decode_format1_incident(rec.payload, *table, header_->replicas);
        else continue;
        if (!record) {
            report.problems.push_back(name + ": " + record.error().message);
            ++report.damaged_records;
            continue;
        }
        incidents_ += record->kind == EntityKind::incident;
        records_.push_back(std::move(record.value()));
    }
}

Outcome SnapshotReader::read_intact(const std::string& name, std::string_view chunk) {
    const std::size_t records_before = records_.size(), incidents_before = incidents_;
    const bool had_header = header_.has_value();
    LoadReport report;
    read(name, chunk, report);
    if (report.clean()) return {};
    records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(records_before), records_.end());
    incidents_ = incidents_before;
    if (!had_header) {
        header_.reset();
        header_payload_.clear();
    }
    return make_error("corrupt_chunk", report.problems.front());
}

Desk::Parts SnapshotReader::finish(const std::string& label, LoadReport& report) && {
    Desk::Parts parts;
    if (!header_) {
        report.problems.push_back(label + ": no readable header; records cannot be trusted and were dropped");
        return parts;
    }
    if (records_.size() != header_->record_count)
        report.problems.push_back(label + ": " + std::to_string(records_.size()) + " of " +
                                  std::to_string(header_->record_count) + " records readable");
    parts.entities = std::move(records_);
    // Format 1 kept event types in the header, defaults included.
    for (Entity& type : header_->format1_event_types) parts.entities.push_back(std::move(type));
    parts.replicas = std::move(header_->replicas);
    parts.actors = std::move(header_->actors);
    parts.seen = std::move(header_->seen);
    parts.newest_hlc = std::move(header_->newest_hlc);
    return parts;
}

}  // namespace hotline::store
