// W15 transaction log: history blobs (history.hpp) and the rendered log
// (transaction_log.hpp), fed by Desk::apply.
#include <doctest/doctest.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/desk.hpp"
#include "core/history.hpp"
#include "core/op_factory.hpp"
#include "core/transaction_log.hpp"
#include "test_support.hpp"

using namespace hotline;
using hotline::testing::kBaseMs;

namespace {

std::string row(const TxEntry& e) {
    return std::to_string(static_cast<int>(e.kind)) + "|" + std::to_string(e.wall_ms) + "|" + e.actor + "|" +
           e.field + "|" + e.old_value + "|" + e.new_value;
}

std::string rows(const std::vector<TxEntry>& log) {
    std::string out;
    for (const auto& e : log) out += row(e) + "\n";
    return out;
}

TxEntry tx(TxKind kind, std::int64_t wall, std::string actor, std::string field, std::string old_v,
           std::string new_v) {
    return TxEntry{kind, wall, std::move(actor), std::move(field), std::move(old_v), std::move(new_v)};
}

}  // namespace

TEST_CASE("transaction log: creation shows one row per non-empty initial value") {
    Desk desk;
    OpFactory f("r1");
    f.numbers().add_block({10042, 10042});
    Operation create = f.create_incident("u:ivanova", kBaseMs,
                                         {{IncidentField::title, "Printer jammed"},
                                          {IncidentField::customer_name, "Иван Петров"},
                                          {IncidentField::customer_phone, ""},
                                          {IncidentField::description, "two\nlines"}});
    REQUIRE(desk.apply(create).kind == ApplyKind::applied);
    auto log = render_transaction_log(desk, *desk.find(create.entity_id));
    std::vector<TxEntry> want = {
        tx(TxKind::created, kBaseMs, "u:ivanova", "number", "", "10042"),
        tx(TxKind::field, kBaseMs, "u:ivanova", "title", "", "Printer jammed"),
        tx(TxKind::field, kBaseMs, "u:ivanova", "description", "", "two\nlines"),
        tx(TxKind::field, kBaseMs, "u:ivanova", "customer.name", "", "Иван Петров"),
        tx(TxKind::field, kBaseMs, "u:ivanova", "priority", "", "3"),  // defaults are initial values too
        tx(TxKind::field, kBaseMs, "u:ivanova", "origin", "", "phone"),
    };
    CHECK(rows(log) == rows(want));
    CHECK(log == want);
}

TEST_CASE("transaction log: every later change with old and new value, author and date") {
    Desk desk;
    OpFactory r1("r1"), r2("r2");
    Operation create = r1.create_incident("u:ivanova", kBaseMs,
                                          {{IncidentField::title, "Printer jammed"}, {IncidentField::priority, "2"}});
    REQUIRE(desk.apply(create).kind == ApplyKind::applied);
    const std::string id = create.entity_id;
    r2.clock().observe(create.hlc, kBaseMs);

    std::vector<Operation> ops = {
        r2.set_field("u:petrov", kBaseMs + 1000, id, IncidentField::title, "Printer jammed again"),
        r2.set_field("u:petrov", kBaseMs + 2000, id, IncidentField::engineer, "Петров"),
        r2.add_event("u:petrov", kBaseMs + 3000, id, "call_out", "Called the customer"),
        r2.set_field("u:petrov", kBaseMs + 4000, id, IncidentField::title, "Paper jam, tray 2"),
        r2.transition("u:petrov", kBaseMs + 5000, id, IncidentStatus::in_progress),
        r2.set_field("u:petrov", kBaseMs + 6000, id, IncidentField::priority, "1"),
        r1.set_field("u:ivanova", kBaseMs + 1500, id, IncidentField::priority, "4"),  // older, arrives last
    };
    for (std::size_t i = 0; i + 1 < ops.size(); ++i) REQUIRE(desk.apply(ops[i]).kind == ApplyKind::applied);
    REQUIRE(desk.apply(ops.back()).kind == ApplyKind::superseded);

    const Incident& inc = *desk.find(id);
    auto log = render_transaction_log(desk, inc);
    const std::string event_id = ops[2].id.to_string();
    std::vector<TxEntry> want = {
        tx(TxKind::created, kBaseMs, "u:ivanova", "number", "", "P-r1-1"),
        // Initial values, not the current ones: the title changed twice, the priority once.
        tx(TxKind::field, kBaseMs, "u:ivanova", "title", "", "Printer jammed"),
        tx(TxKind::field, kBaseMs, "u:ivanova", "priority", "", "2"),
        tx(TxKind::field, kBaseMs, "u:ivanova", "origin", "", "phone"),
        tx(TxKind::field, kBaseMs + 1000, "u:petrov", "title", "Printer jammed", "Printer jammed again"),
        tx(TxKind::field, kBaseMs + 2000, "u:petrov", "engineer", "", "Петров"),
        tx(TxKind::event, kBaseMs + 3000, "u:petrov", "call_out", "", event_id),
        tx(TxKind::field, kBaseMs + 4000, "u:petrov", "title", "Printer jammed again", "Paper jam, tray 2"),
        tx(TxKind::status, kBaseMs + 5000, "u:petrov", "status", "registered", "in_progress"),
        tx(TxKind::field, kBaseMs + 6000, "u:petrov", "priority", "2", "1"),
        tx(TxKind::superseded, kBaseMs + 1500, "u:ivanova", "priority", "", "4"),  // the lost write
    };
    CHECK(rows(log) == rows(want));
    // The event row points at the event itself.
    REQUIRE(inc.events.size() == 1);
    CHECK(inc.events[0].id == event_id);
    CHECK(inc.events[0].text == "Called the customer");
}

