// Administration (P6): who gets the screen, the user form's checks and the users
// API's messages, user actions against a scripted server (and none), and the
// reference data editor building operations from the schema's field lists.
#include <doctest/doctest.h>

#include "app/admin_access.hpp"
#include "app/user_admin.hpp"
#include "core/operation_json.hpp"
#include "app_test_support.hpp"
#include "scripted_transport.hpp"

using namespace hotline;
using namespace hotline::app;
using hotline::testing::ScriptedTransport;

namespace {

Principal as(Role role) { return {"tester", "Tester", role}; }

const char* kCreatedReply = R"({"user":{"login":"nwhite","name":"Nora White","role":"engineer","active":true}})";

// A department made through the editor, as the Reference data tab does.
void add_department(ReferenceEditor& ref, const std::string& key, const std::string& name) {
    ref.set_kind(EntityKind::department);
    ref.start_new();
    ref.key = key;
    ref.draft().value(DepartmentField::name) = name;
    REQUIRE(ref.save(testing::kBaseMs).ok());
}

}  // namespace

TEST_CASE("administration is for admins (users and reference data) and managers (reference data)") {
    CHECK(sees_administration(as(Role::admin)));
    CHECK(sees_administration(as(Role::manager)));
    for (Role r : {Role::agent, Role::engineer, Role::technician}) {
        CHECK_FALSE(sees_administration(as(r)));
        const Outcome refused = check_may_write(as(r), EntityKind::department, true);
        CHECK(refused.error().code == "forbidden_role");  // the core's own rule and words
    }
    for (EntityKind kind : reference_kinds()) {
        CHECK(may_edit_reference(as(Role::admin), kind));
        CHECK(may_edit_reference(as(Role::manager), kind));
        CHECK_FALSE(may_edit_reference(as(Role::agent), kind));
    }
    CHECK(can_manage_users(as(Role::admin)));
    CHECK_FALSE(can_manage_users(as(Role::manager)));
}

TEST_CASE("the app opens Administration only for those roles; a manager gets reference data alone") {
    auto agent = testing::open_app(testing::fresh_dir("admin_agent"));
    CHECK_FALSE(agent->show_admin());
    CHECK(agent->screen() == Screen::list);
    CHECK(agent->message().error);
    CHECK(nlohmann::json::parse(agent->state_json())["admin_visible"] == false);

    auto manager = testing::open_app(testing::fresh_dir("admin_manager"), {}, testing::kBaseMs, Role::manager);
    REQUIRE(manager->show_admin());
    CHECK(manager->admin_tab() == AdminTab::reference);
    manager->set_admin_tab(AdminTab::users);
    CHECK(manager->admin_tab() == AdminTab::reference);
    const auto state = nlohmann::json::parse(manager->state_json());
    CHECK(state["screen"] == "admin");
    CHECK_FALSE(state["admin"].contains("users"));
    manager->cancel();
    CHECK(manager->screen() == Screen::list);

    auto admin = testing::open_app(testing::fresh_dir("admin_admin"), {}, testing::kBaseMs, Role::admin);
    REQUIRE(admin->show_admin());
    CHECK(admin->admin_tab() == AdminTab::users);
    // No server behind this desk: the users tab says it needs one, and actions are refused so.
    CHECK_FALSE(admin->users().connected());
    CHECK_FALSE(admin->refresh_users());
    CHECK(admin->message().code == "needs_connection");
}

TEST_CASE("the user form checks what the client can tell and leaves the rest to the server") {
    UserForm f{"nwhite", "Nora White", "engineer", "", "secret pass"};
    CHECK_FALSE(check_user_form(f, true).any());
    f.login = "Nora White";
    f.name = "";
    f.role = "boss";
    f.password = "";
    UserFormErrors e = check_user_form(f, true);
    CHECK_FALSE(e.login.empty());
    CHECK_FALSE(e.name.empty());
    CHECK_FALSE(e.role.empty());
    CHECK_FALSE(e.password.empty());
    // An edit keeps the login and the password: only the name and the role are checked.
    f.name = "Nora\xe2\x80\xaeWhite";  // a bidirectional override
    f.role = "manager";
    e = check_user_form(f, false);
    CHECK(e.login.empty());
    CHECK(e.password.empty());
    CHECK_FALSE(e.name.empty());
    // A short password is the server's to refuse (its rule, its words).
    CHECK(check_new_password("short").empty());
}

