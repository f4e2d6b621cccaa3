// Drafts kept across reloads and closed tabs, in the replica's metadata under
// "drafts" (written with save_meta, made durable by the platform like any change):
//   {"create": {"open": bool, "full": bool, "fields": {"<field>": "<value>", ...}},
//    "incident": {"id": "<incident id>", "tab": 0 summary | 1 timeline | 2 log,
//                 "fields": {...}, "event_type": "...", "event_text": "..."}}
// "create" holds the fields that differ from a blank form; "incident" the Summary
// fields that differ from the incident, while it has such edits or an event typed.
// Either is left out when it holds nothing. Local to this browser: never synced.
#include "app/app.hpp"

namespace hotline::app {
namespace {

constexpr const char* kDraftsKey = "drafts";

nlohmann::json fields_json(const Draft& draft, const std::vector<FieldId>& fields) {
    nlohmann::json out = nlohmann::json::object();
    for (FieldId f : fields) out[std::string(field_spec(draft.kind(), f).name)] = draft.value(f);
    return out;
}

// Writes kept values back into `draft`; names or values this build does not
// know are skipped (the draft's own validation judges the values on save).
void restore_fields(Draft& draft, const nlohmann::json& fields) {
    if (!fields.is_object()) return;
    for (const auto& [name, value] : fields.items())
        if (auto f = field_by_name(draft.kind(), name); f && value.is_string()) draft.value(*f) = value.get<std::string>();
}

}  // namespace

nlohmann::json App::drafts_json() const {
    nlohmann::json drafts = nlohmann::json::object();
    const bool creating = screen_ == Screen::create;
    if (creating || !create_draft_.is_blank()) {
        const Draft blank(EntityKind::incident);
        std::vector<FieldId> typed;
        for (const auto& spec : fields_of(EntityKind::incident))
            if (create_draft_.value(spec.id) != blank.value(spec.id)) typed.push_back(spec.id);
        drafts["create"] = {{"open", creating}, {"full", create_full_}, {"fields", fields_json(create_draft_, typed)}};
    }
    const Incident* inc = editor_.incident();
    if (inc && (editor_.has_unsaved_edits() || editor_.has_event_text())) {
        const IncidentEditor& editor = editor_;
        drafts["incident"] = {{"id", inc->id},
                              {"tab", static_cast<int>(tab_)},
                              {"fields", fields_json(editor.draft(), editor.draft().changes_from(*inc))},
                              {"event_type", editor.event_type()},
                              {"event_text", editor.event_text()}};
    }
    return drafts;
}

bool App::keep_drafts() {
    const nlohmann::json drafts = drafts_json();
    std::string text = drafts.dump();
    if (text == kept_drafts_) return false;
    nlohmann::json& extra = replica_.extra();
    if (drafts.empty()) extra.erase(kDraftsKey);
    else extra[kDraftsKey] = drafts;
    if (auto saved = replica_.save_meta(); !saved) return report(saved, {});
    kept_drafts_ = std::move(text);
    return true;
}

void App::restore_drafts(const nlohmann::json& drafts) {
    if (!drafts.is_object()) return;
    if (auto kept = drafts.find("incident"); kept != drafts.end() && kept->is_object()) {
        auto row = desk().row_of(kept->value("id", std::string()));
        if (row && open_incident(*row)) {
            restore_fields(editor_.draft(), kept->value("fields", nlohmann::json()));
            editor_.event_type() = kept->value("event_type", editor_.event_type());
            editor_.event_text() = kept->value("event_text", std::string());
            const int tab = kept->value("tab", 0);
            tab_ = tab == 1 ? DetailTab::timeline : tab == 2 ? DetailTab::log : DetailTab::summary;
        }
    }
    if (auto kept = drafts.find("create"); kept != drafts.end() && kept->is_object()) {
        restore_fields(create_draft_, kept->value("fields", nlohmann::json()));
        create_full_ = kept->value("full", false);
        if (kept->value("open", false)) start_create();
    }
    kept_drafts_ = drafts.dump();
}

}  // namespace hotline::app
