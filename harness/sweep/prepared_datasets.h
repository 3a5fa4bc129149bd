// A sweep's datasets as prepared files: a spec's "graph" is used as it is; "kronecker" and
// "edges" datasets are recipes for the dataset cache (harness/prepare/dataset_cache.h), so a
// sweep reuses what `cost dataset prepare`, the demo or another sweep already prepared.
#ifndef COST_HARNESS_SWEEP_PREPARED_DATASETS_H_
#define COST_HARNESS_SWEEP_PREPARED_DATASETS_H_

#include <string>
#include <vector>

#include "harness/prepare/graph_recipe.h"
#include "harness/sweep/spec.h"

namespace cost::harness {

// The recipe of a "kronecker" or "edges" dataset. Requires: dataset.graph is empty.
GraphRecipe RecipeOf(const DatasetSpec& dataset);

// The prepared file of each of spec.datasets, in order, preparing into spec.cache_dir what is not
// cached yet ("preparing NAME -> PATH" on stderr unless quiet). Throws DatasetError naming a
// source file that cannot be read.
std::vector<std::string> PrepareSweepDatasets(const SweepSpec& spec, bool quiet);

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_PREPARED_DATASETS_H_
