// The sign-in screen's state and commands, testable natively. At start the
// platform asks the page's origin whether a Hotline server is there
// (GET /health): a static host (the demo, a plain file server) answers
// {"status": "static"} from a file in the site, a browser that is offline gets
// no answer; both mean "no server": the app runs on this browser's local desk.
// With a server, the user signs in once; the session is then kept (session.hpp)
// and the app works offline on that user's desk from then on.
//
// Replies arrive through sync::Transport callbacks, which only store them; the
// platform calls poll() each frame, so state changes happen in one place.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/session.hpp"
#include "core/result.hpp"
#include "sync/transport.hpp"

namespace hotline::app {

class SignIn {
public:
    enum class Server : std::uint8_t { unknown, probing, present, absent };

    SignIn();
    ~SignIn();

    void probe(sync::Transport& transport);
    Server server() const { return server_; }

    // The form (the UI edits these in place).
    std::string login;
    std::string password;

    bool busy() const { return busy_; }
    const std::string& error() const { return error_; }  // translated; empty: none
    // Sends the form; refused (with error()) when a field is empty or a request runs.
    void submit(sync::Transport& transport);

    // Acts on replies that have arrived. Returns the session once signed in
    // (the password is cleared at once: it is never kept).
    std::optional<Session> poll();

private:
    struct Mailbox;
    std::shared_ptr<Mailbox> mailbox_;  // shared with the callbacks, which may outlive this
    Server server_ = Server::unknown;
    bool busy_ = false;
    std::string error_;
};

}  // namespace hotline::app
