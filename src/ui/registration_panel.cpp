// The top of the new-incident form: registering the call against real records
// (R1-R6, app/registration.hpp).
//   Caller         type a few letters: matching accounts and contacts drop down;
//                  Up/Down move, Enter (or a click) chooses, Escape closes the list
//   Serial number  the same for units (exact serial first, then prefixes)
//   Ctrl+K / Ctrl+U  give the keyboard to Caller / Serial number
//   Ctrl+E         add the call to the highlighted related incident (R6)
// Choosing a caller moves the keyboard to Serial number, choosing a unit to
// Title: a call taken with the keyboard alone goes down the form.
// What the lookups show lives in the app's RegistrationView (state_json reports it).
#include <algorithm>
#include <string>

#include "app/display.hpp"
#include "app/i18n.hpp"
#include "ui/field_form.hpp"
#include "ui/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hotline::ui {
namespace {

using F = IncidentField;

constexpr std::size_t kMatchesShown = 8;
constexpr std::size_t kRelatedShown = 6;
constexpr float kDropdownRows = 6.5f;

// The fields of an inline new record (its account ref is the chosen account, set by start_new).
constexpr FieldId kNewAccount[] = {AccountField::name, AccountField::phone, AccountField::email,
                                   AccountField::address};
constexpr FieldId kNewContact[] = {ContactField::name, ContactField::phone, ContactField::email, ContactField::role};
constexpr FieldId kNewUnit[] = {UnitField::serial, UnitField::item, UnitField::warranty_end};

std::span<const FieldId> new_record_fields(app::NewRecord what) {
    switch (what) {
        case app::NewRecord::account: return kNewAccount;
        case app::NewRecord::contact: return kNewContact;
        case app::NewRecord::unit: return kNewUnit;
    }
    return kNewUnit;
}

const char* new_record_label(app::NewRecord what) {
    switch (what) {
        case app::NewRecord::account: return app::tr_key("New account");
        case app::NewRecord::contact: return app::tr_key("New contact");
        case app::NewRecord::unit: return app::tr_key("New unit");
    }
    return "New unit";
}

bool key(ImGuiKey k) { return ImGui::IsKeyPressed(k, true); }
bool enter() { return ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false); }
bool ctrl() { return ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeySuper; }

// Up/Down/Enter for a lookup's dropdown, read before its field is drawn (Enter
// makes the field let go of the keyboard in the frame it is pressed). Returns
// the index to choose, or -1; the caller chooses after drawing the field, which
// on Enter writes its own text back (clearing the query before would be undone).
int dropdown_keys(bool had_keyboard, bool open, std::size_t count, std::size_t& highlight) {
    if (!had_keyboard || !open || count == 0) return -1;
    if (key(ImGuiKey_DownArrow)) highlight = std::min(highlight + 1, count - 1);
    if (key(ImGuiKey_UpArrow) && highlight > 0) --highlight;
    if (enter() && !ctrl()) return static_cast<int>(std::min(highlight, count - 1));
    return -1;
}

// A lookup's text field. True when the typed text changed (the dropdown opens).
bool lookup_field(const char* id, const char* name, std::string& query, const std::string& hint, bool& focus,
                  bool& active) {
    text_muted(name);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (focus) {
        focus_next_item();
        focus = false;
    }
    // CallbackHistory: Up/Down stay with the field (they move the dropdown) instead of ImGui's navigation.
    const bool edited = input_text(id, query, ImGuiInputTextFlags_CallbackHistory, hint.c_str());
    name_last_item(name);
    active = ImGui::IsItemActive();
    return edited;
}

std::string caller_row(const app::CustomerMatch& m) {
    const bool contact = m.kind == EntityKind::contact;
    std::string row = T(contact ? "Contact" : "Account");
    row += "  ";
    row += m.record->value(contact ? FieldId(ContactField::name) : FieldId(AccountField::name));
    if (contact && m.account) (row += "  \xc2\xb7  ") += m.account->value(AccountField::name);
    const std::string_view phone = m.record->value(contact ? FieldId(ContactField::phone) : FieldId(AccountField::phone));
    if (!phone.empty()) (row += "  \xc2\xb7  ") += phone;
    return row;
}

