// The wasm tree is built with WebAssembly's exception handling (CMakeLists.txt): a throw
// must reach its catch, running the destructors on the way, in node and in the browser as
// natively. Without exception support the throw below aborts the test program.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

namespace {

struct CountsDestruction {
    int& destroyed;
    ~CountsDestruction() { ++destroyed; }
};

void parse_with_a_guard(int& destroyed, const char* text) {
    CountsDestruction guard{destroyed};
    (void)nlohmann::json::parse(text);
}

}  // namespace

TEST_CASE("a C++ exception is caught after unwinding through destructors") {
    int destroyed = 0;
    CHECK_THROWS_AS(parse_with_a_guard(destroyed, "{\"unfinished\": "), nlohmann::json::parse_error);
    CHECK(destroyed == 1);
    CHECK_NOTHROW(parse_with_a_guard(destroyed, "{}"));
    CHECK(destroyed == 2);
}
