#!/usr/bin/env bash
# Checks that C++ sources match .clang-format (Google style, 100 columns) with clang-format-14,
# without changing them. Prints each file that is not formatted and exits 1 if there is one.
#
#   bash .ci/check-format.sh                 # every tracked *.cc and *.h
#   bash .ci/check-format.sh --changed BASE  # the tracked *.cc and *.h changed since BASE
#                                            # (commits and uncommitted edits; deleted files skipped)
#
# Fix a file with `clang-format-14 -i FILE`. Exit status: 0 clean, 1 unformatted files, 2 misuse.
set -euo pipefail

usage() {
  echo "usage: $0 [--changed BASE]" >&2
  exit 2
}

base=""
case "$#" in
  0) ;;
  2) [ "$1" = --changed ] || usage; base="$2" ;;
  *) usage ;;
esac

formatter="${CLANG_FORMAT:-clang-format-14}"
if ! command -v "$formatter" >/dev/null; then
  echo "$0: $formatter not found (Debian package clang-format-14)" >&2
  exit 2
fi
cd "$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"

files=()
if [ -z "$base" ]; then
  mapfile -d '' files < <(git ls-files -z -- '*.cc' '*.h')
else
  if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    echo "$0: $base is not a commit" >&2
    exit 2
  fi
  mapfile -d '' files < <(git diff -z --name-only --diff-filter=d "$base" -- '*.cc' '*.h')
fi

status=0
for file in "${files[@]}"; do
  if ! "$formatter" --dry-run -Werror "$file" >/dev/null 2>&1; then
    echo "$file"
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "$0: the files above differ from $formatter's format (fix: $formatter -i FILE)" >&2
fi
exit "$status"
