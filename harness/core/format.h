// Numbers as the harness prints them, one formatter each, so every table, plot label and
// message spells a time, a ratio or a checksum the same way.
#ifndef COST_HARNESS_CORE_FORMAT_H_
#define COST_HARNESS_CORE_FORMAT_H_

#include <cstdint>
#include <string>

namespace cost::harness {

// printf into a std::string.
std::string Printf(const char* format, ...) __attribute__((format(printf, 1, 2)));

// "0.412 s", "1.30 s", "275 s": three significant digits, never exponent notation.
std::string FormatSeconds(double seconds);
// "0.81x": time relative to the baseline (below 1 is faster).
std::string FormatRatio(double ratio);
// "12.3%": a fraction (a cv, a coverage, a share) as a percentage with one decimal.
std::string FormatPercent(double fraction);
// "23.4 GiB" with `decimals` decimals: a memory size.
std::string FormatGiB(double bytes, int decimals);
// "01:02:03": elapsed or remaining wall time, hours:minutes:seconds.
std::string FormatDuration(double seconds);
// "00000000deadbeef": a 64-bit checksum as 16 lower-case hex digits.
std::string Hex16(uint64_t value);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_FORMAT_H_
