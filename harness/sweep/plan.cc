#include "harness/sweep/plan.h"

#include <algorithm>
#include <iostream>
#include <utility>

#include "datasets/graph_file.h"
#include "harness/run/implementations.h"
#include "harness/run/row_sections.h"

namespace cost::harness {
namespace {

// An implementation a row may measure, and what decides where and how it runs.
struct Candidate {
  SweepRow identity;  // implementation, kernel, system, algorithm, kind; no dataset yet
  datasets::PreparedSections sections;  // the sections it reads (validation's come on top)
  bool in_tree_multiprocess;            // MPI ranks: rank_threads each, at every process count
  bool single_threaded_ranks;           // Parallel BGL: one thread a rank whatever it is given
};

// A row's identity before its dataset and configuration are known.
SweepRow IdentityRow(std::string name, Kernel kernel, std::string system, std::string algorithm,
                     Kind kind) {
  SweepRow row;
  row.implementation = std::move(name);
  row.kernel = kernel;
  row.system = std::move(system);
  row.algorithm = std::move(algorithm);
  row.kind = kind;
  return row;
}

bool SingleThreadedRanks(const Implementation& impl) {
  const auto* program = std::get_if<MpiProgram>(&impl.runner);
  return program != nullptr && program->single_threaded_ranks;
}

// Every implementation: in-tree ones in table order, then external systems.
std::vector<Candidate> Candidates(const std::vector<ExternalSystem>& externals) {
  std::vector<Candidate> candidates;
  for (const Implementation& impl : Implementations()) {
    candidates.push_back({IdentityRow(std::string(impl.name), impl.kernel, std::string(impl.system),
                                      std::string(impl.algorithm), impl.kind),
                          impl.requires_sections, impl.kind == Kind::kMultiprocess,
                          SingleThreadedRanks(impl)});
  }
  for (const ExternalSystem& e : externals) {
    candidates.push_back({IdentityRow(e.name, e.kernel, e.system, e.algorithm, e.kind),
                          datasets::PreparedSections{}, false, false});
  }
  return candidates;
}

bool Wanted(const SweepSpec& spec, const Candidate& c, Kernel kernel) {
  return c.identity.kernel == kernel &&
         (spec.implementations.empty() ||
          std::find(spec.implementations.begin(), spec.implementations.end(),
                    c.identity.implementation) != spec.implementations.end());
}

// Whether the file holds the sections the row and its validation read, with a note on stderr
// when a named implementation is left out for lack of one.
bool Fits(const Candidate& c, const datasets::GraphFileInfo& info, const DatasetSpec& dataset,
          const SweepSpec& spec, bool quiet) {
  const std::vector<std::string> missing =
      MissingSections(info, UnionOf(c.sections, ValidationSections(c.identity.kernel)));
  if (missing.empty()) return true;
  if (!quiet && !spec.implementations.empty()) {
    std::cerr << "note: " << c.identity.implementation << " left out on " << dataset.name
              << ": its file has no " << missing.front()
              << " section (\"layout\" in the dataset's spec entry, or --sections when preparing "
                 "a \"graph\")\n";
  }
  return false;
}

// The (threads, procs) pairs a candidate runs at: single-threaded ones at 1 thread only,
// in-tree multiprocess ones at every (rank_threads, procs) pair (Parallel BGL's at 1 thread),
// the rest at every thread count.
std::vector<std::pair<int, int>> Configurations(const Candidate& c, const SweepSpec& spec) {
  std::vector<std::pair<int, int>> configurations;
  const std::vector<int> one{1};
  const std::vector<int>& threads = !c.in_tree_multiprocess   ? spec.threads
                                    : c.single_threaded_ranks ? one
                                                              : spec.rank_threads;
  for (int t : threads) {
    if (c.identity.kind == Kind::kSingleThreaded && t != 1) continue;
    for (int p : c.in_tree_multiprocess ? spec.procs : std::vector<int>{1}) {
      configurations.emplace_back(t, p);
    }
  }
  return configurations;
}

// The storage modes a candidate runs under: the spec's for in-process rows of the table, none
// ("") for the others, whose reads the harness does not control.
std::vector<std::string> StorageModes(const Candidate& c, const SweepSpec& spec) {
  const Implementation* impl = FindImplementation(c.identity.implementation);
  if (spec.storage.empty() || impl == nullptr || !RunsInProcess(*impl)) return {""};
  return spec.storage;
}

void AppendRows(const Candidate& c, const SweepSpec& spec, const std::string& dataset,
                const std::string& graph, std::vector<SweepRow>* rows) {
  for (const std::string& storage : StorageModes(c, spec)) {
    for (const auto& [threads, procs] : Configurations(c, spec)) {
      SweepRow row = c.identity;
      row.dataset = dataset;
      row.graph_path = graph;
      row.threads = threads;
      row.procs = procs;
      row.storage = storage;
      rows->push_back(row);
    }
  }
}

}  // namespace

std::vector<SweepRow> PlanRows(const SweepSpec& spec, const std::vector<std::string>& graphs,
                               const std::vector<ExternalSystem>& externals, bool quiet) {
  std::vector<datasets::GraphFileInfo> infos;
  for (const std::string& graph : graphs) infos.push_back(datasets::ReadGraphFileInfo(graph));
  return PlanRows(spec, graphs, infos, externals, quiet);
}

std::vector<SweepRow> PlanRows(const SweepSpec& spec, const std::vector<std::string>& graphs,
                               const std::vector<datasets::GraphFileInfo>& infos,
                               const std::vector<ExternalSystem>& externals, bool quiet) {
  const std::vector<Candidate> candidates = Candidates(externals);
  std::vector<SweepRow> rows;
  for (size_t d = 0; d < spec.datasets.size(); ++d) {
    for (Kernel kernel : spec.kernels) {
      for (const Candidate& c : candidates) {
        if (!Wanted(spec, c, kernel) || !Fits(c, infos[d], spec.datasets[d], spec, quiet)) continue;
        AppendRows(c, spec, spec.datasets[d].name, graphs[d], &rows);
      }
    }
  }
  return rows;
}

}  // namespace cost::harness
