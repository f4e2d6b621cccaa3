#include "core/fields.hpp"

#include <cstring>

#include "core/limits.hpp"

namespace hotline {
namespace {

// Origin channels (C1). "api" is a machine registration (R8).
constexpr std::string_view kOrigins[] = {"phone", "email", "web", "api", "fax", "walk_in", "chat"};

constexpr FieldSpec kSpecs[] = {
    {FieldId::title, "title", "Title", FieldKind::short_text, {}},
    {FieldId::description, "description", "Description", FieldKind::long_text, {}},
    {FieldId::customer_name, "customer.name", "Customer", FieldKind::short_text, {}},
    {FieldId::customer_contact, "customer.contact", "Contact", FieldKind::short_text, {}},
    {FieldId::customer_address, "customer.address", "Address", FieldKind::short_text, {}},
    {FieldId::customer_phone, "customer.phone", "Phone", FieldKind::short_text, {}},
    {FieldId::customer_fax, "customer.fax", "Fax", FieldKind::short_text, {}},
    {FieldId::customer_email, "customer.email", "Email", FieldKind::short_text, {}},
    {FieldId::unit_item, "unit.item", "Item", FieldKind::short_text, {}},
    {FieldId::unit_serial, "unit.serial", "Serial number", FieldKind::short_text, {}},
    {FieldId::unit_warranty_end, "unit.warranty_end", "Warranty end", FieldKind::date, {}},
    {FieldId::unit_contract, "unit.contract", "Contract", FieldKind::short_text, {}},
    {FieldId::reason_general, "reason.general", "General reason", FieldKind::short_text, {}},
    {FieldId::reason_specific, "reason.specific", "Specific reason", FieldKind::short_text, {}},
    {FieldId::priority, "priority", "Priority", FieldKind::priority, {}},
    {FieldId::origin, "origin", "Origin", FieldKind::choice, kOrigins},
    {FieldId::department, "department", "Department", FieldKind::short_text, {}},
    {FieldId::engineer, "engineer", "Engineer", FieldKind::short_text, {}},
    {FieldId::diagnosis, "diagnosis", "Diagnosis", FieldKind::long_text, {}},
    {FieldId::actual_problem, "actual_problem", "Actual problem", FieldKind::long_text, {}},
    {FieldId::actual_solution, "actual_solution", "Actual solution", FieldKind::long_text, {}},
    {FieldId::resolution_general, "resolution.general", "General resolution", FieldKind::short_text, {}},
    {FieldId::resolution_specific, "resolution.specific", "Specific resolution", FieldKind::short_text, {}},
};
static_assert(std::size(kSpecs) == kFieldCount, "every FieldId needs a spec, in enum order");

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(s[static_cast<std::size_t>(i)])) return false;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace

const FieldSpec& field_spec(FieldId id) { return kSpecs[static_cast<std::size_t>(id)]; }

std::span<const FieldSpec> all_fields() { return kSpecs; }

std::optional<FieldId> field_by_name(std::string_view name) {
    for (const auto& spec : kSpecs)
        if (spec.name == name) return spec.id;
    return std::nullopt;
}

std::string_view priority_label(int priority) {
    switch (priority) {
        case 1: return "Critical";
        case 2: return "High";
        case 3: return "Normal";
        case 4: return "Low";
        default: return "?";
    }
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Runs of ASCII (most text, even in French) are checked 8 bytes at a time.
        if (i + 8 <= text.size()) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t extra;
        std::uint32_t cp;
        if (lead < 0x80) { ++i; continue; }
        if ((lead >> 5) == 0x6) { extra = 1; cp = lead & 0x1f; }
        else if ((lead >> 4) == 0xe) { extra = 2; cp = lead & 0x0f; }
        else if ((lead >> 3) == 0x1e) { extra = 3; cp = lead & 0x07; }
        else return false;
        if (i + extra >= text.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            auto cont = static_cast<unsigned char>(text[i + k]);
            if ((cont >> 6) != 0x2) return false;
            cp = (cp << 6) | (cont & 0x3f);
        }
        // Reject overlong forms, surrogates and values past U+10FFFF.
        static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        i += extra + 1;
    }
    return true;
}

Outcome check_field_value(FieldId id, std::string_view text) {
    const FieldSpec& spec = field_spec(id);
    auto fail = [&](std::string what) {
        return make_error("bad_value", "'" + std::string(spec.label) + "' " + what);
    };
    if (!is_valid_utf8(text)) return fail("is not valid UTF-8 text");
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')
            return fail("contains a control character");
    switch (spec.kind) {
        case FieldKind::short_text:
            if (text.size() > limits::kShortTextMax)
                return fail("is longer than " + std::to_string(limits::kShortTextMax) + " bytes");
            if (text.find('\n') != std::string_view::npos) return fail("must be one line");
            return {};
        case FieldKind::long_text:
            if (text.size() > limits::kLongTextMax)
                return fail("is longer than " + std::to_string(limits::kLongTextMax) + " bytes");
            return {};
        case FieldKind::date:
            if (!text.empty() && !is_valid_date(text)) return fail("must be a date YYYY-MM-DD");
            return {};
        case FieldKind::priority:
            if (text.size() != 1 || text[0] < '0' + kPriorityCritical || text[0] > '0' + kPriorityLow)
                return fail("must be 1 (critical) to 4 (low)");
            return {};
        case FieldKind::choice:
            for (auto choice : spec.choices)
                if (choice == text) return {};
            return fail("must be one of the listed values");
    }
    return fail("has an unknown kind");
}

Result<std::string> canonical_field_value(FieldId id, std::string_view text) {
    if (auto ok = check_field_value(id, text); !ok) return ok.error();
    return std::string(text);
}

}  // namespace hotline
