// One libFuzzer target: the row of fuzz_inputs.cc named by COST_FUZZ_TARGET (each target is
// this file compiled with another name; see CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cost::fuzz::FuzzInput* const input = cost::fuzz::FindFuzzInput(COST_FUZZ_TARGET);
  input->parse(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
