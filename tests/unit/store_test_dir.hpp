// A fresh, empty directory per store test, under the test's working
// directory (CTest sets it; under node NODERAWFS maps it to the real disk).
#pragma once

#include <filesystem>
#include <string>

namespace hotline::testing {

inline std::string fresh_dir(const std::string& name) {
    std::filesystem::path p = std::filesystem::current_path() / "store-test-data" / name;
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p.string();
}

}  // namespace hotline::testing
