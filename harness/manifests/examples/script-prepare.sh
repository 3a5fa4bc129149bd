#!/bin/sh
# Example preparation step for `cost` (script-prepare.json): converts the edge list it is given
# into the system's own input, here the same "src dst" lines sorted by source, written to the
# path the harness names. The harness runs it once per graph and manifest and caches the output.
# Each run appends a line to $PREPARE_LOG when that is set, so a test can count the runs.
set -eu
edges="$1" prepared="$2"
sort -n -k1,1 -k2,2 "$edges" > "$prepared.tmp"
mv "$prepared.tmp" "$prepared"
if [ -n "${PREPARE_LOG:-}" ]; then echo "prepared $prepared" >> "$PREPARE_LOG"; fi
