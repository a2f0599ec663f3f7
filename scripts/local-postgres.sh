#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for tests and laptops (Debian's postgresql-15).
#
#   scripts/local-postgres.sh start   initdb + pg_ctl in a new temporary folder, on a free
#                                     loopback port, with a generated password; prints its
#                                     postgres:// URL as the last line
#   scripts/local-postgres.sh restart stops that server (fast: open connections are cut) and
#                                     starts it again on the same port, data kept
#   scripts/local-postgres.sh stop    stops that server and removes its folder
#
# The folder of the running server is remembered in $SWEEP_LOCAL_POSTGRES_STATE
# (default /tmp/sweep-local-postgres.state), so `stop` works from any later shell.
set -euo pipefail

state=${SWEEP_LOCAL_POSTGRES_STATE:-/tmp/sweep-local-postgres.state}
bin=/usr/lib/postgresql/15/bin

# Runs a command as the server's owner: `postgres` when we are root (PostgreSQL refuses to run as
# root), else the current user.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    if [ -f "$state" ] && [ -d "$(cat "$state")" ]; then
        echo "local-postgres: a server is already started in $(cat "$state"); run '$0 stop' first" >&2
        exit 1
    fi
    if [ ! -x "$bin/initdb" ]; then
        bash "$(dirname "$0")/setup.sh"
    fi
    dir=$(mktemp -d /tmp/sweep-postgres.XXXXXX)
    mkdir -p "$dir/data" "$dir/socket"
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
    password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    port=$(free_port)
    printf '%s\n' "$password" >"$dir/password"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/password"
    chmod 600 "$dir/password"
    as_owner "$bin/initdb" --pgdata="$dir/data" --username=postgres --pwfile="$dir/password" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --no-instructions \
        >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    echo "$dir" >"$state"
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
        --options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c max_connections=200 -c fsync=off" \
        start >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    as_owner "$bin/psql" --quiet --host="$dir/socket" --port="$port" \
        --username=postgres --dbname=postgres --command="CREATE DATABASE sweep" >/dev/null
    echo "local-postgres: PostgreSQL 15 in $dir (log: $dir/server.log)"
    echo "postgres://postgres:$password@127.0.0.1:$port/sweep"
}

restart() {
    if [ ! -f "$state" ]; then
        echo "local-postgres: no server started (no $state)" >&2
        exit 1
    fi
    dir=$(cat "$state")
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --mode=fast --wait \
        restart >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "local-postgres: restarted the server in $dir"
}

stop() {
    if [ ! -f "$state" ]; then
        echo "local-postgres: no server started (no $state)" >&2
        exit 0
    fi
    dir=$(cat "$state")
    if [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait stop >/dev/null 2>&1 || true
    fi
    case "$dir" in
    /tmp/sweep-postgres.*) rm -rf "$dir" ;;
    esac
    rm -f "$state"
    echo "local-postgres: stopped and removed $dir"
}

case "${1:-}" in
start) start ;;
restart) restart ;;
stop) stop ;;
*)
    echo "usage: $0 start|restart|stop" >&2
    exit 2
    ;;
esac
