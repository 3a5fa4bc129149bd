// Sizes as people write them: "123", "64K", "512M", "8G", "1T" (powers of 1024).
#ifndef COST_HARNESS_CORE_BYTE_SIZE_H_
#define COST_HARNESS_CORE_BYTE_SIZE_H_

#include <cstdint>
#include <string>

namespace cost::harness {

// Throws std::invalid_argument naming the text when it is not a positive size.
uint64_t ParseByteSize(const std::string& text);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_BYTE_SIZE_H_
