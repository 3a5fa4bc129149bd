// Running gnuplot on a script the report wrote, and quoting text for gnuplot scripts. Every plot
// of a report goes through here, so a missing or failing gnuplot is reported the same way.
#ifndef COST_HARNESS_REPORT_GNUPLOT_H_
#define COST_HARNESS_REPORT_GNUPLOT_H_

#include <string>

namespace cost::harness {

// 'text' as a gnuplot single-quoted string (they take no escapes except '' for a quote).
std::string GnuplotQuote(const std::string& text);

// Runs `gnuplot SCRIPT` with dir as its working folder (scripts name their files relative to it).
// Throws std::runtime_error when gnuplot is not on PATH, or when it fails (with its output).
void RenderGnuplotScript(const std::string& dir, const std::string& script);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_GNUPLOT_H_
