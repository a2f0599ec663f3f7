#!/bin/sh
# Crashes (killed by SIGSEGV) on its first attempt per trial, trains normally afterwards.
. "$(dirname "$0")/lib.sh"
marker="$FAKE_STATE_DIR/$trial.crashed"
if [ ! -e "$marker" ]; then
    touch "$marker"
    kill -SEGV $$
fi
train
