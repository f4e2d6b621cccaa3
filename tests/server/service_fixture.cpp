#include "service_fixture.hpp"

#include <cstdlib>

#include <doctest/doctest.h>

#include "protocol/push_messages.hpp"
#include "server/users_api.hpp"

namespace hotline::test {

ServiceFixture::ServiceFixture(Backend backend, std::string_view name)
    : database_(server_test::fresh_database(backend, name)) {
    restart();
}

void ServiceFixture::restart() {
    service_.reset();
    server::ServiceOptions options;
    options.hash_cost = server::HashCost::minimal;
    options.now_ms = [this] { return now; };
    options.on_change = [this] { ++changes_signalled; };
    options.snapshots.records_per_chunk = 4;  // a small desk makes several chunks (first_sync_test)
    options.archive = archive;
    auto opened = server::SyncService::open(db(), options);
    REQUIRE_MESSAGE(opened.ok(), hotline::server_test::failure_text(opened));
    service_ = std::move(*opened);
}

server::ApiRequest api_request(const std::string& method, const std::string& path, const std::string& body,
                               const std::string& token, std::map<std::string, std::string> query) {
    server::ApiRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.bearer_token = token;
    r.query = std::move(query);
    r.client_address = "127.0.0.1";
    return r;
}

server::ApiResponse ServiceFixture::call(const std::string& method, const std::string& path, const std::string& body,
                                         const std::string& token, std::map<std::string, std::string> query) {
    return service_->handle(api_request(method, path, body, token, std::move(query)));
}

void ServiceFixture::add_user(const std::string& login, const std::string& role, const std::string& name) {
    auto user = server::new_user(login, name.empty() ? login : name, role, kPassword, server::HashCost::minimal);
    REQUIRE(user.ok());
    REQUIRE(db().create_user(*user).ok());
}

std::string ServiceFixture::login(const std::string& login) {
    auto r = call("POST", "/login", nlohmann::json{{"login", login}, {"password", kPassword}}.dump());
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());
    return r.body["token"].get<std::string>();
}

std::string ServiceFixture::push_body(const std::string& replica, const std::vector<Operation>& ops, int want_numbers) {
    return protocol::encode_push_request(replica, ops, want_numbers);
}

server::ApiResponse ServiceFixture::push(const std::string& token, const std::string& replica,
                                         const std::vector<Operation>& ops, int want_numbers) {
    return call("POST", "/push", push_body(replica, ops, want_numbers), token);
}

Operation ClientOps::create(std::int64_t now, const std::string& title, const std::string& engineer) {
    std::vector<std::pair<FieldId, std::string>> fields = {{IncidentField::title, title}};
    if (!engineer.empty()) fields.push_back({IncidentField::engineer, engineer});
    return factory.create_incident(actor, now, std::move(fields));
}

Operation ClientOps::set(std::int64_t now, const std::string& incident, FieldId field, const std::string& value) {
    return factory.set_field(actor, now, incident, field, value);
}

Operation ClientOps::transition(std::int64_t now, const std::string& incident, IncidentStatus to) {
    return factory.transition(actor, now, incident, to);
}

}  // namespace hotline::test
