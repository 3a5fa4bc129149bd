// Projection beyond the measured configurations: Amdahl's law and the Universal Scalability Law
// (Gunther) fitted by least squares to an implementation's measured medians, and the core count
// at which the fitted curve would cross a single-threaded baseline. A projection is a model's
// guess, never a measured COST: reports label it "projected".
//
//   Amdahl:  T(p) = a + b / p                          (a = serial part, b = parallel part)
//   USL:     T(p) = T1 (1 + s (p - 1) + k p (p - 1)) / p
//                 = c0 / p + c1 (p - 1) / p + c2 (p - 1)  with c0 = T1, c1 = T1 s, c2 = T1 k
// Both are linear in their coefficients, so the fit is a linear least-squares problem on the
// relative error (timings span decades; an absolute fit would ignore the fast end), solved with
// every coefficient kept non-negative (a negative serial part or contention has no meaning).
#ifndef COST_HARNESS_ANALYSIS_SCALING_FIT_H_
#define COST_HARNESS_ANALYSIS_SCALING_FIT_H_

#include <string>
#include <vector>

namespace cost::harness {

struct ScalingPoint {
  double cores = 1;
  double seconds = 0;
};

enum class ScalingModel { kAmdahl, kUsl };

// "Amdahl" | "USL".
const char* ScalingModelName(ScalingModel model);

struct ScalingFit {
  ScalingModel model = ScalingModel::kAmdahl;
  // False when there are no more distinct core counts than coefficients (Amdahl: 2, USL: 3):
  // a curve through every point has no residual to judge it by, so none is reported.
  bool determined = false;
  int points = 0;  // distinct core counts used
  // Amdahl: {a, b}; USL: {T1, s, k}. Empty when not determined.
  std::vector<double> coefficients;
  // Per point (in the order given): (model - measured) / measured; and their root mean square.
  std::vector<double> relative_residuals;
  double rms_relative_residual = 0;

  // Amdahl: serial fraction a / (a + b); USL: s. 0 when not determined.
  double serial_fraction() const;
  double Seconds(double cores) const;  // the fitted curve; requires determined
};

// Least-squares fit of `model` to the points (several points at the same core count are all
// used). Points with seconds <= 0 or cores < 1 are ignored.
ScalingFit FitScaling(const std::vector<ScalingPoint>& points, ScalingModel model);

struct ProjectedCrossing {
  bool crosses = false;
  int cores = 0;       // crosses: the fewest cores at which the curve is below the baseline
  double seconds = 0;  // the curve there
  int best_cores = 0;  // does not cross: where the curve is lowest (within max_cores)
  double best_seconds = 0;
};

// The fewest cores in [1, max_cores] at which the fitted curve lies below baseline_seconds.
// Requires fit.determined.
ProjectedCrossing ProjectCrossing(const ScalingFit& fit, double baseline_seconds,
                                  int max_cores = 1 << 16);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_SCALING_FIT_H_
