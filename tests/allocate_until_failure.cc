// A test "system" that allocates and touches memory until it has BYTES (argv[1], e.g. 4G):
// under a sweep's memory cap it dies with std::bad_alloc, which the harness must record as
// out-of-memory. Not a GoogleTest: an executable the fault-injection manifests run.
#include <cstdlib>
#include <cstring>
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
    char* block = new char[64 << 20];  // throws std::bad_alloc under the cap
    std::memset(block, 1, 64 << 20);   // touch it: resident, not only reserved
    blocks.push_back(block);
  }
  return 0;
}
