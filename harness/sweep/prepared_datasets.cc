#include "harness/sweep/prepared_datasets.h"

#include <iostream>

#include "harness/prepare/dataset_cache.h"

namespace cost::harness {

GraphRecipe RecipeOf(const DatasetSpec& dataset) {
  GraphRecipe recipe{.name = dataset.name,
                     .source = SourceFile{.path = dataset.edges, .format = dataset.format},
                     .symmetrize = dataset.symmetrize,
                     .layout = dataset.layout};
  if (dataset.kronecker) {
    recipe.source = *dataset.kronecker;
    recipe.symmetrize = dataset.symmetrize;  // true but for a directed catalog entry
  }
  return recipe;
}

std::vector<std::string> PrepareSweepDatasets(const SweepSpec& spec, bool quiet) {
  std::vector<std::string> graphs;
  for (const DatasetSpec& dataset : spec.datasets) {
    graphs.push_back(
        dataset.graph.empty()
            ? PrepareCached(RecipeOf(dataset), spec.cache_dir, quiet ? nullptr : &std::cerr).path
            : dataset.graph);
  }
  return graphs;
}

}  // namespace cost::harness