void choose_caller(Context& ctx, app::RegistrationView& v, std::size_t index) {
    ctx.app.choose_customer(v.callers[index]);
    v.caller_query.clear();
    v.callers_open = false;
    v.callers.clear();
    ctx.ui.focus_serial = true;
}

void choose_serial(Context& ctx, app::RegistrationView& v, std::size_t index) {
    ctx.app.choose_unit(*v.serials[index], ctx.now_ms);
    v.serial_query.clear();
    v.serials_open = false;
    v.serials.clear();
    ctx.ui.focus_field = F::title;
}

// The dropdown under a lookup: one selectable row per match, the highlighted one marked.
template <typename Row>
int dropdown(const char* id, std::size_t count, std::size_t highlight, Row row_text) {
    int chosen = -1;
    const float height = std::min(static_cast<float>(count), kDropdownRows) * ImGui::GetTextLineHeightWithSpacing() +
                         ImGui::GetStyle().WindowPadding.y * 2;
    if (ImGui::BeginChild(id, ImVec2(0, height), true)) {
        for (std::size_t i = 0; i < count; ++i) {
            const std::string label = row_text(i) + "##" + std::to_string(i);
            if (ImGui::Selectable(label.c_str(), i == highlight)) chosen = static_cast<int>(i);
            if (i == highlight) ImGui::SetScrollHereY();
        }
    }
    ImGui::EndChild();
    return chosen;
}

void caller_lookup(Context& ctx, app::RegistrationView& v) {
    app::Registration& reg = ctx.app.registration();
    const int picked = dropdown_keys(ctx.ui.caller_active, v.callers_open, v.callers.size(), v.caller_highlight);
    const std::string name = T("Caller");
    if (lookup_field("##caller", name.c_str(), v.caller_query, T("registration.caller_hint"), ctx.ui.focus_caller,
                     ctx.ui.caller_active)) {
        v.callers_open = true;
        v.caller_highlight = 0;
    }
    if (picked >= 0) choose_caller(ctx, v, static_cast<std::size_t>(picked));
    // Found again each frame while open: records sync brings in show at once, and the
    // lookup narrows from its previous matches, so an unchanged query costs little.
    v.callers = v.callers_open ? reg.customers().find(v.caller_query, kMatchesShown)
                               : std::vector<app::CustomerMatch>{};
    if (v.callers.empty()) v.callers_open = false;
    if (!v.callers_open) return;
    const int clicked = dropdown("callers", v.callers.size(), v.caller_highlight,
                                 [&](std::size_t i) { return caller_row(v.callers[i]); });
    if (clicked >= 0) choose_caller(ctx, v, static_cast<std::size_t>(clicked));
}

void serial_lookup(Context& ctx, app::RegistrationView& v) {
    app::Registration& reg = ctx.app.registration();
    const int picked = dropdown_keys(ctx.ui.serial_active, v.serials_open, v.serials.size(), v.serial_highlight);
    const std::string name = T("Serial number");
    if (lookup_field("##serial", name.c_str(), v.serial_query, T("registration.serial_hint"), ctx.ui.focus_serial,
                     ctx.ui.serial_active)) {
        v.serials_open = true;
        v.serial_highlight = 0;
    }
    if (picked >= 0) choose_serial(ctx, v, static_cast<std::size_t>(picked));
    v.serials = v.serials_open ? reg.units().find(v.serial_query, kMatchesShown) : std::vector<const Entity*>{};
    if (v.serials.empty()) v.serials_open = false;
    if (!v.serials_open) return;
    const int clicked = dropdown("serials", v.serials.size(), v.serial_highlight, [&](std::size_t i) {
        return std::string(v.serials[i]->value(UnitField::serial)) + "  \xc2\xb7  " +
               std::string(v.serials[i]->value(UnitField::item));
    });
    if (clicked >= 0) choose_serial(ctx, v, static_cast<std::size_t>(clicked));
}

