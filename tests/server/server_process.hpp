// The real server program (hotline_server) as a child process of a test, on a SQLite
// file: started with --port-file so the test learns the bound port, killed hard
// (SIGKILL: no graceful shutdown, a push may be half done) or stopped gently (SIGTERM).
// Its log lines (stderr) go to <log_path>, appended across restarts.
// Thread use: kill_signal() may be called from another thread (a "killer" thread
// racing a request); everything else from the test's thread. The child is only
// reaped (waitpid) by reap(), from the test's thread, so its pid cannot be reused
// while a killer thread still holds it.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include <sys/types.h>

#include "core/result.hpp"

namespace hotline::server_test {

class ServerProcess {
public:
    ServerProcess(std::string program, std::string db_path, std::string work_dir);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts the program on `port` (0: any free port) and waits until it listens.
    // A fixed port that cannot be bound is an error (the caller may retry with 0).
    Outcome start(std::uint16_t port);
    // Sends `signal` if the child is running (safe from another thread).
    void kill_signal(int signal);
    // Waits for the child to end (after a kill); returns how it ended, for messages.
    std::string reap();
    // SIGKILL + reap.
    void kill_hard();
    // SIGTERM + reap (the server finishes in-flight requests first).
    void stop();

    bool running() const { return pid_.load() > 0; }
    pid_t pid() const { return pid_.load(); }  // 0 when not running
    std::uint16_t port() const { return port_; }
    int starts() const { return starts_; }

private:
    std::string program_, db_path_, work_dir_, port_file_, log_path_;
    std::atomic<pid_t> pid_{0};
    std::uint16_t port_ = 0;
    int starts_ = 0;
};

// Signs `login` in on the server listening on `port`: their session token.
Result<std::string> sign_in(std::uint16_t port, const std::string& login, const std::string& password);

}  // namespace hotline::server_test
