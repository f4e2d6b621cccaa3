// EventList (core/event_list.hpp): a record's events kept encoded, read in place, kept
// in stamp order however they arrive.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/event_list.hpp"

using namespace hotline;

namespace {

struct Owned {
    std::string id;
    Stamp stamp;
    std::string actor, type, text;
};

bool older(const Stamp& a, const Stamp& b) { return a.wall_ms != b.wall_ms ? a.wall_ms < b.wall_ms : a.counter < b.counter; }

void insert(EventList& list, const Owned& o) {
    list.insert_before_first(Event{o.id, o.stamp, o.actor, o.type, o.text}, [&](const Stamp& s) { return older(o.stamp, s); });
}

}  // namespace

TEST_CASE("event list: empty, then events read back with every field") {
    EventList list;
    CHECK(list.empty());
    CHECK(list.begin() == list.end());
    CHECK(list[0] == Event{});
    insert(list, {"web1:7", {1'790'000'000'000, 3, 2}, "u:anna", "call_in", "Guests without hot water.\nSince 6:00."});
    insert(list, {"web1:9", {-5, 0, 0}, "u:tom", "note", ""});
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == "web1:9");
    CHECK(list[0].stamp == Stamp{-5, 0, 0});
    CHECK(list[0].text.empty());
    CHECK(list.back().id == "web1:7");
    CHECK(list.back().stamp == Stamp{1'790'000'000'000, 3, 2});
    CHECK(list.back().actor == "u:anna");
    CHECK(list.back().type == "call_in");
    CHECK(list.back().text == "Guests without hot water.\nSince 6:00.");
}

TEST_CASE("event list: random arrival order ends in stamp order, equal lists compare equal") {
    std::mt19937 rng(11);
    std::vector<Owned> events;
    for (int i = 0; i < 300; ++i)
        events.push_back({"r:" + std::to_string(i), {static_cast<std::int64_t>(rng() % 1000), static_cast<std::uint32_t>(i), 1},
                          "u:" + std::string(rng() % 12, 'a'), "note", std::string(rng() % 200, 'x')});
    EventList a, b;
    for (const Owned& e : events) insert(a, e);
    std::shuffle(events.begin(), events.end(), rng);
    for (const Owned& e : events) insert(b, e);
    CHECK(a == b);
    std::sort(events.begin(), events.end(), [](const Owned& x, const Owned& y) { return older(x.stamp, y.stamp); });
    REQUIRE(a.size() == events.size());
    std::size_t i = 0;
    for (const Event& e : a) {
        CHECK(e.id == events[i].id);
        CHECK(e.actor == events[i].actor);
        CHECK(e.text == events[i].text);
        ++i;
    }
    CHECK(i == events.size());
}

TEST_CASE("event list: assign in one go equals inserting one by one") {
    const std::vector<Owned> events = {{"a:1", {-3, 0, 0}, "u:x", "note", ""},
                                       {"a:2", {1'790'000'000'000, 70000, 300}, std::string(300, 'y'), "call_in", std::string(5000, 'z')}};
    EventList one_by_one, at_once;
    for (const Owned& e : events) insert(one_by_one, e);
    std::vector<Event> views;
    for (const Owned& e : events) views.push_back(Event{e.id, e.stamp, e.actor, e.type, e.text});
    at_once.assign(views);
    CHECK(at_once == one_by_one);
    CHECK(at_once.size() == 2);
}
