#!/bin/sh
# Trains "successfully": one line per epoch, then a completed result with ap_small = lr.
. "$(dirname "$0")/lib.sh"
train
