#include "app/sign_in.hpp"

#include "app/i18n.hpp"
#include "protocol/error_reply.hpp"
#include "protocol/health_messages.hpp"

namespace hotline::app {

struct SignIn::Mailbox {
    std::optional<Result<sync::Reply>> probe;
    std::optional<Result<sync::Reply>> login;
};

SignIn::SignIn() : mailbox_(std::make_shared<Mailbox>()) {}
SignIn::~SignIn() = default;

void SignIn::probe(sync::Transport& transport) {
    if (server_ != Server::unknown) return;
    server_ = Server::probing;
    std::weak_ptr<Mailbox> box = mailbox_;
    transport.request("GET", "/health", "", "", [box](Result<sync::Reply> reply) {
        if (auto b = box.lock()) b->probe = std::move(reply);
    });
}

void SignIn::submit(sync::Transport& transport) {
    if (busy_) return;
    if (login.empty() || password.empty()) {
        error_ = tr("signin.fill_both");
        return;
    }
    busy_ = true;
    error_.clear();
    std::weak_ptr<Mailbox> box = mailbox_;
    transport.request("POST", "/login", encode_login_request(login, password), "", [box](Result<sync::Reply> reply) {
        if (auto b = box.lock()) b->login = std::move(reply);
    });
}

std::optional<Session> SignIn::poll() {
    if (mailbox_->probe) {
        const Result<sync::Reply> reply = std::move(*mailbox_->probe);
        mailbox_->probe.reset();
        server_ = reply && protocol::is_server_health(reply->body) ? Server::present : Server::absent;
    }
    if (!mailbox_->login) return std::nullopt;
    const Result<sync::Reply> reply = std::move(*mailbox_->login);
    mailbox_->login.reset();
    busy_ = false;
    if (!reply) {
        error_ = tr("signin.offline");
        return std::nullopt;
    }
    if (reply->status != 200) {
        // The server's own words (429: try again in a minute), unless it sent none.
        const Error e = protocol::failure_of(reply->status, reply->body);
        error_ = reply->status == 401 ? std::string(tr("signin.wrong"))
                 : e.code.starts_with("http_") ? std::string(tr("signin.failed"))
                                               : e.message;
        return std::nullopt;
    }
    auto session = decode_login_reply(reply->body);
    if (!session) {
        error_ = tr("signin.failed");
        return std::nullopt;
    }
    password.clear();
    return std::move(*session);
}

}  // namespace hotline::app
