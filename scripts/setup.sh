#!/usr/bin/env bash
# Installs the Debian packages the project needs, when they are missing.
set -euo pipefail
# postgresql-15: the server scripts/local-postgres.sh starts for the PostgreSQL store's tests.
# Checked before installing: installing it again when present would upgrade it.
packages=(libopenblas-dev libsqlite3-dev libpng-dev libjpeg62-turbo-dev pkg-config postgresql-15)
# slurm-wlm and munge: the single-node cluster scripts/local-slurm.sh starts for the Slurm test.
packages+=(slurm-wlm munge)
# The HTML report inlines Chart.js; its end-to-end test renders the report in headless Chromium.
packages+=(libjs-chart.js chromium)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
