# Shared by the fake workers: reads the trial config from stdin and prints protocol lines.
# Knobs (environment): FAKE_SLEEP seconds per epoch (default 0), FAKE_EPOCHS epochs (default:
# the config's), FAKE_STATE_DIR a folder for workers that behave differently per attempt,
# FAKE_STALL_LR: the trial with this lr stalls after FAKE_STALL_EPOCH (default 2) until killed,
# FAKE_GATE a file: after its first epoch the worker waits until that file exists, so a test
# decides when trials may finish instead of racing them with sleeps. FAKE_STALL_BELOW: every trial
# with an lr below this stalls after epoch 1 until killed (only a prune can end it).
config=$(cat)
trial=""
while [ $# -gt 0 ]; do
    if [ "$1" = "--trial" ]; then trial="$2"; shift; fi
    shift
done
lr=$(printf '%s' "$config" | sed -n 's/.*"lr":\([0-9.eE+-]*\).*/\1/p')
epochs=${FAKE_EPOCHS:-$(printf '%s' "$config" | sed -n 's/.*"epochs":\([0-9]*\).*/\1/p')}
pause=${FAKE_SLEEP:-0}

# metrics AP_SMALL: a metrics object whose ranking keys derive from AP_SMALL.
metrics() {
    printf '{"ap":%s,"ap50":0.5,"ap75":0.2,"ap_small":%s,"ap_medium":0.4,"ap_large":-1,' "$1" "$1"
    printf '"ar1":0.1,"ar10":0.2,"ar100":0.3,"ar_small":0.25,"ar_medium":0.35,"ar_large":-1,'
    printf '"ap50_small":%s,"ap_very_tiny":0.05,"ap_tiny":0.07,"ap_tiny_small":0.1}' "$1"
}

# epoch N [LOSS]: one epoch line with ap_small = lr * N / epochs.
epoch() {
    value=$(awk "BEGIN { print $lr * $1 / $epochs }")
    printf '{"epoch":{"epoch":%s,"loss":%s,"metrics":%s,"seconds":%s}}\n' \
        "$1" "${2:-0.5}" "$(metrics "$value")" "$pause"
}

# result STATUS EPOCHS: the final line, ap_small = lr.
result() {
    printf '{"result":{"status":"%s","epochs":%s,"metrics":%s,"seconds":1,' \
        "$1" "$2" "$(metrics "$lr")"
    printf '"images_per_second":100}}\n'
}

# train: every epoch (FAKE_SLEEP apart), then the completed result.
train() {
    n=1
    while [ "$n" -le "$epochs" ]; do
        sleep "$pause"
        epoch "$n"
        if [ "$n" -eq 1 ] && [ -n "${FAKE_GATE:-}" ]; then
            while [ ! -e "$FAKE_GATE" ]; do sleep 0.02; done
        fi
        if [ "$n" -eq 1 ] && [ -n "${FAKE_STALL_BELOW:-}" ] \
            && awk "BEGIN { exit !($lr < $FAKE_STALL_BELOW) }"; then
            sleep 600
        fi
        if [ "$lr" = "${FAKE_STALL_LR:-}" ] && [ "$n" -eq "${FAKE_STALL_EPOCH:-2}" ]; then
            sleep 600
        fi
        n=$((n + 1))
    done
    result completed "$epochs"
}
