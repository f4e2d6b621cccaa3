#include "workload.hpp"

#include <string>

namespace hotline::bench {
namespace {

// Customers are made from these parts: 8 x 6 x 5 = 240 accounts, each with many incidents,
// as a real desk has.
struct Company {
    const char* name;
    const char* street;
    const char* phone_prefix;
    const char* domain;
};
constexpr Company kCompanies[] = {
    {"Harbour Freight", "Dock Road", "+44 117 496 ", "harbourfreight.co.uk"},
    {"Boulangerie Lefèvre", "rue des Écoles", "+33 4 78 60 ", "lefevre-pain.fr"},
    {"ООО «Северный ветер»", "ул. Ленина", "+7 815 245-", "sevveter.ru"},
    {"Trattoria Da Giulia", "Via Garibaldi", "+39 011 561 ", "dagiulia.it"},
    {"Oakridge Dental", "Market Street", "+44 113 496 ", "oakridge.co.uk"},
    {"Hôtel du Parc", "avenue Foch", "+33 4 93 88 ", "hotelduparc.fr"},
    {"Гостиница «Волга»", "наб. Волжская", "+7 485 272-", "hotel-volga.ru"},
    {"Ferramenta Rossi", "Corso Italia", "+39 02 8901 ", "rossifigli.it"},
};
constexpr const char* kCities[] = {"Bristol", "Lyon", "Мурманск", "Torino", "Leeds", "Nice"};
constexpr const char* kBranches[] = {"Head office", "North", "South", "Centre", "Airport"};

constexpr const char* kItems[] = {"Boiler CX-200", "Coffee machine Barista Pro", "Refrigerated display RD-9",
                                  "Printer LaserJet M507", "Heat pump HP-12", "POS terminal T4"};
constexpr const char* kReasons[] = {"Hardware", "Software", "Installation", "Maintenance", "Billing"};
constexpr const char* kTitles[] = {
    "No heating since this morning",    "Machine shows error E",
    "Не работает терминал оплаты",      "Stampante inceppata, codice",
    "Fuite d'eau sous l'appareil",      "Display stays dark after power cut",
    "Холодильная витрина не охлаждает", "Rumore forte durante il ciclo",
};
constexpr const char* kSymptoms[] = {
    "Customer reports the unit stopped overnight; a reset did not help.",
    "Le client signale une fuite d'eau sous l'appareil depuis hier soir.",
    "Клиент сообщает, что оборудование перестало работать после отключения электричества.",
    "Il cliente segnala un rumore anomalo e un codice di errore intermittente.",
};
constexpr const char* kEngineers[] = {"ivanova", "dupont", "rossi", "smith", "petrov", "bianchi"};

}  // namespace

WorkloadGenerator::WorkloadGenerator(std::uint64_t seed)
    : rng_(seed), replicas_{OpFactory("desk1"), OpFactory("desk2"), OpFactory("field1"), OpFactory("field2")} {
    for (std::size_t i = 0; i < replicas_.size(); ++i)
        replicas_[i].numbers().add_block({static_cast<std::int64_t>(1 + i * 10'000'000),
                                          static_cast<std::int64_t>((i + 1) * 10'000'000)});
}

std::vector<Operation> WorkloadGenerator::next(std::size_t incidents) {
    auto pick = [&](auto& arr) -> decltype(arr[0]) { return arr[rng_() % std::size(arr)]; };
    auto digits = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + rng_() % 10));
        return s;
    };
    std::vector<Operation> ops;
    ops.reserve(incidents * 10);
    for (std::size_t i = 0; i < incidents; ++i, ++made_) {
        now_ += 1000 + static_cast<std::int64_t>(rng_() % 60000);
        OpFactory& agent = replicas_[rng_() % 2];
        OpFactory& tech = replicas_[2 + rng_() % 2];
        const Company& c = pick(kCompanies);
        const char* branch = pick(kBranches);
        std::uint64_t house = 1 + rng_() % 120;
        std::string engineer = pick(kEngineers);
        // One random draw per statement: the order of operands of + is unspecified,
        // and g++ and clang would otherwise make different data from one seed.
        std::string serial = "SN-" + digits(6);
        std::string actor = "u:agent" + std::to_string(rng_() % 20);
        std::string title = pick(kTitles);
        title += " " + digits(2);
        std::string description = pick(kSymptoms);
        description += " Unit " + serial + ", site contact on " + c.phone_prefix;
        description += digits(4);
        description += ", ticket ref. " + digits(8) + ".";
        std::string city = pick(kCities);
        std::string warranty = "2027-0" + std::to_string(1 + rng_() % 9) + "-15";
        std::string item = pick(kItems);
        std::string reason = pick(kReasons);
        std::string priority = std::to_string(1 + rng_() % 4);
        std::string origin = rng_() % 3 ? "phone" : "email";
        auto create = agent.create_incident(
            actor, now_,
            {{IncidentField::title, title},
             {IncidentField::description, description},
             {IncidentField::customer_name, std::string(c.name) + " — " + branch},
             {IncidentField::customer_address, std::to_string(house) + " " + c.street + ", " + city},
             {IncidentField::customer_phone, c.phone_prefix + std::to_string(1000 + house)},
             {IncidentField::customer_email, "service@" + std::string(c.domain)},
             {IncidentField::unit_item, item},
             {IncidentField::unit_serial, serial},
             {IncidentField::unit_warranty_end, warranty},
             {IncidentField::reason_general, reason},
             {IncidentField::priority, priority},
             {IncidentField::origin, origin}});
        const std::string id = create.entity_id;
        const std::string who = "u:" + engineer;
        const std::int64_t t = now_;
        ops.push_back(std::move(create));
        ops.push_back(agent.set_field("u:dispatcher", t + 60'000, id, IncidentField::department, "Field service"));
        ops.push_back(agent.set_field("u:dispatcher", t + 61'000, id, IncidentField::engineer, engineer));
        ops.push_back(agent.transition("u:dispatcher", t + 62'000, id, IncidentStatus::assigned));
        std::string visit = "Called the customer, visit planned for " + digits(1) + ":00 tomorrow.";
        ops.push_back(tech.add_event(who, t + 3'600'000, id, "call_out", visit));
        ops.push_back(tech.transition(who, t + 3'700'000, id, IncidentStatus::in_progress));
        std::string problem = "Worn pump seal; pressure sensor drifted by " + digits(2) + "%.";
        ops.push_back(tech.set_field(who, t + 86'400'000, id, IncidentField::actual_problem, problem));
        ops.push_back(tech.set_field(who, t + 86'500'000, id, IncidentField::actual_solution,
                                     "Replaced the seal and recalibrated the sensor. Tested for 30 minutes."));
        std::string parts = "Parts used: seal kit SK-" + digits(1);
        parts += ", " + digits(1) + " h labour.";
        ops.push_back(tech.add_event(who, t + 86'600'000, id, "note", parts));
        ops.push_back(tech.transition(who, t + 86'700'000, id, IncidentStatus::solved));
    }
    return ops;
}

}  // namespace hotline::bench
