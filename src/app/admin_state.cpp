#include "app/admin_state.hpp"

#include "app/app.hpp"

namespace hotline::app {
namespace {

nlohmann::json users_json(const UserAdmin& users) {
    nlohmann::json list = nlohmann::json::array();
    for (const UserAccount& u : users.users())
        list.push_back({{"login", u.login}, {"name", u.name}, {"role", u.role}, {"active", u.active},
                        {"department", users.department_of(u.login)}});
    const UserFormErrors& e = users.errors();
    nlohmann::json form = nullptr;
    if (users.form_open())
        form = {{"editing", users.editing()},
                {"login", users.form.login},
                {"name", users.form.name},
                {"role", users.form.role},
                {"department", users.form.department},
                {"errors", {{"login", e.login}, {"name", e.name}, {"role", e.role}, {"password", e.password}}}};
    return {{"loaded", users.loaded()}, {"busy", users.busy()}, {"list", std::move(list)}, {"form", std::move(form)}};
}

nlohmann::json reference_json(const ReferenceEditor& ref) {
    nlohmann::json records = nlohmann::json::array();
    for (const Entity* e : ref.records()) {
        nlohmann::json fields = nlohmann::json::object();
        for (const FieldSpec& spec : fields_of(e->kind)) fields[std::string(spec.name)] = e->value(spec.id);
        records.push_back({{"id", e->id}, {"fields", std::move(fields)}});
    }
    nlohmann::json form = nullptr;
    if (ref.form_open()) {
        nlohmann::json errors = nlohmann::json::object();
        for (const FieldSpec& spec : fields_of(ref.kind()))
            if (!ref.draft().error(spec.id).empty()) errors[std::string(spec.name)] = ref.draft().error(spec.id);
        if (!ref.key_error().empty()) errors["key"] = ref.key_error();
        form = {{"editing", ref.editing()}, {"key", ref.key}, {"errors", std::move(errors)}};
    }
    return {{"kind", entity_kind_name(ref.kind())},
            {"editable", ref.editable()},
            {"records", std::move(records)},
            {"form", std::move(form)}};
}

}  // namespace

nlohmann::json admin_state_json(const App& app) {
    nlohmann::json state = {{"tab", app.admin_tab() == AdminTab::users ? "users" : "reference"},
                            {"reference", reference_json(app.reference())}};
    if (app.users().allowed()) state["users"] = users_json(app.users());
    state["rule_test"] = app.rule_test().lines;
    return state;
}

}  // namespace hotline::app
