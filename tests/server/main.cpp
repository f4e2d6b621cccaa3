// The server tests' only main (doctest). CTest runs this binary twice: `server.sqlite`
// excludes test cases named "*postgres*", `server.postgres` runs only those, with
// HOTLINE_TEST_PG pointing at a private cluster (postgres_fixture.sh).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
