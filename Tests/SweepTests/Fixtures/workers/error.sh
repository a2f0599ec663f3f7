#!/bin/sh
# Reports a dataset error line and exits 2, as `sweep-cli worker` does for a missing dataset.
. "$(dirname "$0")/lib.sh"
printf '%s\n' '{"error":"/data/missing/data.yaml: no such file"}'
exit 2
