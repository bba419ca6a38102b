#!/usr/bin/env bash
# Copies the /proc and /sys files the host collectors read into a fixture tree, so a host whose
# numbers look wrong can be reproduced in a test: scripts/capture-fixture.sh src/fixtures/<name>
set -euo pipefail
dest=${1:?usage: capture-fixture.sh DEST_DIR}
mkdir -p "$dest/proc/pressure" "$dest/proc/net" "$dest/proc/sys/fs" "$dest/proc/1" "$dest/sys/class/net"
for f in stat loadavg meminfo diskstats net/dev sys/fs/file-nr mounts 1/mounts; do
  cat "/proc/$f" > "$dest/proc/$f"
done
for r in cpu memory io; do
  [ -r "/proc/pressure/$r" ] && cat "/proc/pressure/$r" > "$dest/proc/pressure/$r"
done
for dev in /sys/class/net/*; do
  name=$(basename "$dev")
  mkdir -p "$dest/sys/class/net/$name"
  cat "$dev/operstate" > "$dest/sys/class/net/$name/operstate" 2>/dev/null || true
  # speed is unreadable (EINVAL) on virtual interfaces; keep that as a missing file
  cat "$dev/speed" > "$dest/sys/class/net/$name/speed" 2>/dev/null || rm -f "$dest/sys/class/net/$name/speed"
done
echo "captured into $dest"
