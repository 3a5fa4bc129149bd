#include "harness/core/format.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace cost::harness {

std::string Printf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  const int size = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  std::string text(size > 0 ? static_cast<size_t>(size) : 0, '\0');
  if (size > 0) std::vsnprintf(text.data(), text.size() + 1, format, again);
  va_end(again);
  return text;
}

std::string FormatSeconds(double seconds) {
  if (!(seconds > 0) || !std::isfinite(seconds)) return Printf("%g s", seconds);
  const int magnitude = static_cast<int>(std::floor(std::log10(seconds)));
  const int decimals = std::clamp(2 - magnitude, 0, 9);
  return Printf("%.*f s", decimals, seconds);
}

std::string FormatRatio(double ratio) { return Printf("%.2fx", ratio); }

std::string FormatPercent(double fraction) { return Printf("%.1f%%", 100 * fraction); }

std::string FormatGiB(double bytes, int decimals) {
  return Printf("%.*f GiB", decimals, bytes / (uint64_t{1} << 30));
}

std::string FormatDuration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  return Printf("%02ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
}

std::string Hex16(uint64_t value) {
  return Printf("%016llx", static_cast<unsigned long long>(value));
}

}  // namespace cost::harness
