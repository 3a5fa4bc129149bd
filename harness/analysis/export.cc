#include "harness/analysis/export.h"

#include <charconv>
#include <vector>

#include "harness/analysis/table_cells.h"

namespace cost::harness {
namespace {

// Shortest text that reads back to the same double.
std::string Number(double value) {
  char buffer[32];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

std::string Join(const std::vector<double>& values) {
  std::string text;
  for (double v : values) text += (text.empty() ? "" : ";") + Number(v);
  return text;
}

}  // namespace

std::string ResultsToCsv(const ResultsFile& results) {
  std::string csv =
      "dataset,kernel,implementation,system,algorithm,kind,threads,procs,cores,oversubscribed,"
      "iterations,source,repetitions,warmups,outcome,median_seconds,min_seconds,max_seconds,cv,"
      "ci_low_seconds,ci_high_seconds,ci_level,high_spread,timing,load_seconds,"
      "preparation_seconds,peak_rss_bytes,num_vertices,num_edges,graph_checksum,message,"
      "repetition_seconds\r\n";
  for (const Measurement& m : results.measurements) {
    const std::string kernel(KernelName(m.kernel)), kind(KindName(m.kind)),
        outcome(OutcomeName(m.outcome)), timing(TimingName(m.timing));
    const std::vector<std::string> fields = {m.dataset,
                                             kernel,
                                             m.implementation,
                                             m.system,
                                             m.algorithm,
                                             kind,
                                             std::to_string(m.threads),
                                             std::to_string(m.procs),
                                             std::to_string(m.cores()),
                                             m.oversubscribed ? "true" : "false",
                                             std::to_string(m.iterations),
                                             std::to_string(m.source),
                                             std::to_string(m.repetitions),
                                             std::to_string(m.warmups),
                                             outcome,
                                             Number(m.median_seconds),
                                             Number(m.min_seconds),
                                             Number(m.max_seconds),
                                             Number(m.cv),
                                             Number(m.ci_low_seconds),
                                             Number(m.ci_high_seconds),
                                             Number(m.ci_level),
                                             m.high_spread ? "true" : "false",
                                             timing,
                                             Number(m.load_seconds),
                                             Number(m.preparation_seconds),
                                             std::to_string(m.peak_rss_bytes),
                                             std::to_string(m.num_vertices),
                                             std::to_string(m.num_edges),
                                             m.graph_checksum,
                                             m.message,
                                             Join(m.repetition_seconds)};
    for (size_t i = 0; i < fields.size(); ++i) csv += (i ? "," : "") + CsvField(fields[i]);
    csv += "\r\n";
  }
  return csv;
}

}  // namespace cost::harness
