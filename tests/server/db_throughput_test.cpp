// Append and read throughput of both backends, reported as MESSAGE lines (no timed
// assertions: the machine is shared). A push carries at most 5,000 operations; the
// server appends them in one WriteTransaction.
#include <chrono>

#include <doctest/doctest.h>

#include "server_test_support.hpp"

namespace hotline::server_test {
namespace {

void append_throughput(Backend backend) {
    auto t = fresh_database(backend, "throughput");
    constexpr int kBatches = 4;
    constexpr int kBatch = 5'000;
    double best = 0;
    double total_seconds = 0;
    for (int b = 0; b < kBatches; ++b) {
        std::vector<server::NewOp> ops;
        ops.reserve(kBatch);
        for (int i = 0; i < kBatch; ++i) {
            const std::string id = "r" + std::to_string(b) + ":" + std::to_string(i);
            auto op = test_op(id, "i" + std::to_string(i % 700));
            op.body.append(200, 'x');  // about the size of a real operation
            ops.push_back(std::move(op));
        }
        const auto start = std::chrono::steady_clock::now();
        auto tx = t.db->begin_write();
        HOTLINE_REQUIRE_OK(tx);
        auto seqs = (*tx)->append_ops(ops);
        HOTLINE_REQUIRE_OK(seqs);
        HOTLINE_REQUIRE_OK((*tx)->commit());
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        total_seconds += took.count();
        best = std::max(best, kBatch / took.count());
        CHECK(seqs->size() == static_cast<std::size_t>(kBatch));
    }
    const auto start = std::chrono::steady_clock::now();
    std::size_t read = 0;
    for (std::int64_t cursor = 0;;) {
        auto page = t.db->ops_after(cursor, 5'000);
        HOTLINE_REQUIRE_OK(page);
        if (page->empty()) break;
        read += page->size();
        cursor = page->back().seq;
    }
    const std::chrono::duration<double> read_took = std::chrono::steady_clock::now() - start;
    CHECK(read == static_cast<std::size_t>(kBatches * kBatch));
    MESSAGE(std::string(backend_name(backend)) << ": appended " << kBatches << " x " << kBatch
            << " ops, one transaction each: " << static_cast<long>(kBatches * kBatch / total_seconds)
            << " ops/s on average, best batch " << static_cast<long>(best) << " ops/s; read back in pages of "
            << "5,000: " << static_cast<long>(read / read_took.count()) << " ops/s");
}

}  // namespace

HOTLINE_DB_TEST("throughput: append 5,000-op batches, read them back", append_throughput)

}  // namespace hotline::server_test