TEST_CASE("the users API's messages: what changed is sent, answers are read strictly") {
    const UserAccount was{"nwhite", "Nora White", "engineer", true};
    UserForm f{"nwhite", "Nora White", "engineer", "field", ""};
    CHECK(encode_user_change(f, was) == "{}");
    f.role = "manager";
    CHECK(encode_user_change(f, was) == R"({"role":"manager"})");
    CHECK(encode_active(false) == R"({"active":false})");
    CHECK(encode_new_user({"a", "A", "agent", "", "pw"}) == R"({"login":"a","name":"A","password":"pw","role":"agent"})");

    auto list = decode_user_list(R"({"users":[{"login":"admin","name":"Administrator","role":"admin","active":true}]})");
    REQUIRE(list.ok());
    CHECK(list->at(0) == UserAccount{"admin", "Administrator", "admin", true});
    for (const char* bad : {"", "[]", R"({"users":{}})", R"({"users":[{"login":"a","name":"A","role":"agent"}]})",
                            R"({"users":[{"login":"a","name":"A","role":"agent","active":"yes"}]})"})
        CHECK_MESSAGE(!decode_user_list(bad).ok(), bad);
    CHECK(decode_user_reply(kCreatedReply)->name == "Nora White");
    CHECK_FALSE(decode_user_reply(R"({"user":1})").ok());
}

TEST_CASE("creating a user: sent to the server, then their staff profile holds the department") {
    auto app = testing::open_app(testing::fresh_dir("admin_users"), {}, testing::kBaseMs, Role::admin);
    ReferenceEditor ref(app->replica(), as(Role::admin));
    add_department(ref, "field", "Field service");
    UserAdmin users(app->replica(), as(Role::admin));
    users.start_new();
    users.form = {"nwhite", "Nora White", "engineer", "field", "a good password"};
    CHECK(users.create().error().code == "needs_connection");  // no server behind this desk

    ScriptedTransport t;
    users.connect(t, "token");
    users.form.login = "";
    CHECK(users.create().error().code == "invalid_fields");
    CHECK_FALSE(users.errors().login.empty());
    CHECK(t.sent.empty());

    users.form.login = "nwhite";
    REQUIRE(users.create().ok());
    CHECK(users.busy());
    CHECK(users.create().error().code == "busy");  // one request at a time
    REQUIRE(t.sent.size() == 1);
    CHECK(t.sent[0].first == "POST /users");
    CHECK(t.sent[0].second == encode_new_user(users.form));
    CHECK_FALSE(users.poll(testing::kBaseMs).has_value());  // nothing arrived yet

    t.replies.push_back(sync::Reply{201, kCreatedReply});
    t.deliver();
    auto answer = users.poll(testing::kBaseMs);
    REQUIRE(answer.has_value());
    REQUIRE(answer->ok());
    CHECK(answer->value() == "User nwhite created");
    CHECK(users.user("nwhite")->role == "engineer");
    CHECK(users.department_of("nwhite") == "field");
    const Entity* profile = app->desk().find(EntityKind::staff_profile, "nwhite");
    REQUIRE(profile);
    CHECK(profile->value(StaffProfileField::name) == "Nora White");
    CHECK(users.form.password.empty());  // never kept
    CHECK(users.editing() == "nwhite");
}

TEST_CASE("changing a user: the department offline as an operation, the role and active flag on the server") {
    auto app = testing::open_app(testing::fresh_dir("admin_change"), {}, testing::kBaseMs, Role::admin);
    ReferenceEditor ref(app->replica(), as(Role::admin));
    add_department(ref, "field", "Field service");
    add_department(ref, "lab", "Repair lab");
    ScriptedTransport t;
    UserAdmin users(app->replica(), as(Role::admin));
    users.connect(t, "token");
    REQUIRE(users.refresh().ok());
    t.replies.push_back(sync::Reply{200, R"({"users":[{"login":"nwhite","name":"Nora White","role":"engineer","active":true}]})"});
    t.deliver();
    CHECK(users.poll(testing::kBaseMs)->value().empty());  // the list speaks for itself
    REQUIRE(users.edit("nwhite"));

    users.form.department = "lab";
    REQUIRE(users.save(testing::kBaseMs).ok());
    CHECK(t.sent.size() == 1);  // only the profile changed: no request
    CHECK(users.department_of("nwhite") == "lab");

    users.form.role = "manager";
    REQUIRE(users.save(testing::kBaseMs).ok());
    CHECK(t.sent.back() == std::pair<std::string, std::string>{"PATCH /users/nwhite", R"({"role":"manager"})"});
    t.replies.push_back(sync::Reply{409, R"({"error":{"code":"self_lockout","message":"You cannot disable yourself."}})"});
    t.deliver();
    auto refused = users.poll(testing::kBaseMs);
    CHECK(refused->error().message == "You cannot disable yourself.");  // the server's words

    REQUIRE(users.set_active(false).ok());
    CHECK(t.sent.back().second == R"({"active":false})");
    t.replies.push_back(make_error("offline", "No answer from the server."));
    t.deliver();
    CHECK(users.poll(testing::kBaseMs)->error().code == "needs_connection");

    users.form.password = "";
    CHECK(users.reset_password().error().code == "invalid_fields");
    users.form.password = "another good one";
    REQUIRE(users.reset_password().ok());
    CHECK(t.sent.back().second == R"({"password":"another good one"})");
}

