// The parsers each fuzz target feeds its input to, one function per input format, in a table
// shared by the libFuzzer targets (fuzz_main.cc, one executable per row) and by the regression
// test that replays tests/fuzz/regressions/ROW/* in every build.
//
// A function returns normally when the parser accepts its input or rejects it with the error it
// documents (DatasetError, std::runtime_error, a JSON error); anything else — a crash, a sanitizer
// report, another exception such as std::bad_alloc, or a loaded graph that breaks the invariants
// kernels rely on — is a bug, reported by aborting.
//
// Loaders that read paths get the input written to files in a scratch folder of this process.
// Inputs for several files (LDBC .properties/.v/.e, .nodes/.edges) are split at kPartSeparator.
#ifndef COST_TESTS_FUZZ_FUZZ_INPUTS_H_
#define COST_TESTS_FUZZ_FUZZ_INPUTS_H_

#include <span>
#include <string_view>

namespace cost::fuzz {

// Between the files of a multi-file input; libFuzzer learns it from the memmem that looks for it.
inline constexpr std::string_view kPartSeparator = "\n#--#\n";

struct FuzzInput {
  const char* name;  // the target's name, its corpus and regression folder
  void (*parse)(std::string_view data);
};

// Every target, by name.
std::span<const FuzzInput> FuzzInputs();
// nullptr when no target has that name.
const FuzzInput* FindFuzzInput(std::string_view name);

}  // namespace cost::fuzz

#endif  // COST_TESTS_FUZZ_FUZZ_INPUTS_H_
