#include "app/app.hpp"

#include <algorithm>
#include <iterator>

#include "app/demo_seed.hpp"
#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/archive.hpp"
#include "core/entitlements.hpp"
#include "core/entity_rules.hpp"
#include "core/handover.hpp"

namespace hotline::app {

App::App(Replica replica, const Options& options)
    : replica_(std::move(replica)),
      principal_{std::string(person_name(options.actor)), {}, options.role},
      list_(replica_.desk()),
      editor_(replica_, list_, principal_, options.zone),
      assignment_(replica_, list_, options.actor, options.zone),
      timer_(replica_, options.actor),
      orders_(replica_, list_, options.actor),
      acceptance_(replica_, list_, options.actor),
      actor_(options.actor),
      registration_(replica_, create_draft_, options.actor),
      users_(replica_, principal_),
      reference_(replica_, principal_),
      knowledge_(replica_, principal_),
      notifications_(replica_.desk()),
      zone_(options.zone),
      user_label_(options.user_label) {
    list_.set_viewer(principal_);
    notifications_.set_viewer(principal_);
}

Result<std::unique_ptr<App>> App::open(const Options& options) {
    auto replica = Replica::open(options.data_dir, options.fresh_replica_id);
    if (!replica) return replica.error();
    std::unique_ptr<App> app(new App(std::move(replica.value()), options));
    if (const auto& report = app->replica_.load_report(); !report.clean())
        app->say(tr_plural("open.damaged", static_cast<std::int64_t>(report.problems.size()),
                            {format_count(static_cast<std::int64_t>(report.problems.size()))}),
                 true);
    if (!options.demo_data_path.empty() && app->desk().incidents().empty()) {
        if (auto seeded = seed_demo(app->replica_, options.demo_data_path, options.now_ms); !seeded)
            app->say(tr_format("demo.failed", {tr_error(seeded.error())}), true);
        app->list_.reload();
    }
    const nlohmann::json& extra = app->replica_.extra();
    app->demo_ = extra.value("demo", false);
    app->dark_theme_ = extra.value("theme", std::string()) == "dark";
    // A size this version does not offer (a hand-edited file, an older or newer version's
    // list) is the default size: never a frame too large to use.
    if (auto size = extra.find("text_size"); size != extra.end() && size->is_number_integer())
        if (std::find(std::begin(kTextSizes), std::end(kTextSizes), size->get<std::int64_t>()) != std::end(kTextSizes))
            app->text_size_ = size->get<int>();
    if (auto chosen = language_by_tag(extra.value("language", std::string()))) app::set_language(*chosen);
    if (auto drafts = extra.find("drafts"); drafts != extra.end()) app->restore_drafts(*drafts);
    app->notifications_seen_ms_ = extra.value("notifications_seen", std::int64_t{0});
    app->notifications_.rebuild();
    return app;
}

void App::incidents_changed(const std::vector<std::string>& incident_ids) {
    list_.sync_new_rows();
    for (const auto& id : incident_ids) {
        auto row = replica_.desk().row_of(id);
        if (!row) continue;
        list_.row_changed(*row);
        notifications_.row_changed(*row);
        if (editor_.row() == row) editor_.rebase();
    }
}

void App::connect(sync::Transport& transport, std::string token, bool first_sync_snapshot) {
    sync::SyncEngine::Options options;
    options.token = std::move(token);
    options.first_sync_snapshot = first_sync_snapshot;
    users_.connect(transport, options.token);
    sync_ = std::make_unique<sync::SyncEngine>(replica_, transport, options);
}

void App::tick_sync(std::int64_t now_ms) {
    if (!sync_) return;
    const std::size_t conflicts_before = sync_->conflicts().items().size();
    sync_->tick(now_ms);
    if (sync_->take_desk_replaced()) {  // a first sync's snapshot: every row is new
        list_.sync_new_rows();
        notifications_.rebuild();
    }
    if (auto changed = sync_->take_changed_incidents(); !changed.empty()) incidents_changed(changed);
    // A change the user made earlier was refused: say so now, not only in the list.
    const auto& conflicts = sync_->conflicts().items();
    if (conflicts.size() > conflicts_before) say(tr_format("sync.refused", {tr_error(conflicts.back().reason)}), true);
}

bool App::reapply_conflict(const OpId& id, std::int64_t now_ms) {
    if (!sync_) return false;
    const Outcome done = sync_->reapply_conflict(id, now_ms);
    if (done) incidents_changed(sync_->take_changed_incidents());
    return report(done, tr("conflicts.reapplied"));
}

bool App::discard_conflict(const OpId& id) {
    if (!sync_) return false;
    return report(sync_->discard_conflict(id), tr("conflicts.discarded"));
}

void App::mark_durable(std::uint64_t written) { durable_ = std::max(durable_, written); }

void App::say(std::string text, bool error, std::string code) {
    message_.text = std::move(text);
    message_.error = error;
    message_.code = std::move(code);
    ++message_.serial;
}

bool App::report(const Outcome& outcome, std::string_view success) {
    if (outcome) say(std::string(success), false);
    else say(tr_error(outcome.error()), true, outcome.error().code);
    return outcome.ok();
}

// --- Navigation --------------------------------------------------------------------------

bool App::refuse_to_leave_edits() {
    if (!editor_.has_unsaved_edits() && !editor_.has_event_text()) return false;
    say(tr_format("selection.unsaved", {editor_.incident()->number.display()}), true);
    return true;
}

bool App::select(std::uint32_t row) {
    if (editor_.row() != row && refuse_to_leave_edits()) return false;
    list_.select(row);
    if (screen_ == Screen::detail && editor_.row() != row) editor_.open(row);
    return true;
}

bool App::move_selection(int delta) {
    auto row = list_.row_after_move(delta);
    return row && select(*row);
}

bool App::open_incident(std::uint32_t row) {
    if (!select(row)) return false;
    if (editor_.row() != row) editor_.open(row);
    screen_ = Screen::detail;
    return true;
}

bool App::open_selected() {
    auto row = list_.selected();
    return row && open_incident(*row);
}

Result<std::uint32_t> App::row_of_number(std::string_view typed) const {
    const auto first = typed.find_first_not_of(" \t#");
    const std::string wanted(first == std::string_view::npos ? std::string_view() : typed.substr(first));
    const std::string number = wanted.substr(0, wanted.find_last_not_of(" \t") + 1);
    const auto& incidents = desk().incidents();
    for (std::uint32_t row = 0; !number.empty() && row < incidents.size(); ++row)
        if (incidents[row].number.display() == number) {
            // W10: archived ones too; never on a technician's device one that is not theirs (W2).
            if (can_see_incident(principal_, incidents[row])) return row;
            if (is_active(incidents[row].status)) return handed_over_error(incidents[row]);
        }
    return make_error("unknown_number", tr_format("No incident has the number {}", {number}), {number});
}

bool App::open_number(std::string_view typed) {
    const auto row = row_of_number(typed);
    return row ? open_incident(*row) : report(row.error(), {});
}

void App::start_create() {
    if (screen_ == Screen::create || refuse_to_leave_edits()) return;
    // The draft is kept to come back to: only saving or discarding it empties it.
    registration_.refresh();
    registration_.view().callers_open = registration_.view().serials_open = false;
    screen_ = Screen::create;
}

// --- Commands ----------------------------------------------------------------------------

bool App::save_create(std::int64_t now_ms) {
    if (!create_draft_.validate()) return report(invalid_fields_error(), {});
    // S7: the customer's entitlement it draws on, and the SLA policy that gives.
    auto fields = create_draft_.filled();
    if (Outcome entitled = add_entitlement(desk(), today(now_ms), now_ms, fields); !entitled)
        return report(entitled, {});
    Outcome created = replica_.commit(
        [&](OpFactory& factory) { return factory.create_incident(actor_, now_ms, std::move(fields)); });
    if (!created) return report(created, {});
    list_.sync_new_rows();
    const auto row = static_cast<std::uint32_t>(desk().incidents().size() - 1);
    list_.select(row);
    editor_.open(row);
    screen_ = Screen::detail;
    tab_ = DetailTab::summary;
    create_draft_.clear();
    return report(created, tr_format("create.done", {list_.incident(row).number.display()}));
}

std::string App::today(std::int64_t now_ms) const {
    return utc_date(zone_.to_local(now_ms));
}

void App::choose_customer(const CustomerMatch& match) {
    if (match.kind == EntityKind::contact) registration_.choose_contact(*match.record);
    else registration_.choose_account(*match.record);
}

void App::choose_unit(const Entity& unit, std::int64_t now_ms) { registration_.choose_unit(unit, today(now_ms)); }

bool App::add_call_to_incident(std::uint32_t row, std::int64_t now_ms) {
    if (Outcome added = registration_.add_call_to(row, now_ms); !added) return report(added, {});
    list_.row_changed(row);
    create_draft_.clear();
    open_incident(row);
    tab_ = DetailTab::timeline;
    return report({}, tr_format("registration.call_added", {list_.incident(row).number.display()}));
}

bool App::save_new_record(NewRecord what, std::int64_t now_ms) {
    Outcome saved = registration_.save_new(what, now_ms, today(now_ms));
    const Draft& d = registration_.new_record(what);
    return report(saved, tr_format("registration.created", {tr(kind_spec(d.kind()).label)}));
}

bool App::save_summary(std::int64_t now_ms) { return report(editor_.save(now_ms), tr("Saved")); }

bool App::add_event(std::int64_t now_ms) { return report(editor_.add_event(now_ms), tr("Event added")); }

bool App::change_status(IncidentStatus to, std::int64_t now_ms) {
    return report(editor_.change_status(to, now_ms), tr_format("status.done", {status_text(to)}));
}

void App::set_dark_theme(bool dark) {
    if (dark == dark_theme_) return;
    dark_theme_ = dark;
    replica_.extra()["theme"] = dark ? "dark" : "light";
    if (auto saved = replica_.save_meta(); !saved) report(saved, {});
}

void App::step_text_size(int steps) {
    const auto* at = std::find(std::begin(kTextSizes), std::end(kTextSizes), text_size_);
    const auto index = std::clamp<std::ptrdiff_t>((at - std::begin(kTextSizes)) + steps, 0, std::size(kTextSizes) - 1);
    if (kTextSizes[index] == text_size_) return;
    text_size_ = kTextSizes[index];
    replica_.extra()["text_size"] = text_size_;
    if (auto saved = replica_.save_meta(); !saved) report(saved, {});
}

void App::set_language(Language language) {
    if (app::language() != language) {  // a message said in the language being left goes
        message_.text.clear();
        message_.code.clear();
        message_.error = false;
    }
    app::set_language(language);
    if (replica_.extra().value("language", std::string()) == language_code(language)) return;
    replica_.extra()["language"] = language_code(language);
    if (auto saved = replica_.save_meta(); !saved) report(saved, {});
}

}  // namespace hotline::app