TEST_CASE("transaction log: a field set at creation and cleared later keeps its initial row") {
    Desk desk;
    OpFactory f("r1");
    Operation create = f.create_incident("u:a", kBaseMs, {{IncidentField::title, "T"}, {IncidentField::engineer, "Petrov"}});
    REQUIRE(desk.apply(create).kind == ApplyKind::applied);
    REQUIRE(desk.apply(f.set_field("u:b", kBaseMs + 1, create.entity_id, IncidentField::engineer, "")).kind ==
            ApplyKind::applied);
    auto log = render_transaction_log(desk, *desk.find(create.entity_id));
    std::string text = rows(log);
    CHECK(text.find(row(tx(TxKind::field, kBaseMs, "u:a", "engineer", "", "Petrov"))) != std::string::npos);
    CHECK(row(log.back()) == row(tx(TxKind::field, kBaseMs + 1, "u:b", "engineer", "Petrov", "")));
}

TEST_CASE("transaction log: renumber rows, and the created row keeps the number it was created with") {
    Desk desk;
    OpFactory f("r1"), server("srv");
    Operation create = f.create_incident("u:a", kBaseMs, {{IncidentField::title, "T"}});
    REQUIRE(desk.apply(create).kind == ApplyKind::applied);
    REQUIRE(desk.apply(server.renumber("s:sync", kBaseMs + 9, create.entity_id, 777)).kind == ApplyKind::applied);
    auto log = render_transaction_log(desk, *desk.find(create.entity_id));
    REQUIRE(log.size() >= 2);
    CHECK(row(log.front()) == row(tx(TxKind::created, kBaseMs, "u:a", "number", "", "P-r1-1")));
    CHECK(row(log.back()) == row(tx(TxKind::renumber, kBaseMs + 9, "s:sync", "number", "P-r1-1", "777")));
}

TEST_CASE("history: writer and decoder round trip every entry kind") {
    std::string blob;
    // Entries name their actor by index in the desk's actor table.
    const std::vector<std::string> actors = {"u:a", "u:b", "u:c", "u:d", "u:e", "s:sync", "u:f"};
    HistoryWriter(blob, 0).created(kBaseMs, "10042");
    HistoryWriter(blob, 1).field(kBaseMs + 1, IncidentField::customer_email, "");
    HistoryWriter(blob, 2).superseded(kBaseMs + 2, IncidentField::priority, "4");
    HistoryWriter(blob, 3).event(kBaseMs + 3, "note", "r1:7");
    HistoryWriter(blob, 4).status(kBaseMs + 4, IncidentStatus::solved, IncidentStatus::accepted);
    HistoryWriter(blob, 5).renumber(kBaseMs + 5, "P-r1-1", "10050");
    HistoryWriter(blob, 6).field(-5, IncidentField::description, "старое\n" + std::string(1000, 'x'));  // negative wall survives
    // A field entry stores the old side only; render_transaction_log derives the new side.
    std::vector<TxEntry> want = {
        tx(TxKind::created, kBaseMs, "u:a", "number", "", "10042"),
        tx(TxKind::field, kBaseMs + 1, "u:b", "customer.email", "", ""),
        tx(TxKind::superseded, kBaseMs + 2, "u:c", "priority", "", "4"),
        tx(TxKind::event, kBaseMs + 3, "u:d", "note", "", "r1:7"),
        tx(TxKind::status, kBaseMs + 4, "u:e", "status", "solved", "accepted"),
        tx(TxKind::renumber, kBaseMs + 5, "s:sync", "number", "P-r1-1", "10050"),
        tx(TxKind::field, -5, "u:f", "description", "старое\n" + std::string(1000, 'x'), ""),
    };
    auto got = decode_history(blob, actors, EntityKind::incident);
    CHECK(rows(got) == rows(want));

    // A damaged blob yields the entries before the damage: any truncation gives a prefix.
    for (std::size_t cut = 0; cut < blob.size(); ++cut) {
        auto part = decode_history(std::string_view(blob).substr(0, cut), actors, EntityKind::incident);
        REQUIRE(part.size() < want.size());
        for (std::size_t i = 0; i < part.size(); ++i) REQUIRE(part[i] == want[i]);
    }
    // An unknown kind byte stops decoding there.
    std::string bad = blob;
    bad.push_back(static_cast<char>(0x7f));
    bad += blob;
    CHECK(decode_history(bad, actors, EntityKind::incident).size() == want.size());
    // Random corruption never crashes and never yields more entries than bytes.
    hotline::testing::Rng rng(5);
    for (int i = 0; i < 3000; ++i) {
        std::string c = blob;
        for (int k = 0; k < 3; ++k)
            c[static_cast<std::size_t>(hotline::testing::uniform(rng, 0, static_cast<std::int64_t>(c.size()) - 1))] =
                static_cast<char>(hotline::testing::uniform(rng, 0, 255));
        auto entries = decode_history(c, actors, EntityKind::incident);
        REQUIRE(entries.size() <= c.size());
        for (const auto& e : entries) {
            if (e.kind == TxKind::status) {
                CHECK(status_by_name(e.old_value).has_value());
                CHECK(status_by_name(e.new_value).has_value());
            }
            if (e.kind == TxKind::field || e.kind == TxKind::superseded) CHECK(field_by_name(EntityKind::incident, e.field).has_value());
        }
    }
}

