#include "harness/analysis/scaling_fit.h"

#include <cmath>
#include <limits>
#include <set>

namespace cost::harness {
namespace {

// The model's basis functions at p cores: T(p) = sum_j coefficient_j * basis_j(p).
std::vector<double> Basis(ScalingModel model, double p) {
  if (model == ScalingModel::kAmdahl) return {1.0, 1.0 / p};
  return {1.0 / p, (p - 1) / p, p - 1};
}

// Solves the square system a x = b by Gaussian elimination with partial pivoting. Returns false
// when it is singular (the chosen basis functions cannot be told apart on these points).
bool Solve(std::vector<std::vector<double>> a, std::vector<double> b, std::vector<double>* x) {
  const size_t n = b.size();
  for (size_t col = 0; col < n; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < n; ++r) {
      if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
    }
    if (std::abs(a[pivot][col]) < 1e-12) return false;
    std::swap(a[pivot], a[col]);
    std::swap(b[pivot], b[col]);
    for (size_t r = col + 1; r < n; ++r) {
      const double f = a[r][col] / a[col][col];
      for (size_t c = col; c < n; ++c) a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  x->assign(n, 0);
  for (size_t r = n; r-- > 0;) {
    double sum = b[r];
    for (size_t c = r + 1; c < n; ++c) sum -= a[r][c] * (*x)[c];
    (*x)[r] = sum / a[r][r];
  }
  return true;
}

double Evaluate(ScalingModel model, const std::vector<double>& coefficients, double p) {
  const std::vector<double> basis = Basis(model, p);
  double t = 0;
  for (size_t j = 0; j < basis.size(); ++j) t += coefficients[j] * basis[j];
  return t;
}

// Least squares on the relative error with only the coefficients in `active` free (the others
// held at 0); the solution, or empty when singular.
std::vector<double> FitSubset(const std::vector<ScalingPoint>& points, ScalingModel model,
                              const std::vector<size_t>& active, size_t num_coefficients) {
  const size_t k = active.size();
  std::vector<std::vector<double>> normal(k, std::vector<double>(k, 0));
  std::vector<double> rhs(k, 0);
  for (const ScalingPoint& pt : points) {
    // Each row divided by the measured time: minimises sum ((model - t) / t)^2.
    const std::vector<double> basis = Basis(model, pt.cores);
    for (size_t i = 0; i < k; ++i) {
      const double bi = basis[active[i]] / pt.seconds;
      rhs[i] += bi;  // the target, t / t, is 1
      for (size_t j = 0; j < k; ++j) normal[i][j] += bi * basis[active[j]] / pt.seconds;
    }
  }
  std::vector<double> x;
  if (!Solve(normal, rhs, &x)) return {};
  std::vector<double> coefficients(num_coefficients, 0);
  for (size_t i = 0; i < k; ++i) coefficients[active[i]] = x[i];
  return coefficients;
}

double SquaredRelativeError(const std::vector<ScalingPoint>& points, ScalingModel model,
                            const std::vector<double>& coefficients) {
  double error = 0;
  for (const ScalingPoint& p : points) {
    const double r = (Evaluate(model, coefficients, p.cores) - p.seconds) / p.seconds;
    error += r * r;
  }
  return error;
}

// Non-negative least squares by trying every set of free coefficients (at most 2^3) and keeping
// the best fit whose coefficients are all >= 0: the optimum has some active set. Empty when no
// set gives a feasible fit.
std::vector<double> BestNonNegativeFit(const std::vector<ScalingPoint>& points,
                                       ScalingModel model) {
  const size_t n = Basis(model, 1).size();
  std::vector<double> best;
  double best_error = std::numeric_limits<double>::infinity();
  for (unsigned mask = 1; mask < (1u << n); ++mask) {
    std::vector<size_t> active;
    for (size_t j = 0; j < n; ++j) {
      if (mask & (1u << j)) active.push_back(j);
    }
    const std::vector<double> c = FitSubset(points, model, active, n);
    if (c.empty()) continue;
    bool feasible = true;
    for (double v : c) feasible = feasible && v >= 0;
    if (!feasible) continue;
    const double error = SquaredRelativeError(points, model, c);
    if (error < best_error) {
      best_error = error;
      best = c;
    }
  }
  return best;
}

}  // namespace

const char* ScalingModelName(ScalingModel model) {
  return model == ScalingModel::kAmdahl ? "Amdahl" : "USL";
}

double ScalingFit::serial_fraction() const {
  if (!determined) return 0;
  if (model == ScalingModel::kUsl)
    return coefficients[0] > 0 ? coefficients[1] / coefficients[0] : 0;
  const double total = coefficients[0] + coefficients[1];
  return total > 0 ? coefficients[0] / total : 0;
}

double ScalingFit::Seconds(double cores) const { return Evaluate(model, coefficients, cores); }

ScalingFit FitScaling(const std::vector<ScalingPoint>& points, ScalingModel model) {
  ScalingFit fit;
  fit.model = model;
  std::vector<ScalingPoint> usable;
  std::set<double> distinct;
  for (const ScalingPoint& p : points) {
    if (p.cores >= 1 && p.seconds > 0) {
      usable.push_back(p);
      distinct.insert(p.cores);
    }
  }
  fit.points = static_cast<int>(distinct.size());
  if (distinct.size() <= Basis(model, 1).size()) return fit;
  fit.coefficients = BestNonNegativeFit(usable, model);
  if (fit.coefficients.empty()) return fit;
  fit.determined = true;
  double sum = 0;
  for (const ScalingPoint& p : usable) {
    const double r = (fit.Seconds(p.cores) - p.seconds) / p.seconds;
    fit.relative_residuals.push_back(r);
    sum += r * r;
  }
  fit.rms_relative_residual = std::sqrt(sum / static_cast<double>(fit.relative_residuals.size()));
  return fit;
}

ProjectedCrossing ProjectCrossing(const ScalingFit& fit, double baseline_seconds, int max_cores) {
  ProjectedCrossing out;
  out.best_seconds = std::numeric_limits<double>::infinity();
  for (int p = 1; p <= max_cores; ++p) {
    const double t = fit.Seconds(p);
    if (t < out.best_seconds) {
      out.best_seconds = t;
      out.best_cores = p;
    }
    if (t < baseline_seconds) {
      out.crosses = true;
      out.cores = p;
      out.seconds = t;
      return out;
    }
  }
  return out;
}

}  // namespace cost::harness
