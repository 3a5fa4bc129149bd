#!/usr/bin/env bash
# The include layering, checked: the build runs this before compiling any harness room, so an
# include against the layering fails the build. Usage: check-layering.sh [SOURCE_DIR]
#
# Between the top folders:  harness -> {baselines, parallel} -> datasets
#   datasets/ includes only datasets/; baselines/ and parallel/ only themselves and datasets/.
# Inside harness/: each room (a folder with a CMakeLists.txt) may include itself and the rooms
#   named on the ROOMS line of its CMakeLists.txt, nothing else of harness/; the ROOMS lines
#   must form no cycle.
# Prints every violation as FILE:LINE: reason and exits 1 if there is one.
set -euo pipefail
top="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$top"
status=0
fail() {
  echo "$1" >&2
  status=1
}

# Folder -> top folders it may include besides itself.
declare -A allowed_top=([datasets]="" [baselines]="datasets" [parallel]="datasets"
                        [harness]="datasets baselines parallel")
# Room -> rooms it may include besides itself, from the ROOMS lines.
declare -A rooms=()
for cmake in harness/*/CMakeLists.txt; do
  room="$(basename "$(dirname "$cmake")")"
  line="$(grep -E '^[[:space:]]*ROOMS([[:space:]]|$)' "$cmake" || true)"
  if [ -z "$line" ]; then
    fail "$cmake: no ROOMS line: a room must declare the rooms it uses (none: a bare ROOMS)"
    continue
  fi
  rooms[$room]="$(echo "$line" | sed -E 's/^[[:space:]]*ROOMS[[:space:]]*//')"
done

# The rooms' dependency graph must be acyclic (tsort reports a loop).
pairs=""
for room in "${!rooms[@]}"; do
  pairs+="$room $room"$'\n'
  for dep in ${rooms[$room]}; do
    [ -n "${rooms[$dep]+x}" ] || fail "harness/$room/CMakeLists.txt: ROOMS names \"$dep\", which is not a room"
    pairs+="$dep $room"$'\n'
  done
done
if ! printf '%s' "$pairs" | tsort >/dev/null 2>/tmp/cost-layering-tsort.$$; then
  fail "harness/*/CMakeLists.txt: the ROOMS lines form a cycle: $(tr '\n' ' ' </tmp/cost-layering-tsort.$$)"
fi
rm -f /tmp/cost-layering-tsort.$$

check_file() {
  local file="$1" folder room="" number included target
  folder="${file%%/*}"
  if [ "$folder" = harness ]; then
    room="$(echo "$file" | cut -d/ -f2)"
    [ -n "${rooms[$room]+x}" ] || room=""
  fi
  while IFS=: read -r number included; do
    included="$(echo "$included" | sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*)".*/\1/')"
    target="${included%%/*}"
    [ -n "${allowed_top[$target]+x}" ] || continue  # a system or generated header
    if [ "$target" != "$folder" ] && [[ " ${allowed_top[$folder]} " != *" $target "* ]]; then
      fail "$file:$number: includes $included: $folder/ may not depend on $target/"
      continue
    fi
    [ "$target" = harness ] || continue
    local to
    to="$(echo "$included" | cut -d/ -f2)"
    if [ -z "${rooms[$to]+x}" ]; then
      fail "$file:$number: includes $included: harness/$to is not a room"
    elif [ -z "$room" ]; then
      fail "$file:$number: includes $included from outside every room"
    elif [ "$to" != "$room" ] && [[ " ${rooms[$room]} " != *" $to "* ]]; then
      fail "$file:$number: includes $included: room $room may use only: ${rooms[$room]:-nothing} (ROOMS in harness/$room/CMakeLists.txt)"
    fi
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" || true)
}

while IFS= read -r file; do
  check_file "$file"
done < <(find datasets baselines parallel harness -name '*.h' -o -name '*.cc' | sort)
exit "$status"
