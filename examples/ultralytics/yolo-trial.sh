#!/bin/sh
# One Ultralytics trial: sh yolo-trial.sh TRIAL_DIR ARGS..., run by sweep.yaml from this folder.
# Ultralytics writes labels/*.cache beside a dataset's labels, so each trial trains on its own
# copy of data/ (15 MB here): trials side by side (--jobs 2) never share a cache file.
set -eu
dir=$1
shift
rm -rf "$dir/data"  # a retried trial starts from a fresh copy
cp -r data "$dir/data"
# Any TTF as Arial.ttf in the private YOLO_CONFIG_DIR: else Ultralytics tries to download it.
mkdir -p "$YOLO_CONFIG_DIR/Ultralytics"
ln -sf "${YOLO_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}" "$YOLO_CONFIG_DIR/Ultralytics/Arial.ttf"
exec yolo detect train data="$dir/data/data.yaml" project="$dir" name=run exist_ok=True "$@"
