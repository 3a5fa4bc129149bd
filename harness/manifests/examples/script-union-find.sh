#!/bin/sh
# Example external system for `cost`: reads a text edge list ("src dst" lines, original ids),
# writes "vertex-id component-label" lines, and prints "kernel seconds: X". Any program that does
# those three things can be compared the same way. This one delegates the work to the cost
# binary's own union-find (found as $COST_BINARY or on PATH), standing in for a real engine.
set -eu
edges="$1" values="$2" threads="$3"
cost="${COST_BINARY:-cost}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$cost" dataset convert "$edges" -o "$work/g.cgraph" > /dev/null
"$cost" run --impl serial:union-find --graph "$work/g.cgraph" --repetitions 1 --warmups 0 \
  --values "$values" --json "$work/r.json" --quiet
# The median seconds from the one-row results file: the engine's own timing of its kernel.
sed -n 's/.*"median_seconds": \([0-9.eE+-]*\).*/kernel seconds: \1/p' "$work/r.json"
: "$threads"  # a threaded engine would use it
