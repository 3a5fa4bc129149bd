#!/usr/bin/env bash
# The sanitizer and fuzz stages CI runs after the README's test command (.ci/run). Each stage
# prints its name and wall time; the first failure stops the script with a non-zero status.
#
#   asan-build   clang++-14, -fsanitize=address,undefined (-fno-sanitize-recover) plus the
#                fuzzing instrumentation (-DCOST_FUZZ=ON): one build serves the next three stages
#   asan-tests   every test except the `fuzz`, `mpi` and `mpi-cluster` labels, under ASan + UBSan
#                (but the one whose rows run under RLIMIT_AS, which ASan cannot start under)
#   mpi-asan     the `mpi` and `mpi-cluster` labels under ASan, ASAN_OPTIONS=detect_leaks=0
#                (Open MPI's own leaks)
#   fuzz         the `fuzz` label: each libFuzzer target for COST_FUZZ_SECONDS (default 10)
#   tsan-build   clang++-14 -fsanitize=thread with -fopenmp (libomp; its Archer tool gives
#                TSan the OpenMP synchronisation, which libomp itself does not annotate)
#   tsan-tests   the `openmp` label under TSan
#
# Usage: bash tests/sanitizers/run-stages.sh [STAGE...]   (default: all, in the order above)
# Build folders: $COST_ASAN_BUILD_DIR (build-asan), $COST_TSAN_BUILD_DIR (build-tsan).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
asan_build="${COST_ASAN_BUILD_DIR:-$root/build-asan}"
tsan_build="${COST_TSAN_BUILD_DIR:-$root/build-tsan}"
fuzz_seconds="${COST_FUZZ_SECONDS:-10}"
jobs="$(nproc)"
cxx="${COST_SANITIZER_CXX:-clang++-14}"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# Line tables only: symbolised reports at a fraction of full debug info's compile time. -O1, the
# optimisation the sanitizers' documentation recommends: -O3 adds compile time to a build whose
# tests run for seconds, and inlines away frames the reports would name. NDEBUG as in Release,
# so the same assertions are compiled in or out. Warnings fail CI in the GCC build of
# the build-and-test stage (COST_WERROR in .ci/run); clang's here are printed, not fatal.
common=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG" -DCMAKE_CXX_COMPILER="$cxx"
        "-DCMAKE_CXX_FLAGS=-gline-tables-only" "${launcher[@]}")

export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

# The OpenMP tool that annotates libomp's barriers and locks for TSan; without it TSan reports
# false races between the threads of every parallel region.
archer="$(ls /usr/lib/llvm-14/lib/libarcher.so 2>/dev/null || true)"

stage_asan_build() {
  cmake -S "$root" -B "$asan_build" "${common[@]}" -DCOST_FUZZ=ON \
    -DCOST_FUZZ_SECONDS="$fuzz_seconds" >/dev/null &&
    cmake --build "$asan_build" -j "$jobs"
}

stage_asan_tests() {
  # Left out: the tests whose rows or preparations run under a memory cap (RLIMIT_AS): ASan reserves
  # ~20 TiB of shadow address space at start-up, which no cap allows.
  (cd "$asan_build" && ctest --output-on-failure -j "$jobs" -LE '^(fuzz|mpi|mpi-cluster)$' \
    -E '^(SweepFaultsTest.EachFaultCostsOnlyItsRow|PaperScaleCli.SmokeRunWritesResultsTablesAndTheFigure)$')
}

stage_mpi_asan() {
  (cd "$asan_build" && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -L '^(mpi|mpi-cluster)$' \
    --no-tests=ignore)
}

stage_fuzz() {
  # -V: each fuzzer's final statistics (executions) go to the log, summarised here.
  local log="$asan_build/fuzz.log" status=0
  (cd "$asan_build" && ctest -j "$jobs" -L '^fuzz$' -V) >"$log" 2>&1 || status=$?
  grep -E 'Test +#|executed_units|ERROR|SUMMARY|violated|crash-' "$log" || true
  return "$status"
}

stage_tsan_build() {
  cmake -S "$root" -B "$tsan_build" "${common[@]}" -DCOST_SANITIZE=thread >/dev/null || return
  # Only what the `openmp` label runs (and the `cost` binary its tests may start).
  local targets
  targets="$(sed -n 's/^cost_add_test(\([a-z_]*\) LABELS openmp)$/\1/p' "$root/tests/CMakeLists.txt")"
  [ -n "$targets" ] || targets="kernels_test conformance_test systems_agreement_test"
  # shellcheck disable=SC2086
  cmake --build "$tsan_build" -j "$jobs" --target cost $targets
}

stage_tsan_tests() {
  local label='^openmp$'
  grep -q 'LABELS openmp' "$root/tests/CMakeLists.txt" ||
    label='' # no `openmp` label yet: the kernel suites that run the OpenMP rows
  local select=(-L "$label")
  [ -n "$label" ] || select=(-R '^(Kernels|Conformance|SystemsAgreement)')
  (cd "$tsan_build" &&
    TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1${archer:+:ignore_noninstrumented_modules=1}" \
    OMP_TOOL_LIBRARIES="$archer" ctest --output-on-failure -j 1 "${select[@]}")
}

stages=("$@")
((${#stages[@]})) || stages=(asan-build asan-tests mpi-asan fuzz tsan-build tsan-tests)
total_start=$SECONDS
for stage in "${stages[@]}"; do
  echo "=== stage $stage"
  start=$SECONDS
  if ! "stage_${stage//-/_}"; then
    echo "=== stage $stage: FAILED after $((SECONDS - start)) s"
    exit 1
  fi
  echo "=== stage $stage: passed in $((SECONDS - start)) s"
done
echo "=== sanitizer stages: passed in $((SECONDS - total_start)) s"
