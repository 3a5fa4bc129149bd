#include "harness/analysis/compare.h"

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "harness/analysis/cost_table.h"
#include "harness/analysis/table_cells.h"
#include "harness/core/format.h"
#include "harness/core/median.h"

namespace cost::harness {
namespace {

using RowKey = std::tuple<std::string, std::string, std::string, int, int>;

RowKey KeyOf(const Measurement& m) {
  return {std::string(KernelName(m.kernel)), m.dataset, m.implementation, m.threads, m.procs};
}

// A file may hold a row twice (a resumed sweep that re-ran it): the last one counts, as in the
// file's own history.
std::map<RowKey, const Measurement*> Index(const ResultsFile& r) {
  std::map<RowKey, const Measurement*> index;
  for (const Measurement& m : r.measurements) index[KeyOf(m)] = &m;
  return index;
}

// Percentile bootstrap of median(B) / median(A): each side resampled with replacement.
void Bootstrap(const std::vector<double>& a, const std::vector<double>& b, int resamples,
               std::mt19937_64& rng, RowComparison* row) {
  std::vector<double> ratios;
  ratios.reserve(resamples);
  std::vector<double> sa(a.size()), sb(b.size());
  std::uniform_int_distribution<size_t> pick_a(0, a.size() - 1), pick_b(0, b.size() - 1);
  for (int r = 0; r < resamples; ++r) {
    for (double& x : sa) x = a[pick_a(rng)];
    for (double& x : sb) x = b[pick_b(rng)];
    ratios.push_back(Median(sb) / Median(sa));
  }
  std::sort(ratios.begin(), ratios.end());
  const auto at = [&](double q) {
    return ratios[std::min(ratios.size() - 1, static_cast<size_t>(q * (ratios.size() - 1) + 0.5))];
  };
  row->ci_low = at(0.025);
  row->ci_high = at(0.975);
  row->ci_method = "bootstrap";
}

void Ratio(const Measurement& a, const Measurement& b, int resamples, std::mt19937_64& rng,
           RowComparison* row) {
  row->ratio = b.median_seconds / a.median_seconds;
  const bool positive = std::all_of(a.repetition_seconds.begin(), a.repetition_seconds.end(),
                                    [](double x) { return x > 0; });
  if (a.repetition_seconds.size() >= 2 && b.repetition_seconds.size() >= 2 && positive) {
    Bootstrap(a.repetition_seconds, b.repetition_seconds, resamples, rng, row);
  } else if (a.ci_low_seconds > 0 && b.ci_high_seconds > 0) {
    // Quotient of the two medians' intervals: covers the ratio at least as often as both hold.
    row->ci_low = b.ci_low_seconds / a.ci_high_seconds;
    row->ci_high = b.ci_high_seconds / a.ci_low_seconds;
    row->ci_method = "median-intervals";
  } else {
    row->ci_low = row->ci_high = row->ratio;
    row->ci_method = "none";
  }
  row->status = row->ci_low > 1 ? "regressed" : row->ci_high < 1 ? "improved" : "unchanged";
}

}  // namespace

std::vector<RowComparison> CompareResults(const ResultsFile& a, const ResultsFile& b, int resamples,
                                          uint64_t seed) {
  const auto index_a = Index(a), index_b = Index(b);
  std::map<RowKey, std::pair<const Measurement*, const Measurement*>> both;
  for (const auto& [key, m] : index_a) both[key].first = m;
  for (const auto& [key, m] : index_b) both[key].second = m;
  std::mt19937_64 rng(seed);
  std::vector<RowComparison> rows;
  for (const auto& [key, pair] : both) {
    const auto& [ma, mb] = pair;
    RowComparison row;
    std::tie(row.kernel, row.dataset, row.implementation, row.threads, row.procs) = key;
    if (ma) {
      row.a_outcome = OutcomeName(ma->outcome);
      row.a_median = ma->median_seconds;
    }
    if (mb) {
      row.b_outcome = OutcomeName(mb->outcome);
      row.b_median = mb->median_seconds;
    }
    if (!mb) {
      row.status = "only-in-a";
    } else if (!ma) {
      row.status = "only-in-b";
    } else if (!ma->ok() || !mb->ok() || ma->median_seconds <= 0 || mb->median_seconds <= 0) {
      row.status = "failed";
    } else {
      Ratio(*ma, *mb, resamples, rng, &row);
    }
    rows.push_back(row);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const RowComparison& x, const RowComparison& y) {
    return std::make_tuple(x.kernel, x.dataset, x.implementation, x.threads * x.procs, x.procs) <
           std::make_tuple(y.kernel, y.dataset, y.implementation, y.threads * y.procs, y.procs);
  });
  return rows;
}

