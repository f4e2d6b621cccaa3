// First sync and incremental sync, as a client replica does them: pull pages, decode them
// (protocol::decode_pull_reply) and fold each operation into a Desk (Desk::apply).
// Transfer = time inside the pull requests; fold = parsing, decoding and applying. The
// client does them one after the other, so total = transfer + fold (a client that pulled
// the next page while folding this one would approach the larger of the two).
#include <algorithm>
#include <chrono>

#include "core/desk.hpp"
#include "protocol/read_messages.hpp"
#include "scenarios.hpp"

namespace hotline::server_bench {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct PageFold {
    std::size_t ops = 0;
    std::int64_t cursor = 0;
    bool more = false;
};

// Folds one pull page into `desk`; every operation must apply (the server stored it).
PageFold fold_page(const std::string& body, Desk& desk) {
    auto page = protocol::decode_pull_reply(body);
    if (!page) die(page.error().message);
    PageFold out;
    for (const protocol::SequencedOp& entry : page->ops) {
        const ApplyResult applied = desk.apply(entry.op);
        if (applied.kind == ApplyKind::rejected) die("pulled operation refused by the client desk: " + applied.error.message);
        ++out.ops;
    }
    out.cursor = page->cursor;
    out.more = page->more;
    return out;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

void Scenarios::first_sync_and_incremental(Results& r) {
    auto reader = client("reader", 3);
    Desk desk;
    std::int64_t cursor = 0;
    double transfer_ms = 0, fold_ms = 0;
    const auto t_all = Clock::now();
    for (bool more = true; more;) {
        auto t0 = Clock::now();
        auto page = reader->pull(cursor, 5000);
        transfer_ms += ms_since(t0);
        if (!page) die(page.error().message);
        r.sync_bytes += page->size();
        ++r.sync_pages;
        t0 = Clock::now();
        const PageFold folded = fold_page(*page, desk);
        fold_ms += ms_since(t0);
        r.sync_ops += folded.ops;
        cursor = folded.cursor;
        more = folded.more;
    }
    r.sync_total_s = ms_since(t_all) / 1000.0;
    r.sync_transfer_s = transfer_ms / 1000.0;
    r.sync_fold_s = fold_ms / 1000.0;
    r.sync_incidents = desk.incidents().size();

    // Incremental: w0 changes 100 of its incidents in one push; the reader, up to date,
    // pulls exactly those 100 operations and folds them.
    std::vector<double> push_ms, pull_ms, pull_fold_ms;
    for (std::size_t rep = 0; rep < config_.reps; ++rep) {
        std::vector<Operation> ops;
        for (int i = 0; i < 100; ++i) ops.push_back(writer_->writer().edit(now_ms()));
        const std::string body = writer_->encode_push(ops, 0);
        auto t0 = Clock::now();
        auto pushed = writer_->push(body);
        push_ms.push_back(ms_since(t0));
        if (!pushed) die(pushed.error().message);

        t0 = Clock::now();
        auto page = reader->pull(cursor, 1000);
        pull_ms.push_back(ms_since(t0));
        if (!page) die(page.error().message);
        t0 = Clock::now();
        const PageFold folded = fold_page(*page, desk);
        pull_fold_ms.push_back(ms_since(t0));
        if (folded.ops != 100) die("incremental pull carried " + std::to_string(folded.ops) + " operations, not 100");
        cursor = folded.cursor;
    }
    r.incr_push_ms = median(push_ms);
    r.incr_pull_ms = median(pull_ms);
    r.incr_fold_ms = median(pull_fold_ms);
}

}  // namespace hotline::server_bench
