// Running gnuplot on a script the report wrote, and quoting text and numbers for its scripts and
// data files. Every plot of a report goes through here, so a missing or failing gnuplot is
// reported the same way and every number is written alike.
#ifndef COST_HARNESS_REPORT_GNUPLOT_H_
#define COST_HARNESS_REPORT_GNUPLOT_H_

#include <string>

namespace cost::harness {

// 'text' as a gnuplot single-quoted string (they take no escapes except '' for a quote, and
// no command substitution): control characters, which would end the string and the command,
// become spaces.
std::string GnuplotQuote(const std::string& text);

// Text for a "# ..." comment line of a script: control characters become spaces, since a
// newline would end the comment and run the rest of the text as commands.
std::string GnuplotComment(const std::string& text);

// A number for a gnuplot data file or script: nine significant digits ("%.9g"), more than a plot
// can show, and the same in every file.
std::string GnuplotNumber(double value);

// Runs `gnuplot SCRIPT` with dir as its working folder (scripts name their files relative to it).
// Throws std::runtime_error when gnuplot is not on PATH, or when it fails (with its output).
void RenderGnuplotScript(const std::string& dir, const std::string& script);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_GNUPLOT_H_
