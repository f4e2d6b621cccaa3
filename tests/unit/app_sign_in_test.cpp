// Signing in (app/session.hpp, app/sign_in.hpp): the kept session file, strict
// reading of the server's login answer, and the sign-in form's states against
// a transport that answers like the server, a static host or no network.
#include <doctest/doctest.h>

#include "app/session.hpp"
#include "app/sign_in.hpp"
#include "store/file_util.hpp"
#include "scripted_transport.hpp"
#include "store_test_dir.hpp"

using namespace hotline;
using namespace hotline::app;
using hotline::testing::ScriptedTransport;

namespace {

const char* kLoginReply =
    R"({"token":"abc123","expires_at":1767000000000,"user":{"login":"ivanova","name":"Anna Ivanova","role":"agent","active":true}})";

}  // namespace

TEST_CASE("the session is kept in a file and forgotten on sign-out") {
    const std::string root = testing::fresh_dir("session");
    CHECK_FALSE(load_session(root).value().has_value());
    const Session s{"ivanova", "Anna Ivanova", "agent", "abc123", 1767000000000};
    REQUIRE(save_session(root, s).ok());
    CHECK(load_session(root).value() == s);
    forget_session(root);
    CHECK_FALSE(load_session(root).value().has_value());

    REQUIRE(store::write_file_atomically(session_path(root), "{not json").ok());
    CHECK_FALSE(load_session(root).ok());
    REQUIRE(store::write_file_atomically(session_path(root), R"({"login":"x","name":"X","role":"boss","token":"t","expires_at":1})").ok());
    CHECK_FALSE(load_session(root).ok());
    CHECK(user_replica_dir(root, "ivanova") == root + "/users/ivanova");
}

TEST_CASE("the login answer is read strictly") {
    auto s = decode_login_reply(kLoginReply);
    REQUIRE(s.ok());
    CHECK(s->login == "ivanova");
    CHECK(s->token == "abc123");
    for (const char* bad : {"", "[]", R"({"token":"t"})", R"({"token":"","expires_at":1,"user":{"login":"a","name":"A","role":"agent"}})",
                            R"({"token":"t","expires_at":"1","user":{"login":"a","name":"A","role":"agent"}})",
                            R"({"token":"t","expires_at":1,"user":{"login":"A B","name":"A","role":"agent"}})"})
        CHECK_MESSAGE(!decode_login_reply(bad).ok(), bad);

}

TEST_CASE("the probe tells a server from a static host and from no network") {
    struct Case {
        Result<sync::Reply> reply;
        SignIn::Server expected;
    };
    Case cases[] = {
        {sync::Reply{200, R"({"status":"ok","head":3})"}, SignIn::Server::present},
        // The server answers but its database does not: still a server, not a static host.
        {sync::Reply{503, R"({"status":"unavailable","message":"The database cannot be reached"})"},
         SignIn::Server::present},
        {sync::Reply{503, "Service Unavailable"}, SignIn::Server::absent},
        {sync::Reply{200, R"({"status":"static"})"}, SignIn::Server::absent},
        {sync::Reply{404, "Not found"}, SignIn::Server::absent},
        {make_error("offline", "no answer"), SignIn::Server::absent},
    };
    for (auto& c : cases) {
        ScriptedTransport t;
        SignIn form;
        form.probe(t);
        form.probe(t);  // once only
        CHECK(t.sent.size() == 1);
        CHECK(t.sent[0].first == "GET /health");
        CHECK(form.server() == SignIn::Server::probing);
        t.replies.push_back(c.reply);
        t.deliver();
        CHECK_FALSE(form.poll().has_value());
        CHECK(form.server() == c.expected);
    }
}

TEST_CASE("signing in: empty fields, wrong password, no network, then success") {
    ScriptedTransport t;
    SignIn form;
    form.submit(t);
    CHECK(t.sent.empty());
    CHECK_FALSE(form.error().empty());

    form.login = "ivanova";
    form.password = "wrong one";
    form.submit(t);
    CHECK(form.busy());
    form.submit(t);  // one request at a time
    CHECK(t.sent.size() == 1);
    CHECK(t.sent[0].first == "POST /login");
    CHECK(t.sent[0].second == R"({"login":"ivanova","password":"wrong one"})");
    t.replies.push_back(sync::Reply{401, R"({"error":{"code":"bad_credentials","message":"Wrong login or password."}})"});
    t.deliver();
    CHECK_FALSE(form.poll().has_value());
    CHECK_FALSE(form.busy());
    CHECK(form.error() == "Wrong login or password");

    form.submit(t);
    t.replies.push_back(make_error("offline", "no answer"));
    t.deliver();
    CHECK_FALSE(form.poll().has_value());
    CHECK(form.error().find("cannot be reached") != std::string::npos);

    form.submit(t);
    t.replies.push_back(sync::Reply{429, R"({"error":{"code":"too_many_attempts","message":"Too many failed logins; try again in a minute."}})"});
    t.deliver();
    CHECK_FALSE(form.poll().has_value());
    CHECK(form.error() == "Too many failed logins; try again in a minute.");

    form.submit(t);
    t.replies.push_back(sync::Reply{500, "oops"});
    t.deliver();
    CHECK_FALSE(form.poll().has_value());
    CHECK(form.error() == "The server could not sign you in; try again");

    form.password = "correct horse";
    form.submit(t);
    t.replies.push_back(sync::Reply{200, kLoginReply});
    t.deliver();
    auto session = form.poll();
    REQUIRE(session.has_value());
    CHECK(session->name == "Anna Ivanova");
    CHECK(form.password.empty());  // never kept
    CHECK(form.error().empty());
}
