#include "harness/sweep/plan.h"

#include <algorithm>
#include <iostream>

#include "datasets/graph_file.h"
#include "harness/run/implementations.h"

namespace cost::harness {
namespace {

// Whether a prepared file carries the edge layout an implementation needs.
bool HasLayout(const datasets::GraphFileInfo& info, datasets::EdgeLayout layout) {
  switch (layout) {
    case datasets::EdgeLayout::kVertex:
      return true;
    case datasets::EdgeLayout::kHilbert:
      return info.has_hilbert;
    case datasets::EdgeLayout::kCompressed:
      return info.hilbert_compressed_bytes > 0;
  }
  return false;
}

bool Wanted(const SweepSpec& spec, std::string_view name) {
  return spec.implementations.empty() ||
         std::find(spec.implementations.begin(), spec.implementations.end(), name) !=
             spec.implementations.end();
}

}  // namespace

std::vector<SweepRow> PlanRows(const SweepSpec& spec, const std::vector<std::string>& graphs,
                               const std::vector<ExternalSystem>& externals, bool quiet) {
  std::vector<datasets::GraphFileInfo> infos;
  for (const std::string& graph : graphs) infos.push_back(datasets::ReadGraphFileInfo(graph));
  std::vector<SweepRow> identities;
  std::vector<datasets::EdgeLayout> layouts;  // parallel to identities
  for (const Implementation& impl : Implementations()) {
    layouts.push_back(impl.requires_layout);
    identities.push_back({"", "", std::string(impl.name), std::string(KernelName(impl.kernel)), 1,
                          std::string(impl.system), std::string(impl.algorithm),
                          std::string(KindName(impl.kind))});
  }
  for (const ExternalSystem& e : externals) {
    layouts.push_back(datasets::EdgeLayout::kVertex);
    identities.push_back({"", "", e.name, std::string(KernelName(e.kernel)), 1, e.system,
                          e.algorithm, std::string(KindName(e.kind))});
  }
  std::vector<SweepRow> rows;
  for (size_t d = 0; d < spec.datasets.size(); ++d) {
    for (Kernel kernel : spec.kernels) {
      for (size_t i = 0; i < identities.size(); ++i) {
        const SweepRow& who = identities[i];
        if (who.kernel != KernelName(kernel) || !Wanted(spec, who.implementation)) continue;
        if (!HasLayout(infos[d], layouts[i])) {
          if (!quiet && !spec.implementations.empty()) {
            std::cerr << "note: " << who.implementation << " left out on " << spec.datasets[d].name
                      << ": it needs the " << EdgeLayoutName(layouts[i])
                      << " layout (\"layout\" in the dataset's spec entry)\n";
          }
          continue;
        }
        // In-tree multiprocess rows run one thread per rank at every process count.
        const Implementation* in_tree = FindImplementation(who.implementation);
        const bool multiprocess = in_tree != nullptr && in_tree->kind == Kind::kMultiprocess;
        for (int t : multiprocess ? std::vector<int>{1} : spec.threads) {
          if (who.kind == KindName(Kind::kSingleThreaded) && t != 1) continue;
          for (int p : multiprocess ? spec.procs : std::vector<int>{1}) {
            SweepRow row = who;
            row.dataset = spec.datasets[d].name;
            row.graph_path = graphs[d];
            row.threads = t;
            row.procs = p;
            rows.push_back(row);
          }
        }
      }
    }
  }
  return rows;
}

}  // namespace cost::harness