// "Account: Harbour Freight Ltd  [Clear]" and the contact below it.
void chosen_customer(Context& ctx) {
    app::Registration& reg = ctx.app.registration();
    const Entity* account = reg.account();
    if (!account) return;
    text_muted(app::tr("Account"));
    ImGui::SameLine();
    text(account->value(AccountField::name));
    ImGui::SameLine();
    if (ImGui::SmallButton((T("Clear") + "##customer").c_str())) reg.clear_customer();
    name_last_item(T("Clear caller").c_str());
    if (const Entity* contact = reg.contact()) {
        text_muted(app::tr("Contact"));
        ImGui::SameLine();
        text(contact->value(ContactField::name));
    }
}

void chosen_unit(Context& ctx, app::RegistrationView& v) {
    app::Registration& reg = ctx.app.registration();
    const Entity* unit = reg.unit();
    v.warranty.clear();
    v.contract.clear();
    if (!unit) return;
    const app::UnitCoverage coverage = app::unit_coverage(ctx.app.desk(), *unit, ctx.app.today(ctx.now_ms));
    v.warranty = app::warranty_text(coverage);
    v.contract = app::contract_text(coverage);
    text_muted(app::tr("Unit"));
    ImGui::SameLine();
    text(std::string(unit->value(UnitField::item)) + "  \xc2\xb7  " + std::string(unit->value(UnitField::serial)));
    ImGui::SameLine();
    if (ImGui::SmallButton((T("Clear") + "##unit").c_str())) reg.clear_unit();
    name_last_item(T("Clear unit").c_str());
    text_coloured(coverage.in_warranty ? palette().success : palette().muted, v.warranty);
    text_coloured(coverage.contract_in_force ? palette().success : palette().muted, v.contract);
    // W8: a subcontract agreement's terms, as LN shows them when the call is registered.
    if (coverage.contract && coverage.contract->value(ContractField::coverage) == "subcontract" &&
        !is_blank(coverage.contract->value(ContractField::terms))) {
        ImGui::PushTextWrapPos(0.0f);
        text_muted(app::tr_format("registration.subcontract", {coverage.contract->value(ContractField::terms)}));
        ImGui::PopTextWrapPos();
    }
}

// R2: the chosen account's blocking reasons; a "forbid" one means Save will be refused.
void blocking_warnings(Context& ctx, app::RegistrationView& v) {
    v.blocking = ctx.app.registration().blocking_reasons(ctx.now_ms);
    for (const Entity* reason : v.blocking) {
        const bool forbid = reason->value(BlockingReasonField::mode) == "forbid";
        ImGui::PushTextWrapPos(0.0f);
        text_coloured(forbid ? palette().error : palette().warning,
                      app::tr_format(forbid ? "registration.forbidden" : "registration.warned",
                                     {reason->value(BlockingReasonField::text)}));
        ImGui::PopTextWrapPos();
    }
}

// S7: the chosen account's entitlements in force today with what is left, the one the
// incident will draw on marked (a click chooses another), and the reason to waive it.
// Counted again when the account, the day or an incident changed.
void entitlements(Context& ctx, app::RegistrationView& v) {
    app::App& app = ctx.app;
    app::Registration& reg = app.registration();
    const std::string today = app.today(ctx.now_ms);
    const std::string& account = app.create_draft().value(F::account);
    const std::string key = account + '\n' + today + '\n' + std::to_string(app.list().changes()) + '\n' +
                            std::to_string(app.desk().entities(EntityKind::time_entry).size());
    if (key != v.entitlements_key) {
        v.entitlements = account_entitlements(app.desk(), account, today, ctx.now_ms);
        v.entitlements_key = key;
    }
    if (v.entitlements.empty()) return;
    const EntitlementUse* drawn = reg.entitlement();
    text_muted(app::tr("Entitlement"));
    for (const EntitlementUse& use : v.entitlements) {
        ImGui::PushID(use.contract->id.c_str());
        const std::string label = app::entitlement_text(use);
        if (ImGui::Selectable(label.c_str(), &use == drawn)) reg.choose_entitlement(*use.contract);
        name_last_item(std::string(use.contract->value(ContractField::name)).c_str());
        ImGui::PopID();
    }
    if (!drawn) text_coloured(palette().warning, app::tr("entitlement.none_left"));
    ImGui::SetNextItemWidth(-1);
    input_text("##waiver", app.create_draft().value(F::entitlement_waiver), 0, T("Waive it because\xe2\x80\xa6").c_str());
    name_last_item(T("Waive entitlement").c_str());
}

