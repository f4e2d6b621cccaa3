// The application: one replica opened from its directory, the state every
// screen shows, and the commands every button runs. Testable natively: it
// includes no ImGui and no Emscripten header. src/ui draws it; the platform
// layer (src/platform/web) owns the main loop and makes saved changes durable.
//
// CONTRACT between app/, ui/ and platform/ (keep these signatures stable):
//   App::open            platform, at start, after the data directory is mounted
//   App::changes_written / mark_durable / has_unsaved_changes
//                        platform: after a frame in which changes_written() grew,
//                        it persists the directory (IDBFS syncfs) and then calls
//                        mark_durable(that count); the UI shows "Saving…" until then
//   App::state_json      platform's test driver: what the screen shows, as JSON
//   App::dark_theme      platform, at start: ui::apply_style(app.dark_theme(), dpr)
//   ui::draw(App&, now)  platform, once per frame
//   App::incidents_changed  platform, after SyncEngine::tick: the ids from
//                        SyncEngine::take_changed_incidents()
//   App::keep_drafts     platform: now and then while frames are drawn, and when
//                        the page is hidden or closed (before persisting)
//
// Commands take the current time (now_ms) from the caller: the app reads no
// clock, so tests control time. A command that is refused changes nothing and
// leaves its reason in message().
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/acceptance_form.hpp"
#include "app/admin_access.hpp"
#include "app/assignment_form.hpp"
#include "app/draft.hpp"
#include "app/i18n.hpp"
#include "app/incident_editor.hpp"
#include "app/incident_report.hpp"
#include "app/knowledge_base.hpp"
#include "app/notifications.hpp"
#include "app/list_model.hpp"
#include "app/local_zone.hpp"
#include "app/orders_form.hpp"
#include "app/reference_editor.hpp"
#include "app/registration.hpp"
#include "app/replica.hpp"
#include "app/time_tracker.hpp"
#include "app/user_admin.hpp"
#include "core/result.hpp"
#include "sync/sync_engine.hpp"

namespace hotline::app {

enum class Screen : std::uint8_t {
    list,      // the list alone
    detail,    // the list and the open incident
    create,    // the list and the new-incident form
    settings,  // the list and the settings
    conflicts, // the list and the changes the server refused (sync)
    admin,     // the list and Administration (users, reference data): admins and managers
    knowledge, // the list and the Knowledge base (W13)
    notifications, // the list and the notification centre (issue 14: SLA alerts, assignments)
    queues,    // the list and the queues with what waits in them (issue 14, S5)
};

// S5: a queue as the Queues screen shows it.
struct QueueLine {
    const Entity* queue = nullptr;
    std::size_t waiting = 0;
};
enum class DetailTab : std::uint8_t { summary, timeline, log };
// The answers to "leave with unsaved changes?" (App::answer_leave).
enum class LeaveChoice : std::uint8_t { keep_editing, discard, save };
enum class AdminTab : std::uint8_t { users, reference };
// The text sizes Settings offers, in percent of the default (App::text_size).
inline constexpr int kTextSizes[] = {85, 100, 115, 130, 150, 175, 200};

// S4: the routing rule open in Administration tried on an incident by its number, as typed
// in the form (before it is saved): what the preview found.
struct RuleTest {
    std::string number;              // as typed
    std::string rule;                // the rule tried (its key; empty: a new one)
    std::vector<std::string> lines;  // shown while that rule's form is open
};

// W12: merging the open incident into another: the number typed, then (asked) the
// incident it names, shown to be confirmed. Belongs to the incident `incident`.
struct MergeRequest {
    std::string incident;
    std::string typed;
    std::string target;  // set by ask_merge: the survivor to confirm
};

struct Message {
    std::string text;    // translated; empty: nothing to say
    bool error = false;  // a refusal (shown in the error colour) or a confirmation
    std::string code;    // a refusal's Error::code ("guard_actual_solution"), for the UI to point at its cause
    std::uint64_t serial = 0;  // grows with every message, so the UI can tell a repeated one
};

class App {
public:
    struct Options {
        std::string data_dir;          // the replica directory (IDBFS mount in the browser)
        std::string fresh_replica_id;  // used when the directory holds no replica yet
        std::string actor = "u:agent"; // who makes changes: "u:<login>" of the signed-in user
        std::string user_label;        // "Anna Ivanova (agent)"; empty: no one signed in
        Role role = Role::agent;       // the signed-in user's (the local desk: an agent's; the demo: an engineer's)
        std::string demo_data_path;    // non-empty: seed this demo data set into an empty replica
        std::int64_t now_ms = 0;
        LocalZone zone;        // the user's time zone, for dates on screen (UTC unless given)
    };
    static Result<std::unique_ptr<App>> open(const Options& options);

