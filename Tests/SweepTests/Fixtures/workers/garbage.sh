#!/bin/sh
# Prints something that is not the protocol and exits 0 without a result.
. "$(dirname "$0")/lib.sh"
echo "Segmentation fault (core dumped) -- not JSON"
echo '{"unexpected": true}'
exit 0
