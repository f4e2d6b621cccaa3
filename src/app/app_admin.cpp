// App's Administration commands (P6): opening the screen for the roles that get
// it, and reporting what the users API and the reference saves answer.
#include "app/app.hpp"
#include "app/display.hpp"
#include "app/i18n.hpp"
#include "core/routing.hpp"

namespace hotline::app {

bool App::show_admin() {
    if (!sees_admin()) {
        say(std::string(tr("admin.not_allowed")), true, "forbidden_role");
        return false;
    }
    if (screen_ == Screen::detail && refuse_to_leave_edits()) return false;
    screen_ = Screen::admin;
    // A manager has no Users tab.
    set_admin_tab(users_.allowed() ? admin_tab_ : AdminTab::reference);
    return true;
}

void App::set_admin_tab(AdminTab tab) {
    if (tab == AdminTab::users && !users_.allowed()) return;
    admin_tab_ = tab;
    if (tab == AdminTab::users && !users_.loaded() && !users_.busy() && users_.connected()) (void)refresh_users();
}

bool App::save_reference(std::int64_t now_ms) {
    const Outcome saved = reference_.save(now_ms);  // first: a new record's id is known after it
    const std::string kind(tr(kind_spec(reference_.kind()).label));
    return report(saved, tr_format("admin.record_saved", {kind, reference_.editing()}));
}

bool App::test_routing_rule() {
    rule_test_.lines.clear();
    rule_test_.rule = reference_.editing();
    if (!reference_.form_open() || reference_.kind() != EntityKind::routing_rule) return false;
    auto row = row_of_number(rule_test_.number);
    if (!row) return report(row.error(), {});
    const Incident& incident = desk().incidents()[*row];
    Entity rule = make_entity(EntityKind::routing_rule, reference_.editing());
    for (const FieldSpec& spec : fields_of(EntityKind::routing_rule))
        rule.set_value(spec.id, reference_.draft().value(spec.id));
    const std::string number = incident.number.display();
    std::string unmet;
    for (FieldId f : unmet_conditions(desk(), rule, incident))
        unmet += (unmet.empty() ? "" : ", ") + std::string(field_text(f, EntityKind::routing_rule));
    rule_test_.lines.push_back(unmet.empty() ? tr_format("rule_test.matches", {number})
                                             : tr_format("rule_test.unmet", {number, unmet}));
    // The saved rules decide what Route does today (this one as saved, or another first).
    const Entity* fires = matching_rule(desk(), incident);
    rule_test_.lines.push_back(fires ? tr_format("rule_test.fires", {std::string(record_title(*fires))})
                                     : std::string(tr("rule_test.none_fires")));
    return true;
}

bool App::refresh_users() {
    const Outcome sent = users_.refresh();
    return sent ? true : report(sent, {});  // the list itself is the answer: nothing to say
}

bool App::create_user() { return report(users_.create(), tr("admin.sending")); }

bool App::save_user(std::int64_t now_ms) {
    const Outcome saved = users_.save(now_ms);
    // Only the staff profile changed: saved already, nothing was sent.
    if (saved && !users_.busy()) return report(saved, tr_format("admin.user_saved", {users_.editing()}));
    return report(saved, tr("admin.sending"));
}

bool App::reset_password() { return report(users_.reset_password(), tr("admin.sending")); }

bool App::set_user_active(bool active) { return report(users_.set_active(active), tr("admin.sending")); }

bool App::save_admin_form(std::int64_t now_ms) {
    switch (admin_tab_) {
        case AdminTab::users:
            if (!users_.form_open()) return false;
            return users_.editing().empty() ? create_user() : save_user(now_ms);
        case AdminTab::reference: return reference_.form_open() && save_reference(now_ms);
    }
    return false;
}

bool App::poll_admin(std::int64_t now_ms) {
    auto answer = users_.poll(now_ms);
    if (!answer) return false;
    if (!*answer) report(answer->error(), {});
    else if (!answer->value().empty()) say(answer->value(), false);
    return true;
}

}  // namespace hotline::app