    std::uint64_t changes_written() const { return replica_.changes_written(); }
    void mark_durable(std::uint64_t written);
    bool has_unsaved_changes() const { return durable_ < replica_.changes_written(); }

    std::string state_json() const;

    // --- What the screens show ---
    Screen screen() const { return screen_; }
    DetailTab tab() const { return tab_; }
    const Message& message() const { return message_; }
    bool dark_theme() const { return dark_theme_; }
    // The interface's text size, in percent of the default (Settings, issue 12): one of
    // kTextSizes, kept in the replica's metadata like the theme, so per user and across
    // reloads. The platform scales the fonts and the spacing by it, as the browser's zoom does.
    int text_size() const { return text_size_; }
    LocalZone zone() const { return zone_; }
    bool is_demo() const { return demo_; }
    // This browser's desk alone: not the demo, not synced with a server (a static host
    // without ?demo, or a server's page opened offline before anyone signed in there).
    bool is_standalone() const { return !demo_ && !sync_; }
    const Desk& desk() const { return replica_.desk(); }
    ListModel& list() { return list_; }
    const ListModel& list() const { return list_; }
    IncidentEditor& editor() { return editor_; }
    // The open incident's assignment (W2, W3) and work time (W4); the UI has them follow
    // the open incident each frame (AssignmentForm::follow, TimeTracker::refresh).
    AssignmentForm& assignment() { return assignment_; }
    const AssignmentForm& assignment() const { return assignment_; }
    TimeTracker& timer() { return timer_; }
    const TimeTracker& timer() const { return timer_; }
    // The open incident's orders and billing (W8, W9); the UI has it follow the open incident.
    OrdersForm& orders() { return orders_; }
    const OrdersForm& orders() const { return orders_; }
    // The customer's answer on the open incident (W6): acceptance, rejection, rating, closing.
    AcceptanceForm& acceptance() { return acceptance_; }
    const AcceptanceForm& acceptance() const { return acceptance_; }
    Draft& create_draft() { return create_draft_; }
    bool create_full_form() const { return create_full_; }
    // The new-incident form against real records: lookups, what is chosen, the
    // blocking reasons to warn about, related incidents, new-record drafts.
    Registration& registration() { return registration_; }
    Replica& replica() { return replica_; }  // for seeding (demo, benchmark)
    // Administration (P6): who may see it, its tab, users and reference data.
    const Principal& principal() const { return principal_; }
    bool sees_admin() const { return sees_administration(principal_); }
    AdminTab admin_tab() const { return admin_tab_; }
    UserAdmin& users() { return users_; }
    const UserAdmin& users() const { return users_; }
    ReferenceEditor& reference() { return reference_; }
    const ReferenceEditor& reference() const { return reference_; }
    // W13: the Knowledge base screen, and the open incident's articles.
    KnowledgeBase& knowledge() { return knowledge_; }
    const KnowledgeBase& knowledge() const { return knowledge_; }
    // The notification centre (notifications.hpp): unread are those newer than the last time
    // it was opened (kept per user with the desk's settings).
    const Notifications& notifications() const { return notifications_; }
    std::size_t unread_notifications() const { return notifications_.unread(notifications_seen_ms_); }
    // W12: "Merge into another incident" on the open incident, while it is asked for.
    MergeRequest& merge_request() { return merge_; }
    const MergeRequest& merge_request() const { return merge_; }

