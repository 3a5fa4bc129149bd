#include "harness/sweep/prepared_datasets.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "harness/prepare/dataset_cache.h"
#include "harness/run/implementations.h"
#include "harness/run/row_sections.h"
#include "harness/sweep/capped_preparation.h"

namespace cost::harness {

datasets::PreparedSections SweepSectionsOf(const SweepSpec& spec, const DatasetSpec& dataset) {
  datasets::PreparedSections sections = datasets::SectionsForLayout(dataset.layout);
  for (const std::string& name : spec.implementations) {
    const Implementation* impl = FindImplementation(name);
    if (impl == nullptr) continue;  // an external system reads the vertex-order sections
    if (std::find(spec.kernels.begin(), spec.kernels.end(), impl->kernel) == spec.kernels.end()) {
      continue;
    }
    sections =
        UnionOf(sections, UnionOf(impl->requires_sections, ValidationSections(impl->kernel)));
  }
  return sections;
}

GraphRecipe RecipeOf(const DatasetSpec& dataset, const SweepSpec* spec) {
  GraphRecipe recipe{.name = dataset.name,
                     .source = SourceFile{.path = dataset.edges, .format = dataset.format},
                     .symmetrize = dataset.symmetrize,
                     .layout = dataset.layout,
                     .sections = std::nullopt};
  if (spec != nullptr) recipe.sections = SweepSectionsOf(*spec, dataset);
  if (dataset.kronecker) {
    recipe.source = *dataset.kronecker;
    recipe.symmetrize = dataset.symmetrize;  // true but for a directed catalog entry
  }
  return recipe;
}

std::vector<std::string> PrepareSweepDatasets(const SweepSpec& spec, bool quiet,
                                              const std::string& cost_binary) {
  CachePreparation how;
  if (spec.memory_cap_bytes > 0) {
    how.prepare = [&spec, cost_binary](const GraphRecipe& recipe, const std::string& path) {
      PrepareUnderCap(recipe, path, spec.memory_cap_bytes, cost_binary);
    };
  }
  std::vector<std::string> graphs;
  for (const DatasetSpec& dataset : spec.datasets) {
    graphs.push_back(dataset.graph.empty() ? PrepareCached(RecipeOf(dataset, &spec), spec.cache_dir,
                                                           quiet ? nullptr : &std::cerr, how)
                                                 .path
                                           : dataset.graph);
  }
  return graphs;
}

}  // namespace cost::harness
