// Text rules for what people read of each other (core/text_rules.hpp).
#include <doctest/doctest.h>

#include <string>

#include "core/text_rules.hpp"

using namespace hotline;

TEST_CASE("line text: plain names pass, control characters and bidi controls do not") {
    for (const char* fine : {"Tom Fletcher", "Éloïse Dupré", "Иван Петров", "李雷", "O'Brien-Smith", "a"})
        CHECK_MESSAGE(!line_text_problem(fine), fine);
    const std::string refused[] = {
        std::string("a\0b", 3),       // NUL
        "Tom\x07",                    // BEL
        "two\nlines",                 // a line break
        "tab\there",                  // C0, like the rest
        "del\x7f",                    // DEL
        "c1\xc2\x85",                 // U+0085 NEXT LINE
        "\xe2\x80\xaeTom Fletcher",   // U+202E RIGHT-TO-LEFT OVERRIDE
        "x\xe2\x80\xaay",             // U+202A
        "x\xe2\x81\xa6y",             // U+2066 LEFT-TO-RIGHT ISOLATE
        "x\xe2\x81\xa9y",             // U+2069 POP DIRECTIONAL ISOLATE
        "x\xe2\x80\xa8y",             // U+2028 LINE SEPARATOR: one line means one line
        "x\xe2\x80\xa9y",             // U+2029 PARAGRAPH SEPARATOR
        "bad \xff utf-8",
    };
    for (const std::string& text : refused) CHECK_MESSAGE(line_text_problem(text), text);
    // Neighbours of the refused ranges are ordinary characters.
    CHECK_FALSE(line_text_problem("x\xe2\x80\xa7y"));  // U+2027
    CHECK_FALSE(line_text_problem("x\xe2\x81\xaay"));  // U+206A
    CHECK_FALSE(line_text_problem("\xc2\xa0"));        // U+00A0 NO-BREAK SPACE
}

TEST_CASE("code points are counted, not bytes") {
    CHECK(code_point_count("") == 0);
    CHECK(code_point_count("password") == 8);
    CHECK(code_point_count("éééé") == 4);
    CHECK(code_point_count("李雷") == 2);
    CHECK(code_point_count("\xf0\x9f\x94\x91") == 1);  // U+1F511 KEY
}