    // --- Navigation ---
    // Selecting another incident while the open one has unsaved Summary edits
    // or an event being typed is refused (they would be lost): these return false then.
    bool select(std::uint32_t row);
    bool move_selection(int delta);    // +-1, +-page; clamped to the visible rows
    bool open_incident(std::uint32_t row);
    bool open_selected();
    // "Go to incident": opens the incident numbered `typed` (as shown, spaces and
    // a leading # ignored); an unknown number is refused as "unknown_number".
    bool open_number(std::string_view typed);
    // The row of the incident numbered `typed` (as open_number reads it); "unknown_number".
    Result<std::uint32_t> row_of_number(std::string_view typed) const;
    bool open_incident_id(std::string_view incident_id);
    void set_tab(DetailTab tab) { tab_ = tab; }
    void start_create();
    void set_create_full_form(bool full) { create_full_ = full; }
    void show_settings() { screen_ = Screen::settings; }
    void show_conflicts() { screen_ = Screen::conflicts; }
    // Opens Administration (refused, with a message, for roles that do not get it);
    // the Users tab loads the list from the server when first shown.
    bool show_admin();
    void set_admin_tab(AdminTab tab);
    // Escape, Cancel, Close (app_leave.cpp): leaves the pane. Nothing typed is
    // lost on the way: a pane holding what is not saved (pane_has_changes) is
    // not left but asks first (leave_asked()) and answer_leave() acts on the answer.
    void cancel();
    // The new-incident draft, the open incident's Summary edits or the event
    // being typed on its Timeline: what leaving the pane would lose.
    bool pane_has_changes() const;
    bool leave_asked() const { return leave_asked_; }
    // keep_editing: nothing changes; discard: the changes go and the pane closes;
    // save: saved, then the pane closes (a refused save keeps it open, says why).
    bool answer_leave(LeaveChoice choice, std::int64_t now_ms);
    // "Discard changes" on the Summary: back to the incident's values; the pane stays.
    void discard_summary();

