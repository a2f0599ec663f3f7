#!/bin/sh
# A command trainer for the tests: `trainer.sh MODE LR EPOCHS TRIAL TRIAL_DIR [SEED SWEEP]`.
# Modes: stdout (JSON lines with a few metrics), stall (trial 1 stalls after epoch 1 until
# killed; ap_small = 0.9 for trial 0, 0.1 for trial 1), crash, hang, garbage, no-objective,
# predictions (writes TRIAL_DIR/predictions.json from truth.json: exact boxes when LR >= 0.5,
# else shifted ones), no-predictions, unknown-image, val-loss (only metrics of its own: val_loss
# falls to LR, val_acc = 1 - LR), val-loss-stall (as stall, with val_loss 0.1 for trial 0 and
# 0.9 for trial 1).
mode=$1 lr=$2 epochs=$3 trial=$4 dir=$5
echo "starting trial $trial in $(pwd)"
printf '%s\n' "$*" > "$dir/args.txt"
printf '%s\n' "${TRAINER_NOTE:-}" > "$dir/env.txt"

# epoch N VALUE: an epoch line with only the objective and a loss.
epoch() { printf '{"epoch": {"epoch": %s, "loss": 0.5, "ap_small": %s}}\n' "$1" "$2"; }

case $mode in
stdout)
    n=1
    while [ "$n" -le "$epochs" ]; do
        epoch "$n" "$(awk "BEGIN { print $lr * $n / $epochs }")"
        n=$((n + 1))
    done
    printf '{"result": {"ap_small": %s, "ap50_small": %s}}\n' "$lr" "$(awk "BEGIN { print 2 * $lr }")"
    ;;
stall)
    value=0.9
    [ "$trial" = 1 ] && value=0.1
    epoch 1 "$value"
    [ "$trial" = 1 ] && { sleep 600 & wait; }
    n=2
    while [ "$n" -le "$epochs" ]; do
        epoch "$n" "$value"
        n=$((n + 1))
    done
    printf '{"result": {"ap_small": %s}}\n' "$value"
    ;;
val-loss)
    n=1
    while [ "$n" -le "$epochs" ]; do
        printf '{"epoch": {"epoch": %s, "loss": 0.5, "val_loss": %s}}\n' "$n" \
            "$(awk "BEGIN { print $lr * ($epochs - $n + 1) }")"
        n=$((n + 1))
    done
    printf '{"result": {"metrics": {"val_loss": %s, "val_acc": %s}}}\n' "$lr" \
        "$(awk "BEGIN { print 1 - $lr }")"
    ;;
val-loss-stall)
    value=0.1
    [ "$trial" = 1 ] && value=0.9
    printf '{"epoch": {"epoch": 1, "val_loss": %s}}\n' "$value"
    [ "$trial" = 1 ] && { sleep 600 & wait; }
    printf '{"epoch": {"epoch": 2, "val_loss": %s}}\n' "$value"
    printf '{"result": {"val_loss": %s}}\n' "$value"
    ;;
crash)
    epoch 1 0.1
    echo "Traceback (most recent call last):" >&2
    echo "RuntimeError: CUDA out of memory in trial $trial" >&2
    exit 3
    ;;
hang)
    epoch 1 0.1
    sleep 600 &
    echo $! > "$dir/child.pid"
    wait
    ;;
garbage)
    echo "{not json"
    echo "loss went down"
    ;;
no-objective)
    printf '{"result": {"ap50_small": 0.4}}\n'
    ;;
predictions | unknown-image)
    shift_by=0
    awk "BEGIN { exit !($lr < 0.5) }" && shift_by=3
    image_offset=0
    [ "$mode" = unknown-image ] && image_offset=1000
    epoch 1 0.2
    # truth.json lists one annotation per line: image_id, category_id and bbox.
    sed -n 's/.*"image_id":\([0-9]*\),"category_id":\([0-9]*\),"bbox":\[\([^]]*\)\].*/\1 \2 \3/p' \
        truth.json | awk -v s="$shift_by" -v o="$image_offset" '
        BEGIN { printf "[" }
        { split($3, b, ","); if (NR > 1) printf ",";
          printf "{\"image_id\":%d,\"category_id\":%d,\"bbox\":[%s,%s,%s,%s],\"score\":0.9}",
              $1 + o, $2, b[1] + s, b[2] + s, b[3], b[4] }
        END { print "]" }' > "$dir/predictions.json"
    ;;
no-predictions)
    epoch 1 0.2
    ;;
esac
