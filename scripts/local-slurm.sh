#!/usr/bin/env bash
# A throw-away single-node Slurm cluster for tests and laptops (Debian's slurm-wlm and munge).
#
#   scripts/local-slurm.sh start   writes a slurm.conf for this machine (its CPUs and memory as
#                                  `slurmd -C` reports them) in a new temporary folder, starts a
#                                  private munged, slurmctld and slurmd there (on free loopback
#                                  ports), and returns once `sinfo` shows the node idle; prints
#                                  the line to run in a shell that uses it as its last line:
#                                  export SLURM_CONF=…/slurm.conf
#   scripts/local-slurm.sh stop    stops those daemons and removes the folder
#
# Nothing outside the folder is used or changed: munged has its own key and socket (slurm.conf's
# AuthInfo names it), the daemons their own state, spool, pid and log files. No systemd and no
# cgroups are needed (proctrack/linuxproc, task/none). Jobs run as the user who submits them;
# the daemons run as root, so start it as root.
#
# The folder of the running cluster is remembered in $SWEEP_LOCAL_SLURM_STATE
# (default /tmp/sweep-local-slurm.state), so `stop` works from any later shell.
set -euo pipefail

state=${SWEEP_LOCAL_SLURM_STATE:-/tmp/sweep-local-slurm.state}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits up to 30 s for `$1` (a command) to succeed.
wait_for() {
    for _ in $(seq 300); do
        if eval "$1" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    return 1
}

fail() {
    echo "local-slurm: $1" >&2
    for log in "$dir"/*.log; do
        [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
    done
    stop >/dev/null
    exit 1
}

start() {
    if [ -f "$state" ] && [ -d "$(cat "$state")" ]; then
        echo "local-slurm: a cluster is already started in $(cat "$state"); run '$0 stop' first" >&2
        exit 1
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "local-slurm: slurmd must run as root; run '$0 start' as root" >&2
        exit 1
    fi
    if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
        bash "$(dirname "$0")/setup.sh"
    fi
    dir=$(mktemp -d /tmp/sweep-slurm.XXXXXX)
    chmod 755 "$dir"
    echo "$dir" >"$state"
    mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chown -R munge:munge "$dir/munge"
    chmod 755 "$dir/munge"
    chmod 400 "$dir/munge/munge.key"
    runuser -u munge -- munged --socket="$dir/munge/munge.socket" \
        --key-file="$dir/munge/munge.key" --pid-file="$dir/munge/munged.pid" \
        --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" ||
        fail "munged did not start (log: $dir/munge/munged.log)"

    host=$(hostname -s)
    node=$(slurmd -C | head -n 1)
    cpus=$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$node")
    memory=$(sed -n 's/.* RealMemory=\([0-9]*\).*/\1/p' <<<"$node")
    cat >"$dir/slurm.conf" <<EOF
ClusterName=sweep-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
SlurmdTimeout=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
    export SLURM_CONF="$dir/slurm.conf"
    slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
    slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
    wait_for '[ "$(sinfo --noheader --format=%t --nodes='"$host"')" = idle ]' ||
        fail "the node did not become idle within 30 s: $(sinfo 2>&1)"
    echo "local-slurm: Slurm $(sinfo --version | cut -d' ' -f2) in $dir, node $host: $cpus CPUs, $memory MB (logs: $dir/*.log)"
    echo "export SLURM_CONF=$dir/slurm.conf"
}

# Stops the daemon whose pid file is `$1`, waiting up to 10 s for it to end.
stop_daemon() {
    [ -f "$1" ] || return 0
    local pid
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
}

stop() {
    if [ ! -f "$state" ]; then
        echo "local-slurm: no cluster started (no $state)" >&2
        return 0
    fi
    dir=$(cat "$state")
    if [ -f "$dir/slurm.conf" ]; then
        # Jobs still running end with the cluster.
        SLURM_CONF="$dir/slurm.conf" scancel --full --quiet --user="$(id -un)" 2>/dev/null || true
    fi
    stop_daemon "$dir/slurmd.pid"
    stop_daemon "$dir/slurmctld.pid"
    stop_daemon "$dir/munge/munged.pid"
    case "$dir" in
    /tmp/sweep-slurm.*) rm -rf "$dir" ;;
    esac
    rm -f "$state"
    echo "local-slurm: stopped and removed $dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
