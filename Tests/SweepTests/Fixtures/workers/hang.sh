#!/bin/sh
# Reports one epoch, then hangs in a child process (only a process-group kill ends both).
. "$(dirname "$0")/lib.sh"
epoch 1
sleep 600
