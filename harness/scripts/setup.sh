#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (as root, or with sudo available):
#   bash harness/scripts/setup.sh demo   # install packages, build, run `cost demo`
#   bash harness/scripts/setup.sh test   # install packages, build, run every test with ctest
#   bash harness/scripts/setup.sh build  # install packages and build only
# Safe to re-run: packages already installed are skipped, the build is incremental.
set -euo pipefail

mode="${1:-build}"
case "$mode" in demo|test|build) ;; *) echo "usage: $0 demo|test|build" >&2; exit 2 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${COST_BUILD_DIR:-$root/build}"
jobs="$(nproc)"

# Debian packages the build, the tests and the reports need.
packages=(cmake g++ make pkg-config git libbenchmark-dev libgtest-dev libgmock-dev
          nlohmann-json3-dev libcli11-dev libxxhash-dev zlib1g-dev libboost-graph-dev
          libgraphblas-dev libigraph-dev gnuplot-nox
          libboost-graph-parallel-dev libboost-mpi-dev libopenmpi-dev openmpi-bin
          curl
          iproute2                                    # the test cluster: ip, tc (test-cluster.sh)
          clang libclang-rt-14-dev libomp-dev ccache   # the sanitizer and fuzz stages (clang 14)
          clang-format-14)                            # CI's format check (.ci/check-format.sh)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ccache, when present, makes a rebuild after `git pull` take seconds; COST_CMAKE_ARGS adds
# options (CI: -DCOST_WERROR=ON).
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# The demo needs neither the tests nor the LDBC graphs they read from ../shared.
tests=ON
[ "$mode" = demo ] && tests=OFF
# shellcheck disable=SC2086  # COST_CMAKE_ARGS is a list of options
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCOST_BUILD_TESTS=$tests "${launcher[@]}" \
  ${COST_CMAKE_ARGS:-} >/dev/null
# The demo needs only `cost` and the programs its rows start (the demo_programs target); the
# tests, fuzzers and benchmarks are built for `test` and `build`.
case "$mode" in
  demo) cmake --build "$build" -j "$jobs" --target demo_programs ;;
  *) cmake --build "$build" -j "$jobs" ;;
esac

case "$mode" in
  demo) cd "$root" && exec "$build/harness/cost" demo ;;
  test) cd "$build" && exec ctest --output-on-failure -j "$jobs" ;;
  build) ;;
esac
