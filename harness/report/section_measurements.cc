// Every measurement, a table per (kernel, dataset) with the notes a reader must see beside its
// numbers, and the list of failed rows with what became of each.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "harness/analysis/table_cells.h"
#include "harness/core/format.h"
#include "harness/report/report_sections.h"

namespace cost::harness {
namespace {

std::vector<const Measurement*> SortedMeasurements(const ResultsFile& results) {
  std::vector<const Measurement*> rows;
  for (const Measurement& m : results.measurements) rows.push_back(&m);
  std::stable_sort(rows.begin(), rows.end(), [](const Measurement* a, const Measurement* b) {
    return std::make_tuple(KernelName(a->kernel), a->dataset, a->implementation, a->cores(),
                           a->procs) < std::make_tuple(KernelName(b->kernel), b->dataset,
                                                       b->implementation, b->cores(), b->procs);
  });
  return rows;
}

// "from disk, 1.2 GB read per repetition at 0.45 GB/s": where a row's sections were and what it
// read (storage_fields.h); the rows of one implementation under both storage modes differ here.
std::string StorageNote(const Measurement& m) {
  std::string note = m.storage.empty()    ? "storage not controlled"
                     : m.storage == "ram" ? "from RAM"
                                          : "from disk";
  if (m.bytes_read > 0) {
    note += Printf(", %.3g GB read per repetition at %.3g GB/s", m.bytes_read / 1e9,
                   m.read_bytes_per_second / 1e9);
  }
  return note;
}

// Flags a reader must see beside a row's numbers.
std::string RowNotes(const Measurement& m) {
  std::vector<std::string> notes;
  if (m.oversubscribed) notes.push_back("oversubscribed (more workers than CPUs)");
  if (m.ok() && m.high_spread) notes.push_back("high spread");
  if (m.timing == Timing::kReported) notes.push_back("time reported by the system");
  if (m.timing == Timing::kProcessWall) notes.push_back("whole-process wall time");
  if (!m.storage.empty() || m.bytes_read > 0) notes.push_back(StorageNote(m));
  std::string text;
  for (const std::string& n : notes) text += (text.empty() ? "" : "; ") + n;
  return text;
}

// "61% (gather-bound)": the median against the cost model's limit on this machine; "-" when the
// machine's limits were not measured.
std::string FractionOfLimit(const Measurement& m) {
  if (m.limit_seconds <= 0) return "-";
  return Printf("%.0f%%", 100 * m.fraction_of_limit) +
         (m.limit_bound.empty() ? "" : " (" + m.limit_bound + ")");
}

// The 95% interval of the median and its true coverage, "-" when the row has none.
std::string IntervalCell(const Measurement& m) {
  if (m.ci_high_seconds <= 0) return "-";
  return FormatSeconds(m.ci_low_seconds) + " - " + FormatSeconds(m.ci_high_seconds) + " (" +
         FormatPercent(m.ci_level) + ")";
}

// A row's cells but its kernel and dataset, which head its group.
std::vector<std::string> MeasurementCells(const Measurement& m) {
  std::vector<std::string> cells = {m.implementation, m.algorithm, std::to_string(m.threads),
                                    std::to_string(m.procs)};
  if (m.ok()) {
    cells.insert(cells.end(),
                 {FormatSeconds(m.median_seconds), IntervalCell(m), FormatSeconds(m.min_seconds),
                  FormatSeconds(m.max_seconds), FormatPercent(m.cv), FractionOfLimit(m)});
  } else {
    cells.insert(cells.end(), 6, "-");
  }
  cells.insert(cells.end(), {std::to_string(m.repetitions), std::string(OutcomeName(m.outcome)),
                             RowNotes(m), m.message});
  return cells;
}

std::string Count(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

// Every row, a table per (kernel, dataset) in the COST table's order.
std::string MeasurementsSection(const ReportInput& in) {
  std::string text = "\n## Measurements\n";
  std::string group;
  for (const Measurement* m : SortedMeasurements(in.results)) {
    const std::string title = GroupTitle(m->kernel, m->dataset);
    if (title != group) {
      group = title;
      text += "\n### " + title +
              "\n\n| implementation | algorithm | threads | procs | median | 95% CI of median | "
              "min | max | cv | of limit | repetitions | outcome | notes | message |\n"
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- "
              "| --- | --- |\n";
    }
    text += MarkdownRow(MeasurementCells(*m));
  }
  return text;
}

std::string FailedSection(const ReportInput& in) {
  std::string text = "\n## Failed rows\n\n";
  bool any = false;
  for (const Measurement* m : SortedMeasurements(in.results)) {
    if (m->ok()) continue;
    any = true;
    text += "- " + m->implementation + " " + std::string(KernelName(m->kernel)) + " on " +
            m->dataset + ", " + Count(m->threads, "thread", "threads") + " x " +
            Count(m->procs, "process", "processes") + ": **" +
            std::string(OutcomeName(m->outcome)) + "**" +
            (m->message.empty() ? "" : ": " + MarkdownCell(m->message)) + "\n";
  }
  return text + (any ? "" : "None: every measurement finished with a valid output.\n");
}

}  // namespace cost::harness
