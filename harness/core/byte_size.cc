#include "harness/core/byte_size.h"

#include <cctype>
#include <charconv>
#include <stdexcept>

namespace cost::harness {

std::optional<uint64_t> TryParseByteSize(std::string_view text) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [rest, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc()) return std::nullopt;
  int shift = 0;
  if (rest != end) {
    const size_t unit = rest + 1 == end
                            ? std::string_view("KMGT").find(static_cast<char>(std::toupper(*rest)))
                            : std::string_view::npos;
    if (unit == std::string_view::npos) return std::nullopt;
    shift = 10 * static_cast<int>(unit + 1);
  }
  if (shift > 0 && value > (~uint64_t{0} >> shift)) return std::nullopt;
  return value << shift;
}

uint64_t ParseByteSize(const std::string& text) {
  const std::optional<uint64_t> size = TryParseByteSize(text);
  if (!size || *size == 0) {
    throw std::invalid_argument("\"" + text + "\" is not a size such as 512M or 8G");
  }
  return *size;
}

}  // namespace cost::harness
