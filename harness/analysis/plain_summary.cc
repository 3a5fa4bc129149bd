#include "harness/analysis/plain_summary.h"

#include "harness/core/format.h"

namespace cost::harness {
namespace {

std::string GroupOpening(const CostGroup& g) {
  std::string text = std::string(KernelName(g.kernel));
  text += " on " + g.dataset + ": ";
  if (g.baseline_implementation.empty()) {
    return text + "no single-threaded row succeeded, so nothing has a COST";
  }
  return text + "the best single thread is " + g.baseline_implementation + " (" +
         FormatSeconds(g.baseline_seconds) + ")";
}

}  // namespace

std::string VerdictInWords(const CostEntry& e) {
  const std::string& name = e.implementation;
  switch (e.status) {
    case CostStatus::kBounded:
      return name + " beats it from " + CoresText(e.cost_cores);
    case CostStatus::kNotSeparable:
      return name + " is within the noise of it (" + FormatRatio(e.ratio) + " its time, at " +
             CoresText(e.cost_cores) + ")";
    case CostStatus::kUnbounded:
      return name + " never does (best " + FormatRatio(e.ratio) + " slower)";
    case CostStatus::kFailed:
      return name + " failed (" + std::string(OutcomeName(e.outcome)) + ")";
    case CostStatus::kNoBaseline:
      return name + " has no single thread to compare with";
    case CostStatus::kBaseline:
    case CostStatus::kSingleThreaded:
      break;
  }
  return name + " is single-threaded";
}

std::vector<std::string> PlainSummary(const std::vector<CostGroup>& groups) {
  std::vector<std::string> lines;
  for (const CostGroup& g : groups) {
    std::string line = GroupOpening(g);
    int parallel = 0;
    for (const CostEntry& e : g.entries) {
      if (e.kind == Kind::kSingleThreaded || g.baseline_implementation.empty()) continue;
      line += "; " + VerdictInWords(e);
      ++parallel;
    }
    if (parallel == 0 && !g.baseline_implementation.empty()) line += "; no parallel row ran";
    lines.push_back(line + ".");
  }
  return lines;
}

}  // namespace cost::harness
