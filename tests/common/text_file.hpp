// Reading a whole file as text, for tests that compare with files committed beside them
// (tests/fixtures); fails the test when the file cannot be read.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace hotline::testing {

inline std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace hotline::testing
