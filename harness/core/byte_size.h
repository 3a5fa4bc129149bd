// Sizes as people and the kernel write them: "123", "64K", "512M", "8G", "1T" (powers of 1024,
// the unit in either case): memory caps in sweep specs, sysfs cache sizes ("48K").
#ifndef COST_HARNESS_CORE_BYTE_SIZE_H_
#define COST_HARNESS_CORE_BYTE_SIZE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cost::harness {

// The size `text` spells, 0 included; std::nullopt when it spells none (empty, another unit,
// anything around the number, or more than 64 bits).
std::optional<uint64_t> TryParseByteSize(std::string_view text);

// Throws std::invalid_argument naming the text when it is not a positive size.
uint64_t ParseByteSize(const std::string& text);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_BYTE_SIZE_H_
