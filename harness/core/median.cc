#include "harness/core/median.h"

#include <algorithm>
#include <stdexcept>

namespace cost::harness {

double Median(std::vector<double> values) {
  if (values.empty()) throw std::invalid_argument("the median of no values");
  const size_t n = values.size();
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (n % 2) return *middle;
  // The lower middle value is the largest of the half before the upper one.
  return (*std::max_element(values.begin(), middle) + *middle) / 2;
}

}  // namespace cost::harness