TEST_CASE("transaction log: random histories render exactly what an independent model expects") {
    // The model replays the operations in arrival order with its own state, and lists the
    // rows W15 asks for: created + initial values, then one row per change.
    namespace ht = hotline::testing;
    ht::RandomOpsOptions options;
    options.replicas = 4;
    options.transitions = true;
    options.renumbers = true;
    options.event_types = true;
    for (std::uint64_t seed : {21u, 22u, 23u, 24u, 25u}) {
        CAPTURE(seed);
        auto ops = ht::random_operations(seed, 400, options);
        Desk desk;
        REQUIRE(ht::apply_all(desk, ops).rejected == 0);

        struct Model {
            std::vector<std::string> values = std::vector<std::string>(field_count(EntityKind::incident));
            std::vector<Hlc> stamps = std::vector<Hlc>(field_count(EntityKind::incident));
            IncidentStatus status = IncidentStatus::registered;
            std::string number;
            std::vector<TxEntry> rows;
        };
        std::map<std::string, Model> models;
        std::size_t superseded_rows = 0;
        for (const auto& op : ops) {
            if (op.entity != EntityKind::incident) continue;
            if (op.type == OpType::create) {
                Model& m = models[op.entity_id];
                m.values[static_cast<std::size_t>(IncidentField::priority)] = "3";
                m.values[static_cast<std::size_t>(IncidentField::origin)] = "phone";
                for (const auto& [f, v] : op.fields) m.values[static_cast<std::size_t>(f)] = v;
                std::fill(m.stamps.begin(), m.stamps.end(), op.hlc);
                m.number = op.number.display();
                m.rows.push_back(tx(TxKind::created, op.hlc.wall_ms, op.actor, "number", "", m.number));
                for (const auto& spec : fields_of(EntityKind::incident))
                    if (!m.values[static_cast<std::size_t>(spec.id)].empty())
                        m.rows.push_back(tx(TxKind::field, op.hlc.wall_ms, op.actor, std::string(spec.name), "",
                                            m.values[static_cast<std::size_t>(spec.id)]));
                continue;
            }
            Model& m = models.at(op.entity_id);
            switch (op.type) {
                case OpType::set: {
                    auto f = static_cast<std::size_t>(op.field);
                    std::string name(field_spec(EntityKind::incident, op.field).name);
                    if (op.hlc > m.stamps[f]) {
                        m.rows.push_back(tx(TxKind::field, op.hlc.wall_ms, op.actor, name, m.values[f], op.text));
                        m.values[f] = op.text;
                        m.stamps[f] = op.hlc;
                    } else {
                        m.rows.push_back(tx(TxKind::superseded, op.hlc.wall_ms, op.actor, name, "", op.text));
                        ++superseded_rows;
                    }
                    break;
                }
                case OpType::add_event:
                    m.rows.push_back(tx(TxKind::event, op.hlc.wall_ms, op.actor, op.event_type, "", op.id.to_string()));
                    break;
                case OpType::transition:
                    m.rows.push_back(tx(TxKind::status, op.hlc.wall_ms, op.actor, "status",
                                        std::string(status_name(m.status)), std::string(status_name(op.to))));
                    m.status = op.to;
                    break;
                case OpType::renumber:
                    if (m.number != op.number.display()) {
                        m.rows.push_back(tx(TxKind::renumber, op.hlc.wall_ms, op.actor, "number", m.number,
                                            op.number.display()));
                        m.number = op.number.display();
                    }
                    break;
                case OpType::create:
                case OpType::merge: break;  // random_operations makes no merges
            }
        }
        REQUIRE(models.size() == desk.incidents().size());
        for (const auto& entry : models) {
            const std::string& id = entry.first;  // not a structured binding: CAPTURE's lambda (clang 14)
            const Model& m = entry.second;
            CAPTURE(id);
            const Incident* inc = desk.find(id);
            REQUIRE(inc != nullptr);
            CHECK(inc->values.to_strings() == m.values);
            CHECK(rows(render_transaction_log(desk, *inc)) == rows(m.rows));
        }
        CHECK(superseded_rows > 0);  // the generator produced lost writes to show
    }
}
