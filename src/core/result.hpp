// Errors as values. Nothing in src/core throws: every failure a caller can
// cause (bad JSON, a refused transition, a corrupt record) comes back as an
// Error with a stable machine code (for translation and for deciding whether
// a retry can help) and an English message a person can read.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hotline {

struct Error {
    std::string code;     // stable, snake_case: "missing_field", "guard_actual_solution", ...
    std::string message;  // for people, in English (the server's log, the English interface)
    // The message's variable parts, in order, for a translation of the code
    // (app::tr_error: "error.<code>" with a "{}" per argument). Not on the wire.
    std::vector<std::string> args = {};

    friend bool operator==(const Error&, const Error&) = default;
};

// A value or an Error. Small on purpose: C++20 has no std::expected.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
class [[nodiscard]] Outcome {
public:
    Outcome() = default;
    Outcome(Error error) : error_(std::move(error)), failed_(true) {}
    static Outcome success() { return {}; }

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool failed_ = false;
};

inline Error make_error(std::string code, std::string message, std::vector<std::string> args = {}) {
    return Error{std::move(code), std::move(message), std::move(args)};
}

}  // namespace hotline
