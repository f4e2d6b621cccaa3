#include "app/lookup_timing.hpp"

#include <chrono>

#include "core/entity_fields.hpp"

namespace hotline::app {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) >> 6) == 0x2; }

}  // namespace

KeystrokeTimes time_customer_typing(CustomerLookup& lookup, std::span<const std::string> words) {
    KeystrokeTimes t;
    double total = 0;
    for (const std::string& word : words) {
        for (std::size_t n = 1; n <= word.size(); ++n) {
            if (n < word.size() && is_continuation_byte(word[n])) continue;  // inside a character
            const auto t0 = Clock::now();
            const auto found = lookup.find(std::string_view(word).substr(0, n));
            const double ms = ms_since(t0);
            if (ms > t.worst_ms) {
                t.worst_ms = ms;
                t.worst_query = word.substr(0, n);
            }
            total += ms;
            ++t.keys;
            (void)found;
        }
    }
    t.mean_ms = t.keys ? total / static_cast<double>(t.keys) : 0;
    return t;
}

SerialTimes time_serial_lookups(UnitLookup& lookup, const Desk& desk, std::size_t rounds) {
    SerialTimes t;
    const EntityList& units = desk.entities(EntityKind::unit);
    if (units.empty() || rounds == 0) return t;
    const auto t0 = Clock::now();
    for (std::size_t i = 0; i < rounds; ++i) {
        const std::string_view serial = units[(i * 7919) % units.size()].value(UnitField::serial);
        t.found += lookup.find(i % 2 ? std::string_view(serial) : std::string_view(serial).substr(0, 6)).size();
    }
    t.lookups = rounds;
    t.mean_ms = ms_since(t0) / static_cast<double>(rounds);
    return t;
}

}  // namespace hotline::app
