#!/bin/sh
# The loss becomes NaN in epoch 2: a diverged result without metrics.
. "$(dirname "$0")/lib.sh"
epoch 1
printf '%s\n' '{"epoch":{"epoch":2,"loss":"nan","metrics":'"$(metrics -1)"',"seconds":0}}'
printf '%s\n' '{"result":{"status":"diverged","epochs":2,"metrics":null,"seconds":1,"images_per_second":100,"reason":"loss became NaN in epoch 2"}}'
