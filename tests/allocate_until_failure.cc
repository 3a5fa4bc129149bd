// A test "system" that allocates memory until it has BYTES (argv[1], e.g. 4G): under a sweep's
// memory cap (RLIMIT_AS, a cap on address space) it dies with std::bad_alloc as soon as the cap
// is reached, which the harness must record as out-of-memory. The blocks are not touched: that
// would only add page faults (seconds on a loaded machine) before the same failure. Not a
// GoogleTest: an executable the fault-injection manifests run.
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::string text = argv[1];
  unsigned long long bytes = std::strtoull(text.c_str(), nullptr, 10);
  if (text.back() == 'G') bytes <<= 30;
  if (text.back() == 'M') bytes <<= 20;
  std::vector<char*> blocks;
  for (unsigned long long total = 0; total < bytes; total += 64 << 20) {
    blocks.push_back(new char[64 << 20]);  // throws std::bad_alloc under the cap
  }
  return 0;
}