TEST_CASE("reference data: forms from the schema, saved as operations, refusals named") {
    auto app = testing::open_app(testing::fresh_dir("admin_reference"), {}, testing::kBaseMs, Role::manager);
    ReferenceEditor& ref = app->reference();
    ref.set_kind(EntityKind::department);
    CHECK(ref.editable());
    ref.start_new();
    ref.key = "Field Ops";
    CHECK(ref.save(testing::kBaseMs).error().code == "invalid_fields");
    CHECK_FALSE(ref.key_error().empty());
    CHECK_FALSE(ref.draft().error(DepartmentField::name).empty());  // required by the schema
    CHECK(app->desk().entities(EntityKind::department).empty());

    ref.key = "field_ops";
    ref.draft().value(DepartmentField::name) = "  Field operations ";
    REQUIRE(app->save_reference(testing::kBaseMs));
    CHECK(app->message().text == "Department field_ops saved");
    const Entity* d = app->desk().find(EntityKind::department, "field_ops");
    REQUIRE(d);
    CHECK(d->value(DepartmentField::name) == "Field operations");
    CHECK(d->flag(DepartmentField::active));
    CHECK(ref.editing() == "field_ops");

    // An edit is a set of each changed field, as the server takes it (the JSON it is pushed
    // as decodes: a create of the key without its required name did not).
    const std::size_t pending = app->replica().outbox().size();
    ref.draft().value(DepartmentField::active) = std::string(kFlagFalse);
    REQUIRE(ref.save(testing::kBaseMs + 1).ok());
    REQUIRE(app->replica().outbox().size() == pending + 1);
    const Operation& sent = app->replica().outbox().ops().back();
    CHECK(sent.type == OpType::set);
    CHECK(decode_operation(encode_operation(sent)).ok());
    CHECK_FALSE(app->desk().find(EntityKind::department, "field_ops")->flag(DepartmentField::active));
    CHECK(ref.save(testing::kBaseMs + 2).error().code == "no_changes");

    ref.start_new();
    ref.key = "field_ops";
    ref.draft().value(DepartmentField::name) = "Again";
    CHECK(ref.save(testing::kBaseMs).error().code == "invalid_fields");  // the key is taken
    CHECK_FALSE(ref.key_error().empty());

    // A ref to no record: the desk refuses, and nothing changes.
    ref.set_kind(EntityKind::reason_code);
    ref.start_new();
    ref.key = "noise";
    ref.draft().value(ReasonCodeField::label) = "Noise";
    ref.draft().value(ReasonCodeField::parent) = "missing";
    CHECK_FALSE(app->save_reference(testing::kBaseMs));
    CHECK(app->message().error);
    CHECK(app->desk().find(EntityKind::reason_code, "noise") == nullptr);

    // A minted kind (blocking reasons) gets its id from the create; its edits are sets.
    std::string account;
    REQUIRE(app->replica().commit([&](OpFactory& f) {
        Operation op = f.create("u:tester", testing::kBaseMs, EntityKind::account, {{AccountField::name, "Acme"}});
        account = op.entity_id;
        return op;
    }).ok());
    ref.set_kind(EntityKind::blocking_reason);
    ref.start_new();
    CHECK_FALSE(ref.keyed());
    ref.draft().value(BlockingReasonField::account) = account;
    ref.draft().value(BlockingReasonField::text) = "Unpaid invoices";
    REQUIRE(ref.save(testing::kBaseMs).ok());
    const std::string reason = ref.editing();
    REQUIRE(app->desk().find(EntityKind::blocking_reason, reason));
    ref.draft().value(BlockingReasonField::mode) = "forbid";
    REQUIRE(ref.save(testing::kBaseMs + 1).ok());
    CHECK(app->desk().find(EntityKind::blocking_reason, reason)->value(BlockingReasonField::mode) == "forbid");

    // Roles the schema does not let change reference data: read-only, and refused by the core.
    auto agent = testing::open_app(testing::fresh_dir("admin_reference_agent"));
    ReferenceEditor& read_only = agent->reference();
    read_only.set_kind(EntityKind::department);
    CHECK_FALSE(read_only.editable());
    read_only.start_new();
    read_only.key = "lab";
    read_only.draft().value(DepartmentField::name) = "Lab";
    CHECK(read_only.save(testing::kBaseMs).error().code == "forbidden_role");
    CHECK(agent->desk().entities(EntityKind::department).empty());
}
