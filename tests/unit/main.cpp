// The doctest runner of hotline_unit_tests: the only file that defines main().
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