// R6: the caller's open incidents and those whose title matches, recomputed when
// the chosen account or contact, the title or the number of incidents changes.
void related_incidents(Context& ctx, app::RegistrationView& v) {
    app::App& app = ctx.app;
    const app::Draft& draft = app.create_draft();
    const std::string wanted = draft.value(F::account) + '\n' + draft.value(F::contact) + '\n' +
                            draft.value(F::title) + '\n' + std::to_string(app.desk().incidents().size());
    if (wanted != v.related_key) {
        v.related = app.registration().related_incidents(kRelatedShown);
        v.related_key = wanted;
        v.related_highlight = 0;
    }
    if (v.related.empty()) return;
    v.related_highlight = std::min(v.related_highlight, v.related.size() - 1);
    if (ctrl() && ImGui::IsKeyPressed(ImGuiKey_E, false)) {
        app.add_call_to_incident(v.related[v.related_highlight], ctx.now_ms);
        return;  // the incident opens on its timeline; the form is gone
    }
    ImGui::Spacing();
    text_coloured(palette().accent, app::tr("About an existing incident?"));
    ImGui::SameLine();
    text_muted(app::tr("registration.related_keys"));
    for (std::size_t i = 0; i < v.related.size(); ++i) {
        const Incident& inc = app.desk().incidents()[v.related[i]];
        const std::string number = inc.number.display();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton(T("Add call").c_str())) {
            app.add_call_to_incident(v.related[i], ctx.now_ms);
            ImGui::PopID();
            return;
        }
        name_last_item(app::tr_format("registration.add_call_to", {number}).c_str());
        ImGui::SameLine();
        const std::string row =
            number + "  " + std::string(inc.value(F::title)) + "  (" + std::string(app::status_text(inc.status)) + ")";
        if (ImGui::Selectable(row.c_str(), i == v.related_highlight)) v.related_highlight = i;
        ImGui::PopID();
    }
}

// New account / contact / unit without leaving the form: a small inline form.
void new_records(Context& ctx, app::RegistrationView& v) {
    app::Registration& reg = ctx.app.registration();
    for (app::NewRecord what : {app::NewRecord::account, app::NewRecord::contact, app::NewRecord::unit}) {
        if (what != app::NewRecord::account) ImGui::SameLine();
        if (ImGui::SmallButton(T(new_record_label(what)).c_str())) {
            reg.start_new(what);
            v.new_record = what;
            v.new_record_open = true;
        }
    }
    if (!v.new_record_open) return;
    ImGui::PushID("new_record");
    ImGui::Indent();
    text_coloured(palette().accent, app::tr(new_record_label(v.new_record)));
    draw_fields(reg.new_record(v.new_record), new_record_fields(v.new_record), false);
    if (accent_button(T("Create").c_str()) && ctx.app.save_new_record(v.new_record, ctx.now_ms))
        v.new_record_open = false;
    ImGui::SameLine();
    if (ImGui::Button(T("Cancel").c_str())) v.new_record_open = false;
    name_last_item(T("Cancel new record").c_str());
    ImGui::Unindent();
    ImGui::PopID();
}

}  // namespace

void draw_registration(Context& ctx) {
    app::RegistrationView& v = ctx.app.registration().view();
    if (ctrl() && ImGui::IsKeyPressed(ImGuiKey_K, false)) ctx.ui.focus_caller = true;
    if (ctrl() && ImGui::IsKeyPressed(ImGuiKey_U, false)) ctx.ui.focus_serial = true;

    caller_lookup(ctx, v);
    chosen_customer(ctx);
    blocking_warnings(ctx, v);
    entitlements(ctx, v);
    ImGui::Spacing();
    serial_lookup(ctx, v);
    chosen_unit(ctx, v);
    ImGui::Spacing();
    new_records(ctx, v);
    related_incidents(ctx, v);
    ImGui::Separator();
}

}  // namespace hotline::ui
