// The median of a set of timings, in the one room every other uses: the machine's limit tests
// (machine/) time their loops with it, and machine/ may not include analysis/, where the
// statistics of repetitions and the bootstrap of comparisons use it too.
#ifndef COST_HARNESS_CORE_MEDIAN_H_
#define COST_HARNESS_CORE_MEDIAN_H_

#include <vector>

namespace cost::harness {

// The middle value; for an even count, the mean of the two middle values. Throws
// std::invalid_argument for no values.
double Median(std::vector<double> values);

}  // namespace cost::harness

#endif  // COST_HARNESS_CORE_MEDIAN_H_
