#include "harness/core/byte_size.h"

#include <cctype>
#include <charconv>
#include <stdexcept>

namespace cost::harness {

uint64_t ParseByteSize(const std::string& text) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [rest, ec] = std::from_chars(text.data(), end, value);
  int shift = 0;
  if (rest != end && rest + 1 == end) {
    const std::string units = "KMGT";
    const size_t unit = units.find(static_cast<char>(std::toupper(*rest)));
    shift = unit == std::string::npos ? -1 : 10 * static_cast<int>(unit + 1);
  } else if (rest != end) {
    shift = -1;
  }
  if (ec != std::errc() || shift < 0 || value == 0 || (shift && value > (~0ull >> shift))) {
    throw std::invalid_argument("\"" + text + "\" is not a size such as 512M or 8G");
  }
  return value << shift;
}

}  // namespace cost::harness