std::string ComparisonText(const std::vector<RowComparison>& rows) {
  const std::vector<std::string> header = {
      "kernel", "dataset", "implementation", "threads", "procs", "A",
      "B",      "B/A",     "95% CI",         "verdict"};
  std::vector<std::vector<std::string>> cells = {header};
  std::map<std::string, int> counts;
  for (const RowComparison& r : rows) {
    ++counts[r.status];
    const bool timed = r.ratio > 0;
    const auto side = [](const std::string& outcome, double median) -> std::string {
      if (outcome.empty()) return "-";
      return outcome == OutcomeName(Outcome::kOk) ? FormatSeconds(median) : outcome;
    };
    cells.push_back({r.kernel, r.dataset, r.implementation, std::to_string(r.threads),
                     std::to_string(r.procs), side(r.a_outcome, r.a_median),
                     side(r.b_outcome, r.b_median), timed ? FormatRatio(r.ratio) : "-",
                     timed ? FormatRatio(r.ci_low) + " - " + FormatRatio(r.ci_high) : "-",
                     r.status});
  }
  const std::vector<size_t> widths = ColumnWidths(cells);
  std::string text;
  for (const auto& line : cells) text += JoinPadded(line, widths);
  text += "\n";
  bool first = true;
  for (const auto& [status, n] : counts) {
    text += (first ? "" : ", ") + std::to_string(n) + " " + status;
    first = false;
  }
  return text + (rows.empty() ? "no rows\n" : "\n");
}

std::string ComparisonCsv(const std::vector<RowComparison>& rows) {
  std::string text =
      "kernel,dataset,implementation,threads,procs,a_outcome,b_outcome,a_median_seconds,"
      "b_median_seconds,ratio,ci_low,ci_high,ci_method,status\n";
  for (const RowComparison& r : rows) {
    text +=
        CsvField(r.kernel) + "," + CsvField(r.dataset) + "," + CsvField(r.implementation) +
        Printf(",%d,%d,", r.threads, r.procs) + CsvField(r.a_outcome) + "," +
        CsvField(r.b_outcome) +
        Printf(",%.6g,%.6g,%.6g,%.6g,%.6g,", r.a_median, r.b_median, r.ratio, r.ci_low, r.ci_high) +
        r.ci_method + "," + r.status + "\n";
  }
  return text;
}

nlohmann::json ComparisonJson(const std::vector<RowComparison>& rows) {
  nlohmann::json list = nlohmann::json::array();
  for (const RowComparison& r : rows) {
    list.push_back({{"kernel", r.kernel},
                    {"dataset", r.dataset},
                    {"implementation", r.implementation},
                    {"threads", r.threads},
                    {"procs", r.procs},
                    {"status", r.status},
                    {"a_outcome", r.a_outcome},
                    {"b_outcome", r.b_outcome},
                    {"a_median_seconds", r.a_median},
                    {"b_median_seconds", r.b_median},
                    {"ratio", r.ratio},
                    {"ci_low", r.ci_low},
                    {"ci_high", r.ci_high},
                    {"ci_method", r.ci_method}});
  }
  return {{"format", "cost-compare"}, {"rows", list}};
}

}  // namespace cost::harness