    // --- Commands ---
    bool save_create(std::int64_t now_ms);
    // Registration (R2-R6): choosing a lookup result fills the create form.
    void choose_customer(const CustomerMatch& match);
    void choose_unit(const Entity& unit, std::int64_t now_ms);
    // R6: the call goes to an existing incident as a call_in event instead of a
    // new incident; that incident opens on its timeline.
    bool add_call_to_incident(std::uint32_t row, std::int64_t now_ms);
    // A new account, contact or unit from the form's draft (registration().new_record), chosen at once.
    bool save_new_record(NewRecord what, std::int64_t now_ms);
    std::string today(std::int64_t now_ms) const;  // "YYYY-MM-DD" in the user's time zone
    bool save_summary(std::int64_t now_ms);
    bool add_event(std::int64_t now_ms);
    bool change_status(IncidentStatus to, std::int64_t now_ms);
    // Work on the open incident (app_work.cpp): assign or hand it over, take it, log time.
    bool assign(std::int64_t now_ms);
    bool assign_to_me(std::int64_t now_ms);
    // S4: the first routing rule that matches the open incident gives it its department,
    // person and priority (core/routing.hpp).
    bool route(std::int64_t now_ms);
    // S2: the open incident's resolution deadline, as typed in assignment().deadline(), or
    // none (core/resolution_deadline.hpp); not for technicians.
    bool set_deadline(std::int64_t now_ms);
    bool clear_deadline(std::int64_t now_ms);
    // S5 (app_queues.cpp, core/queues.hpp, core/workload.hpp): put the open incident in the
    // queue chosen in assignment().queue(); give it to the least loaded eligible engineer;
    // take the next incident due from a queue, which then opens.
    bool add_to_queue(std::int64_t now_ms);
    bool assign_by_workload(std::int64_t now_ms);
    bool pick_next(const std::string& queue, std::int64_t now_ms);
    void show_queues();
    // The active queues by name with how many incidents wait in each (the counts are
    // computed again only when an incident changed since). Valid until the desk changes.
    std::vector<QueueLine> queue_lines() const;
    bool start_timer(std::int64_t now_ms);
    bool stop_timer(std::int64_t now_ms);
    bool add_time_entry(std::int64_t now_ms);
    // W15: the open incident for the customer (app_export.cpp): the platform takes the
    // file made and hands it to the browser (a download, or the print dialog).
    bool export_incident(ExportKind kind);
    std::optional<ExportFile> take_export();
    // Orders and billing of the open incident (app_orders.cpp): transfer it to an order,
    // update an order (its outcome comes back to the incident), override its billing.
    bool open_transfer(OrderType type);
    bool transfer(std::int64_t now_ms);
    bool update_order(std::int64_t now_ms);
    bool set_billing(std::optional<bool> billable, std::int64_t now_ms);
    // The customer's answer (app_work.cpp, W6), recorded by the agent: accept or reject the
    // solution, rate it (closes the incident), or close the incident at their request.
    bool accept_solution(std::int64_t now_ms);
    bool reject_solution(std::int64_t now_ms);
    bool rate_and_close(std::int64_t now_ms);
    bool close_on_request(std::int64_t now_ms);
    // The Knowledge base (app_knowledge.cpp): the screen, an article in it, its form's
    // Save and Publish; the open incident's links, and an article written from it.
    void show_knowledge();
    void show_notifications(std::int64_t now_ms);  // and marks every notification read
    bool open_article(const std::string& id);
    bool save_article(std::int64_t now_ms);
    bool publish_article(std::int64_t now_ms);
    bool link_article(const std::string& id, std::int64_t now_ms);
    bool unlink_article(const std::string& id, std::int64_t now_ms);
    bool write_article(std::int64_t now_ms);
    // Relations of the open incident (app_relations.cpp, W12): a child incident registered
    // from it (the create form, filled from it), and merging it into another, confirmed first.
    bool start_child();
    void forget_parent();  // the create form's incident is no child after all
    bool ask_merge();      // the number typed in merge_request() names the survivor to confirm
    bool confirm_merge(std::int64_t now_ms);
    void cancel_merge() { merge_ = {}; }
    void set_dark_theme(bool dark);
    // The next size up or down (`steps` +1 / -1), within kTextSizes.
    void step_text_size(int steps);
    // The interface language (P7), kept with the theme in the replica's metadata: the
    // user's choice outlives reloads; without one, the browser's language stays.
    void set_language(Language language);
    // Administration commands (app_admin.cpp). The users' ones send a request and
    // report its answer when it arrives (poll_admin); reference saves are operations.
    bool save_reference(std::int64_t now_ms);
    RuleTest& rule_test() { return rule_test_; }
    const RuleTest& rule_test() const { return rule_test_; }
    bool test_routing_rule();  // the open routing rule form on the incident numbered rule_test().number
    bool refresh_users();
    bool create_user();
    bool save_user(std::int64_t now_ms);
    bool reset_password();
    bool set_user_active(bool active);
    // Ctrl+S on Administration: saves (or creates) what the shown tab's form holds.
    bool save_admin_form(std::int64_t now_ms);
    // Each frame: acts on a users API answer that arrived; true when one did.
    bool poll_admin(std::int64_t now_ms);

    // --- Drafts kept across reloads (app_drafts.cpp) ---
    // What is typed and not saved (the new-incident form, the open incident's
    // Summary edits, the event being typed) goes into the replica's metadata,
    // so a reload or a closed tab finds it again: keep_drafts() writes it when
    // it changed (the platform calls it a moment after typing, and when the page
    // is hidden or closed; true when it wrote); open() restores it, the pane
    // that held it open again.
    bool keep_drafts();

