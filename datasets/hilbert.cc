// Hilbert curve encoding and decoding; see hilbert.h.
//
// State of the curve at a level: bit 0 = x and y are swapped, bit 1 = both are complemented.
// The two transformations commute, so composing states is xor. One bit level of the classic
// xy2d step: quadrant digit (3 * rx) ^ ry; if ry == 0 the rest of the curve is swapped, and
// also complemented if rx == 1.
#include "datasets/hilbert.h"

#include <utility>
#include <vector>

namespace cost::datasets {
namespace {

struct HilbertTables {
  // encode[state][x_byte << 8 | y_byte] = 16-bit index digits | next state << 16
  std::vector<uint32_t> encode = std::vector<uint32_t>(4 << 16);
  // decode[state][16 index bits] = x_byte | y_byte << 8 | next state << 16
  std::vector<uint32_t> decode = std::vector<uint32_t>(4 << 16);

  HilbertTables() {
    for (uint32_t state = 0; state < 4; ++state) {
      for (uint32_t xb = 0; xb < 256; ++xb) {
        for (uint32_t yb = 0; yb < 256; ++yb) {
          uint32_t x = xb, y = yb;
          if (state & 2) x ^= 0xff, y ^= 0xff;
          if (state & 1) std::swap(x, y);
          uint32_t digits = 0, next = state;
          for (int bit = 7; bit >= 0; --bit) {
            const uint32_t rx = (x >> bit) & 1, ry = (y >> bit) & 1;
            digits = (digits << 2) | ((3 * rx) ^ ry);
            if (ry == 0) {
              if (rx == 1) x ^= 0xff, y ^= 0xff, next ^= 2;
              std::swap(x, y);
              next ^= 1;
            }
          }
          encode[state << 16 | xb << 8 | yb] = digits | next << 16;
          decode[state << 16 | digits] = xb | yb << 8 | next << 16;
        }
      }
    }
  }
};

const HilbertTables& Tables() {
  static const HilbertTables tables;
  return tables;
}

}  // namespace

uint64_t HilbertIndexBitwise(uint32_t x, uint32_t y) {
  uint64_t index = 0;
  for (int bit = 31; bit >= 0; --bit) {
    const uint32_t rx = (x >> bit) & 1, ry = (y >> bit) & 1;
    index = (index << 2) | ((3 * rx) ^ ry);
    if (ry == 0) {
      if (rx == 1) x = ~x, y = ~y;
      std::swap(x, y);
    }
  }
  return index;
}

uint64_t HilbertIndex(uint32_t x, uint32_t y) {
  const uint32_t* encode = Tables().encode.data();
  uint64_t index = 0;
  uint32_t state = 0;
  for (int shift = 24; shift >= 0; shift -= 8) {
    const uint32_t e = encode[state << 16 | ((x >> shift) & 0xff) << 8 | ((y >> shift) & 0xff)];
    index = (index << 16) | (e & 0xffff);
    state = e >> 16;
  }
  return index;
}

void HilbertPoint(uint64_t index, uint32_t* x, uint32_t* y) {
  const uint32_t* decode = Tables().decode.data();
  uint32_t px = 0, py = 0, state = 0;
  for (int shift = 48; shift >= 0; shift -= 16) {
    const uint32_t d = decode[state << 16 | ((index >> shift) & 0xffff)];
    px = (px << 8) | (d & 0xff);
    py = (py << 8) | ((d >> 8) & 0xff);
    state = d >> 16;
  }
  *x = px;
  *y = py;
}

}  // namespace cost::datasets
