// A desk and one replica's operation factory, for tests that make operations by hand
// and expect each to be accepted (a refusal fails the test with its code and message).
#pragma once

#include <doctest/doctest.h>

#include <cstdint>

#include "core/desk.hpp"
#include "core/op_factory.hpp"
#include "test_support.hpp"

namespace hotline::testing {

struct DeskWorld {
    Desk desk;
    OpFactory f{"ra"};
    std::int64_t now = kBaseMs;

    void apply(const Operation& op) {
        const ApplyResult r = desk.apply(op);
        REQUIRE_MESSAGE(r.kind == ApplyKind::applied, r.error.code << ": " << r.error.message);
    }
};

}  // namespace hotline::testing
