#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

#include "core/row_index.hpp"

using namespace hotline;

namespace {

Entity record(std::string id) {
    Entity e;
    e.id = std::move(id);
    return e;
}

}  // namespace

TEST_CASE("the row index finds each row by its id and refuses an id twice") {
    RowIndex::Rows rows;
    RowIndex index;
    for (int i = 0; i < 5000; ++i) {
        rows.push_back(record("r1:" + std::to_string(i)));
        REQUIRE(index.insert(static_cast<std::uint32_t>(i), rows));
    }
    CHECK(index.size() == 5000);
    for (int i = 0; i < 5000; ++i) CHECK(index.find("r1:" + std::to_string(i), rows) == std::optional<std::uint32_t>(i));
    CHECK_FALSE(index.find("r1:5000", rows));
    CHECK_FALSE(index.find("", rows));
    rows.push_back(record("r1:17"));  // the same id on another row
    CHECK_FALSE(index.insert(5000, rows));
    CHECK(index.find("r1:17", rows) == std::optional<std::uint32_t>(17));
    CHECK(index.size() == 5000);
}

// Random inserts and erases against std::map: erasing moves later slots of a probe run
// back (no tombstones), which every remaining id must survive.
TEST_CASE("the row index agrees with a map over random inserts and erases") {
    std::mt19937 random(20261207);
    RowIndex::Rows rows;
    RowIndex index;
    index.reserve(100);  // small: long probe runs and many growths
    std::map<std::string, std::uint32_t> model;
    for (int step = 0; step < 20000; ++step) {
        const std::string id = "k" + std::to_string(random() % 3000);
        if (random() % 3 != 0) {
            rows.push_back(record(id));
            const auto row = static_cast<std::uint32_t>(rows.size() - 1);
            CHECK(index.insert(row, rows) == model.emplace(id, row).second);
        } else {
            CHECK(index.erase(id, rows) == (model.erase(id) == 1));
        }
        if (step % 1000 == 0) {
            REQUIRE(index.size() == model.size());
            for (const auto& [key, row] : model) REQUIRE(index.find(key, rows) == std::optional<std::uint32_t>(row));
        }
    }
    for (int k = 0; k < 3000; ++k) {
        const std::string id = "k" + std::to_string(k);
        const auto it = model.find(id);
        CHECK(index.find(id, rows) == (it == model.end() ? std::nullopt : std::optional<std::uint32_t>(it->second)));
    }
}
