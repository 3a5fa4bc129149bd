// Flat exports of a results file for spreadsheets and other tools.
#ifndef COST_HARNESS_ANALYSIS_EXPORT_H_
#define COST_HARNESS_ANALYSIS_EXPORT_H_

#include <string>

#include "harness/core/results.h"

namespace cost::harness {

// RFC 4180 CSV: a header line, then one line per measurement (configuration, outcome, the
// summary statistics, and every repetition's seconds joined with ';').
std::string ResultsToCsv(const ResultsFile& results);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_EXPORT_H_
