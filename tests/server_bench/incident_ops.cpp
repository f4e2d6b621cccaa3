#include "incident_ops.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace hotline::server_bench {
namespace {

constexpr std::array<std::string_view, 8> kCustomers = {
    "Harbour Logistics Ltd", "Boulangerie Martin", "ООО «Северный порт»", "Trattoria da Giulia",
    "Greenfield Dental",     "Hôtel des Alpes",    "Завод «Прогресс»",    "Ferramenta Rossi"};
constexpr std::array<std::string_view, 6> kItems = {"Espresso machine E61", "Label printer LP-400",
                                                     "POS terminal T2",      "Chiller CX-9",
                                                     "Dishwasher DW-12",     "Network switch S24"};
constexpr std::array<std::string_view, 5> kReasons = {"No power", "Leak", "Error code", "Noise", "No network"};
constexpr std::array<std::string_view, 4> kDepartments = {"Field service", "Workshop", "Remote support", "Install"};
constexpr std::array<std::string_view, 24> kWords = {
    "the",     "unit",  "stops",    "after",   "warm-up", "customer", "reports", "error",
    "E42",     "on",    "display",  "pressure", "drops",  "when",     "grinder", "runs",
    "checked", "fuse",  "replaced", "gasket",  "leaking", "under",    "boiler",  "again"};

}  // namespace

IncidentWriter::IncidentWriter(std::string replica, std::string login, std::uint64_t seed)
    : factory_(std::move(replica)), actor_("u:" + std::move(login)), rng_(seed) {}

std::string IncidentWriter::words(std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        if (i) text += ' ';
        text += kWords[rng_() % kWords.size()];
    }
    return text;
}

void IncidentWriter::new_incidents(std::size_t count, std::int64_t now_ms, std::vector<Operation>& out) {
    auto pick = [this](const auto& list) { return std::string(list[rng_() % list.size()]); };
    for (std::size_t i = 0; i < count; ++i) {
        const std::string serial = "SN" + std::to_string(100000 + rng_() % 900000);
        std::vector<std::pair<FieldId, std::string>> fields = {
            {IncidentField::title, pick(kItems) + ": " + pick(kReasons)},
            {IncidentField::description, words(30)},
            {IncidentField::customer_name, pick(kCustomers)},
            {IncidentField::customer_phone, "+44 20 7946 " + std::to_string(1000 + rng_() % 9000)},
            {IncidentField::customer_email, "service@example.org"},
            {IncidentField::unit_item, pick(kItems)},
            {IncidentField::unit_serial, serial},
            {IncidentField::reason_general, pick(kReasons)},
            {IncidentField::priority, std::to_string(1 + rng_() % 4)},
            {IncidentField::department, pick(kDepartments)},
        };
        Operation create = factory_.create_incident(actor_, now_ms, std::move(fields));
        const std::string id = create.entity_id;
        out.push_back(std::move(create));
        out.push_back(factory_.set_field(actor_, now_ms, id, IncidentField::title, pick(kItems) + " " + serial));
        out.push_back(factory_.set_field(actor_, now_ms, id, IncidentField::description, words(40)));
        out.push_back(factory_.set_field(actor_, now_ms, id, IncidentField::priority, std::to_string(1 + rng_() % 4)));
        ids_.push_back(id);
    }
}

Operation IncidentWriter::edit(std::int64_t now_ms) {
    const std::string& id = ids_[rng_() % ids_.size()];
    switch (edits_++ % 3) {
        case 0: return factory_.set_field(actor_, now_ms, id, IncidentField::title, "Follow-up: " + words(4));
        case 1: return factory_.set_field(actor_, now_ms, id, IncidentField::description, words(25));
        default: return factory_.set_field(actor_, now_ms, id, IncidentField::priority, std::to_string(1 + rng_() % 4));
    }
}

}  // namespace hotline::server_bench
