// The paper's picture: per kernel, each published system (GraphChi, Stratosphere, X-Stream,
// Spark, Giraph, GraphLab, GraphX, ...) as a labelled point at its cores against its published
// seconds on twitter_rv (or uk-2007-05), and this run's best single threads on the stand-in
// (vertex and Hilbert order, RAM and disk) as horizontal lines across every core count, on
// log-log axes: a point above a line is a system that one thread of this machine beats.
// A pure function of the published times and the results file; the report draws it.
#ifndef COST_HARNESS_REPORT_PAPER_FIGURE_H_
#define COST_HARNESS_REPORT_PAPER_FIGURE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/core/results.h"

namespace cost::harness {

// A published system's time: table `table`'s row; at_least for a published lower bound.
struct FigurePoint {
  std::string system, table;
  int cores = 0;
  double seconds = 0;
  bool at_least = false;
};

// This run's best single thread in one edge order and storage.
struct FigureLine {
  std::string order;    // "vertex" | "hilbert"
  std::string storage;  // "ram" | "disk"
  std::string implementation;
  double seconds = 0;
};

struct PaperFigure {
  std::string kernel;               // "pagerank" | "wcc"
  std::string published;            // the published column: "twitter_rv"
  std::string dataset;              // the measured stand-in: "twitter-like"
  std::vector<FigurePoint> points;  // in table order, then row order
  std::vector<FigureLine> lines;    // sorted by order, then storage ("disk" before "ram")
};

// One figure per (kernel of the published tables, published column) whose measured stand-in has
// an ok single-threaded row of that kernel; published rows without a time in the column are left
// out. Throws std::runtime_error naming the field when `published` is malformed.
std::vector<PaperFigure> PaperFigures(const nlohmann::json& published,
                                      const std::vector<Measurement>& rows);

// "paper-figure-KERNEL-DATASET", characters outside [A-Za-z0-9._-] as '_'.
std::string PaperFigureStem(const PaperFigure& figure);

// The data file: block 0 the published systems with more than one core, block 1 the published
// single threads, each line `cores seconds at_least "system"`; the lines as comments.
std::string PaperFigureData(const PaperFigure& figure);

// The gnuplot script drawing STEM.dat into STEM.svg and STEM.png; every label and title through
// GnuplotQuote, control characters as spaces.
std::string PaperFigureScript(const PaperFigure& figure, const std::string& stem);

// Every figure written and rendered in dir, and the report's section showing them.
struct PaperFigureFiles {
  std::vector<std::string> names;  // STEM.{dat,gp,svg,png} per figure
  std::vector<std::string> stems;
  std::string markdown;  // "## The paper's figure ..." or empty when there is no figure
};
// Throws std::runtime_error if gnuplot fails or a file cannot be written.
PaperFigureFiles WritePaperFigures(const std::string& dir, const nlohmann::json& published,
                                   const std::vector<Measurement>& rows);

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_PAPER_FIGURE_H_
