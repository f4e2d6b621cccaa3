#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for the server tests (CTest fixture, tests/CMakeLists.txt).
#   postgres_fixture.sh start <dir>           new cluster in <dir> on a free 127.0.0.1 port;
#                                             writes the libpq connection string to <dir>/connection
#   postgres_fixture.sh run <dir> <command...> runs the command with HOTLINE_TEST_PG set
#   postgres_fixture.sh stop <dir>            stops the cluster and removes <dir>
# The machine's default cluster is never touched: the data, the socket folder and the log
# live in <dir>. initdb and postgres refuse to run as root, so as root they run as the
# `postgres` user (runuser); when a parent folder of <dir> is closed to that user (a clone
# under a private temporary folder), the cluster goes to a folder of its own under /tmp
# instead, named in <dir>/cluster. Any other user runs them as itself. fsync=off: test
# data need not survive a power cut, and tests run faster.
set -euo pipefail

PGBIN=${HOTLINE_PGBIN:-/usr/lib/postgresql/15/bin}
DBNAME=hotline_test

usage() {
  echo "usage: $0 start <dir> | run <dir> <command...> | stop <dir>" >&2
  exit 2
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Where the cluster of <dir> lives: <dir> itself, or the folder named in <dir>/cluster.
cluster_of() {
  if [ -f "$1/cluster" ]; then cat "$1/cluster"; else echo "$1"; fi
}

stop_cluster() {
  local cluster
  cluster=$(cluster_of "$1")
  if [ -f "$cluster/data/postmaster.pid" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 ||
      as_owner "$PGBIN/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

remove_cluster() {
  local cluster
  cluster=$(cluster_of "$1")
  [ "$cluster" = "$1" ] || rm -rf "$cluster"
  rm -rf "$1"
}

# A port nobody listens on now; the start below still retries if another process wins it.
pick_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

start() {
  local dir=$1
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL binaries not found in $PGBIN" >&2; exit 1; }
  stop_cluster "$dir"  # a cluster left over by an interrupted run
  remove_cluster "$dir"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local cluster=$dir
  if [ "$(id -u)" = 0 ]; then
    if ! runuser -u postgres -- test -x "$dir"; then
      cluster=$(mktemp -d "/tmp/hotline-pg-XXXXXX")
      echo "$cluster" >"$dir/cluster"
    fi
    mkdir -p "$cluster/run"
    chown -R postgres:postgres "$cluster"
  else
    mkdir -p "$cluster/run"
  fi
  as_owner "$PGBIN/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

  local port
  for attempt in 1 2 3 4 5; do
    port=$(pick_port)
    if as_owner "$PGBIN/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w -t 60 \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
         start >/dev/null; then
      break
    fi
    if [ "$attempt" = 5 ]; then
      echo "PostgreSQL did not start; its log:" >&2
      cat "$cluster/log" >&2 || true
      exit 1
    fi
  done
  as_owner "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $DBNAME" >/dev/null
  echo "host=127.0.0.1 port=$port user=postgres dbname=$DBNAME connect_timeout=10" >"$dir/connection"
  echo "PostgreSQL test cluster on 127.0.0.1:$port ($cluster)"
}

run() {
  local dir=$1
  shift
  [ $# -gt 0 ] || usage
  [ -f "$dir/connection" ] || { echo "no cluster in $dir: run '$0 start $dir' first" >&2; exit 1; }
  HOTLINE_TEST_PG=$(cat "$dir/connection")
  export HOTLINE_TEST_PG
  exec "$@"
}

stop() {
  local dir=$1
  stop_cluster "$dir"
  remove_cluster "$dir"
}

[ $# -ge 2 ] || usage
command=$1
shift
case "$command" in
  start) [ $# -eq 1 ] || usage; start "$1" ;;
  run) run "$@" ;;
  stop) [ $# -eq 1 ] || usage; stop "$1" ;;
  *) usage ;;
esac
