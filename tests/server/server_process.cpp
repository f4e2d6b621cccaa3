#include "server_process.hpp"

#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include "server/http/http_client.hpp"

extern char** environ;

namespace hotline::server_test {
namespace {
constexpr auto kStartTimeout = std::chrono::seconds(20);
}

ServerProcess::ServerProcess(std::string program, std::string db_path, std::string work_dir)
    : program_(std::move(program)), db_path_(std::move(db_path)), work_dir_(std::move(work_dir)) {
    port_file_ = work_dir_ + "/server.port";
    log_path_ = work_dir_ + "/server.log";
}

ServerProcess::~ServerProcess() { kill_hard(); }

Outcome ServerProcess::start(std::uint16_t port) {
    if (running()) return make_error("already_running", "The server is already running");
    std::error_code ec;
    std::filesystem::remove(port_file_, ec);
    std::vector<std::string> args = {program_,        "--port",      std::to_string(port), "--port-file",
                                     port_file_,      "--db",        db_path_,             "--listen",
                                     "127.0.0.1"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    // The test blocks SIGPIPE nowhere, but a child must start with default signal handling
    // and an empty mask whatever the test's threads did.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, program_.c_str(), &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) return make_error("spawn_failed", "posix_spawn " + program_ + ": " + std::strerror(rc));
    pid_ = pid;
    ++starts_;

    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            pid_ = 0;
            return make_error("server_exited", "hotline_server exited during start-up (see " + log_path_ + ")");
        }
        std::ifstream in(port_file_);
        int bound = 0;
        if (in >> bound && bound > 0) {
            port_ = static_cast<std::uint16_t>(bound);
            return {};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill_hard();
    return make_error("start_timeout", "hotline_server did not write its port file in time");
}

void ServerProcess::kill_signal(int signal) {
    const pid_t pid = pid_.load();
    if (pid > 0) ::kill(pid, signal);
}

std::string ServerProcess::reap() {
    const pid_t pid = pid_.exchange(0);
    if (pid <= 0) return "not running";
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
    return "exited with " + std::to_string(WEXITSTATUS(status));
}

void ServerProcess::kill_hard() {
    kill_signal(SIGKILL);
    reap();
}

void ServerProcess::stop() {
    kill_signal(SIGTERM);
    reap();
}

Result<std::string> sign_in(std::uint16_t port, const std::string& login, const std::string& password) {
    server::http::HttpClient client("127.0.0.1", port, std::chrono::seconds(10));
    auto r = client.request("POST", "/api/v1/login", nlohmann::json{{"login", login}, {"password", password}}.dump());
    if (!r) return r.error();
    if (r->status != 200) return make_error("sign_in_failed", "Sign-in answered " + std::to_string(r->status) + ": " + r->body);
    return nlohmann::json::parse(r->body)["token"].get<std::string>();
}

}  // namespace hotline::server_test