    // --- Sync (docs/sync-protocol.md) ---
    // Starts syncing this replica with the server behind `transport` as the signed-in
    // user. Without it the app is this browser's desk alone (static demo, no server).
    // `first_sync_snapshot` false: a fresh replica pulls the log too (SyncEngine::Options).
    void connect(sync::Transport& transport, std::string token, bool first_sync_snapshot = true);
    // Each frame and whenever the transport wakes the platform: lets the engine act
    // on replies, then brings the list and the open incident up to date.
    void tick_sync(std::int64_t now_ms);
    const sync::SyncEngine* sync() const { return sync_.get(); }
    sync::SyncEngine* sync() { return sync_.get(); }
    bool reapply_conflict(const OpId& id, std::int64_t now_ms);
    bool discard_conflict(const OpId& id);
    const std::string& user_label() const { return user_label_; }
    // Sign out (settings): the platform sees the request, ends the session and
    // closes the app; the user's local desk stays for their next sign-in.
    void request_sign_out() { sign_out_requested_ = true; }
    bool sign_out_requested() const { return sign_out_requested_; }
    // "Open the demo desk" on an empty standalone desk: the platform sees the request and
    // opens the demo's address once everything typed here is durable.
    void request_demo() { demo_requested_ = true; }
    bool demo_requested() const { return demo_requested_; }
    void say(std::string text, bool error, std::string code = {});
    // Sync changed these incidents (pulled, rebuilt): new ones join the list, changed
    // ones move to their place, and the open one's form takes the new values of the fields
    // the user has not edited; edited ones are kept (saving them is a normal later write).
    void incidents_changed(const std::vector<std::string>& incident_ids);

private:
    App(Replica replica, const Options& options);
    bool report(const Outcome& outcome, std::string_view success);
    // Commits a plan of the core's rules on the incident of `row` (routing, queues,
    // workload); the list, the assignment form and the Summary's draft take what changed.
    Outcome commit_incident_plan(std::uint32_t row, const IncidentPlan& plan, std::int64_t now_ms);
    // The server would refuse an assignment by a technician (authorization.hpp): said now
    // rather than as a conflict later.
    Outcome check_may_assign() const;
    nlohmann::json drafts_json() const;
    void restore_drafts(const nlohmann::json& drafts);
    // True (and says why) when the open incident has unsaved Summary edits or an event being typed.
    bool refuse_to_leave_edits();
    void close_pane();

    Replica replica_;
    Principal principal_;  // before the forms that are given it
    ListModel list_;
    IncidentEditor editor_;
    AssignmentForm assignment_;
    TimeTracker timer_;
    OrdersForm orders_;
    AcceptanceForm acceptance_;
    Draft create_draft_;
    bool create_full_ = false;
    std::string actor_;
    Registration registration_;
    UserAdmin users_;
    ReferenceEditor reference_;
    RuleTest rule_test_;
    KnowledgeBase knowledge_;
    Notifications notifications_;
    std::int64_t notifications_seen_ms_ = 0;
    mutable std::map<std::string, std::size_t, std::less<>> queue_depths_;
    mutable std::optional<std::uint64_t> queue_depths_at_;  // list_.changes() when queue_depths_ was counted
    MergeRequest merge_;
    AdminTab admin_tab_ = AdminTab::users;
    LocalZone zone_;
    Screen screen_ = Screen::list;
    DetailTab tab_ = DetailTab::summary;
    Message message_;
    bool dark_theme_ = false;
    int text_size_ = 100;
    bool demo_ = false;
    std::uint64_t durable_ = 0;
    std::string user_label_;
    std::unique_ptr<sync::SyncEngine> sync_;
    bool sign_out_requested_ = false;
    bool demo_requested_ = false;
    std::optional<ExportFile> export_;  // made, not yet taken by the platform
    bool leave_asked_ = false;
    std::string kept_drafts_ = "{}";  // the drafts as last written (keep_drafts): none
};

}  // namespace hotline::app
