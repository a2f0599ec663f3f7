#!/bin/sh
# Reports one epoch, complains on stderr and exits with status 3, every attempt.
. "$(dirname "$0")/lib.sh"
epoch 1
echo "loading weights" >&2
echo "fatal: simulated crash in trial $trial" >&2
exit 3
