// W5: a code of a two-level tree (core/code_tree.hpp) chosen with two combos side by
// side: the general code, then one of its specific codes. The field holds one code,
// so choosing a general code replaces a specific one of another general code; a
// general code alone is a valid choice. Retired codes are not offered, but the one
// held stays shown.
#include "app/i18n.hpp"
#include "core/code_tree.hpp"
#include "ui/field_form.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

// The labels that name the two combos (for people and the browser tests).
struct CodeTreeLabels {
    const char* general;
    const char* specific;
};

CodeTreeLabels labels_of(EntityKind kind) {
    if (kind == EntityKind::reason_code) return {app::tr_key("General reason"), app::tr_key("Specific reason")};
    return {app::tr_key("General resolution"), app::tr_key("Specific resolution")};
}

// One combo over `codes`; `none` is the entry that chooses no code at this level.
void code_combo(const char* id, const std::string& name, const Entity* shown, const std::vector<const Entity*>& codes,
                const std::string& none_value, std::string& value) {
    const std::string preview = shown ? std::string(record_title(*shown)) : T("(none)");
    const bool open = ImGui::BeginCombo(id, preview.c_str());
    name_last_item(name.c_str());
    if (!open) return;
    if (combo_item(T("(none)").c_str(), !shown)) value = none_value;
    for (const Entity* code : codes) {
        const std::string label = std::string(record_title(*code)) + "##" + code->id;
        if (combo_item(label.c_str(), code == shown)) value = code->id;
    }
    ImGui::EndCombo();
}

}  // namespace

void code_tree_input(const char* id, const Desk& desk, EntityKind kind, std::string& value, bool read_only,
                     float width) {
    const CodePath path = code_path(desk, kind, value);
    const CodeTreeLabels labels = labels_of(kind);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (width - gap) * 0.5f;
    const std::string general_id = std::string(id) + "_general", specific_id = std::string(id) + "_specific";
    const std::string general_name = T(labels.general), specific_name = T(labels.specific);
    const std::string general_key = path.general ? path.general->id : std::string();

    ImGui::BeginDisabled(read_only);
    ImGui::SetNextItemWidth(half);
    code_combo(general_id.c_str(), general_name, path.general, general_codes(desk, kind, general_key), {}, value);
    ImGui::SameLine(0.0f, gap);
    ImGui::SetNextItemWidth(half);
    const auto specifics = specific_codes(desk, kind, general_key, path.specific ? path.specific->id : std::string());
    // No specific code: the general one stays chosen.
    ImGui::BeginDisabled(specifics.empty());
    code_combo(specific_id.c_str(), specific_name, path.specific, specifics, general_key, value);
    ImGui::EndDisabled();
    ImGui::EndDisabled();
}

}  // namespace hotline::ui
