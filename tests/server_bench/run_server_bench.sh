#!/usr/bin/env bash
# Runs the server benchmark on SQLite, then on a private PostgreSQL cluster started with
# tests/server/postgres_fixture.sh (the `run_server_bench` target, tests/CMakeLists.txt).
#   run_server_bench.sh <hotline_server_bench> <postgres_fixture.sh> <cluster dir> [bench flags...]
# The cluster is stopped and its folder removed whatever the benchmark does; the exit status
# is non-zero if either run failed.
set -u
bench=$1
fixture=$2
pg_dir=$3
shift 3

status=0
"$bench" --backend sqlite "$@" || status=1

if bash "$fixture" start "$pg_dir"; then
  trap 'bash "$fixture" stop "$pg_dir"' EXIT
  bash "$fixture" run "$pg_dir" "$bench" --backend postgres "$@" || status=1
else
  status=1
fi
exit $status
