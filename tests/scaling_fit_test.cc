// Amdahl and USL fits recover the parameters of synthetic scaling curves, say when they are
// underdetermined, and project the crossing with a baseline (or that there is none).
#include "harness/analysis/scaling_fit.h"

#include <gtest/gtest.h>

#include <cmath>

namespace cost::harness {
namespace {

std::vector<ScalingPoint> Curve(const std::vector<int>& cores, double (*f)(double)) {
  std::vector<ScalingPoint> points;
  for (int p : cores) points.push_back({static_cast<double>(p), f(p)});
  return points;
}

// 10 s on one core, 10% serial: T(p) = 1 + 9 / p.
double Amdahl10(double p) { return 1.0 + 9.0 / p; }
// T1 = 8 s, contention s = 0.05, coherency k = 0.002.
double Usl(double p) { return 8.0 * (1 + 0.05 * (p - 1) + 0.002 * p * (p - 1)) / p; }

TEST(ScalingFitTest, AmdahlRecoversSerialFractionExactly) {
  const ScalingFit fit = FitScaling(Curve({1, 2, 4, 8}, Amdahl10), ScalingModel::kAmdahl);
  ASSERT_TRUE(fit.determined);
  EXPECT_NEAR(fit.coefficients[0], 1.0, 1e-9);
  EXPECT_NEAR(fit.coefficients[1], 9.0, 1e-9);
  EXPECT_NEAR(fit.serial_fraction(), 0.1, 1e-9);
  EXPECT_NEAR(fit.rms_relative_residual, 0.0, 1e-9);
  ASSERT_EQ(fit.relative_residuals.size(), 4u);
}

TEST(ScalingFitTest, UslRecoversContentionAndCoherency) {
  const ScalingFit fit = FitScaling(Curve({1, 2, 4, 8, 16}, Usl), ScalingModel::kUsl);
  ASSERT_TRUE(fit.determined);
  EXPECT_NEAR(fit.coefficients[0], 8.0, 1e-7);
  EXPECT_NEAR(fit.coefficients[1] / fit.coefficients[0], 0.05, 1e-7);
  EXPECT_NEAR(fit.coefficients[2] / fit.coefficients[0], 0.002, 1e-7);
}

TEST(ScalingFitTest, NoisyCurveGivesCloseFitAndItsResiduals) {
  std::vector<ScalingPoint> points = Curve({1, 2, 4, 8}, Amdahl10);
  const double noise[] = {1.03, 0.98, 1.02, 0.97};
  for (size_t i = 0; i < points.size(); ++i) points[i].seconds *= noise[i];
  const ScalingFit fit = FitScaling(points, ScalingModel::kAmdahl);
  ASSERT_TRUE(fit.determined);
  EXPECT_NEAR(fit.serial_fraction(), 0.1, 0.03);
  EXPECT_GT(fit.rms_relative_residual, 0.005);
  EXPECT_LT(fit.rms_relative_residual, 0.04);
}

TEST(ScalingFitTest, TwoPointsAreUnderdetermined) {
  const ScalingFit amdahl = FitScaling(Curve({1, 2}, Amdahl10), ScalingModel::kAmdahl);
  EXPECT_FALSE(amdahl.determined);
  EXPECT_EQ(amdahl.points, 2);
  EXPECT_TRUE(amdahl.coefficients.empty());
  const ScalingFit usl = FitScaling(Curve({1, 2, 4}, Usl), ScalingModel::kUsl);
  EXPECT_FALSE(usl.determined);
  EXPECT_EQ(usl.points, 3);
  // Repeating a core count adds no information.
  const ScalingFit repeated =
      FitScaling({{1, 10}, {1, 10.5}, {2, 5.5}, {2, 5.4}}, ScalingModel::kAmdahl);
  EXPECT_FALSE(repeated.determined);
}

TEST(ScalingFitTest, CoefficientsStayNonNegative) {
  // Faster than linear (cache effects): the unconstrained fit would give a negative serial part.
  const ScalingFit fit = FitScaling({{1, 10}, {2, 4.5}, {4, 2.0}, {8, 0.9}}, ScalingModel::kAmdahl);
  ASSERT_TRUE(fit.determined);
  EXPECT_GE(fit.coefficients[0], 0);
  EXPECT_GE(fit.coefficients[1], 0);
}

TEST(ScalingFitTest, CrossingOfAmdahlCurve) {
  const ScalingFit fit = FitScaling(Curve({1, 2, 4, 8}, Amdahl10), ScalingModel::kAmdahl);
  // 1 + 9 / p < 2 first at p = 10 (p = 9 gives exactly 2, not below).
  const ProjectedCrossing c = ProjectCrossing(fit, 2.0);
  EXPECT_TRUE(c.crosses);
  EXPECT_EQ(c.cores, 10);
  EXPECT_NEAR(c.seconds, 1.9, 1e-9);
  // Below the serial part the curve never gets.
  const ProjectedCrossing never = ProjectCrossing(fit, 0.9, 4096);
  EXPECT_FALSE(never.crosses);
  EXPECT_EQ(never.best_cores, 4096);
}

TEST(ScalingFitTest, UslCurveTurnsUpAndMayNeverCross) {
  const ScalingFit fit = FitScaling(Curve({1, 2, 4, 8, 16}, Usl), ScalingModel::kUsl);
  // The USL minimum is at p* = sqrt((1 - s) / k) = sqrt(475) ~ 21.8 cores.
  const ProjectedCrossing never = ProjectCrossing(fit, 0.5);
  EXPECT_FALSE(never.crosses);
  EXPECT_TRUE(never.best_cores == 21 || never.best_cores == 22) << never.best_cores;
  EXPECT_NEAR(never.best_seconds, Usl(never.best_cores), 1e-6);
  const ProjectedCrossing crosses = ProjectCrossing(fit, 3.0);
  ASSERT_TRUE(crosses.crosses);
  EXPECT_LT(Usl(crosses.cores), 3.0);
  EXPECT_GE(Usl(crosses.cores - 1), 3.0);
}

}  // namespace
}  // namespace cost::harness
