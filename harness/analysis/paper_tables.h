// The paper's Tables 2-5 with this run's rows in them: each published system at its cores beside
// the measured single threads and parallel rows, the RAM and disk medians of a measured row side
// by side (the paper's "(RAM)" and "(SSD)" rows), and the preparation time of each layout beside
// the paper's 179 s Hilbert conversion. Which table a measured row belongs to follows from its
// properties (kernel, edge layout, algorithm), not from a list of names, so rows added to the
// implementation table land in the right one.
#ifndef COST_HARNESS_ANALYSIS_PAPER_TABLES_H_
#define COST_HARNESS_ANALYSIS_PAPER_TABLES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/core/results.h"

namespace cost::harness {

// "2" PageRank in vertex order, "4" PageRank in a Hilbert layout (arrays or compressed stream),
// "3" connected components by label propagation, "5" any other connectivity algorithm
// (union-find, Afforest); "" for a kernel the paper does not tabulate (BFS).
std::string PaperTableOf(const Measurement& m);

// The published column a measured dataset stands for: "twitter_rv" for twitter_rv itself and
// "twitter-like*" (the Kronecker stand-in and its smoke-run variants), "uk-2007-05" for
// uk-2007-05 and "uk-like*"; "" for any other dataset.
std::string PublishedColumnOf(const std::string& dataset);

// "ram" or "disk": the row's recorded storage, "ram" when the results file has none.
std::string StorageOf(const Measurement& m);

// "vertex" or "hilbert" (a Hilbert layout: arrays or the compressed stream).
std::string OrderOf(const Measurement& m);

// One cell: a time or nothing. Published lower bounds ("at least 8000 s") set at_least; a
// measured row that did not finish ok has its outcome in `failure` and no time.
struct PaperCell {
  bool present = false;
  double seconds = 0;
  bool at_least = false;
  std::string failure;
};

// A published column and the measured dataset standing in for it (empty when none was run).
struct PaperColumn {
  std::string published;  // "twitter_rv"
  std::string measured;   // "twitter-like"
};

struct PaperRow {
  std::string system;             // the published system, or the measured implementation
  std::string algorithm, layout;  // measured rows only
  int cores = 0;
  bool measured = false;
  std::vector<PaperCell> published;  // per column; empty cells for measured rows
  std::vector<PaperCell> ram, disk;  // per column; empty cells for published rows
};

struct PaperTable {
  std::string id, kernel, title, note;
  std::vector<PaperColumn> columns;
  std::vector<PaperRow> rows;  // published rows in the paper's order, then measured ones
};

// Every table of `published` (a cost-published-times file), in its order. Columns: each
// published dataset that has a measured stand-in in `rows`, then those without (measured empty).
// Measured rows: one per (implementation, cores), sorted single-threaded first, then by
// implementation and cores; a cell is the best ok median of that storage, or the outcome of its
// failed row. Throws std::runtime_error naming the field when `published` is malformed.
std::vector<PaperTable> PaperTables(const nlohmann::json& published,
                                    const std::vector<Measurement>& rows);

// The preparation of one prepared file as its rows recorded it: generating or parsing the source,
// building the CSR and its transpose, and adding the Hilbert layouts (the paper's 179 s).
struct PreparationTime {
  std::string dataset, graph_path;
  double total_seconds = 0;
  bool split = false;  // the parts below were recorded
  double source_seconds = 0, build_seconds = 0, layout_seconds = 0;
};

// One per (dataset, prepared file) with a row that recorded a preparation, sorted.
std::vector<PreparationTime> PreparationTimes(const std::vector<Measurement>& rows);

}  // namespace cost::harness

#endif  // COST_HARNESS_ANALYSIS_PAPER_TABLES_H_
