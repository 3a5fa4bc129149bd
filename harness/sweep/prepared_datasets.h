// A sweep's datasets as prepared files: a spec's "graph" is used as it is; "kronecker" and
// "edges" datasets are recipes for the dataset cache (harness/prepare/dataset_cache.h), so a
// sweep reuses what `cost dataset prepare`, the demo or another sweep already prepared. Each is
// prepared once, with every section its rows read, in bounded memory; under the spec's
// "memory_cap" in a capped child process (capped_preparation.h).
#ifndef COST_HARNESS_SWEEP_PREPARED_DATASETS_H_
#define COST_HARNESS_SWEEP_PREPARED_DATASETS_H_

#include <string>
#include <vector>

#include "datasets/graph_sections.h"
#include "harness/prepare/graph_recipe.h"
#include "harness/sweep/spec.h"

namespace cost::harness {

// The sections a dataset is prepared with: those of its "layout", and, when the spec names its
// implementations, every section one of them reads for one of the spec's kernels, with what
// their validation reads. (A spec naming none runs every implementation that fits the
// dataset's "layout", as before: adding every row's sections would make every graph carry
// every layout.)
datasets::PreparedSections SweepSectionsOf(const SweepSpec& spec, const DatasetSpec& dataset);

// The recipe of a "kronecker" or "edges" dataset, with SweepSectionsOf when `spec` is given.
// Requires: dataset.graph is empty.
GraphRecipe RecipeOf(const DatasetSpec& dataset, const SweepSpec* spec = nullptr);

// The prepared file of each of spec.datasets, in order, preparing into spec.cache_dir what is not
// cached yet ("preparing NAME -> PATH" on stderr unless quiet). With a memory cap the preparation
// runs as `cost_binary` (default: this executable) under it. Throws DatasetError naming a source
// file that cannot be read or a preparation that failed.
std::vector<std::string> PrepareSweepDatasets(const SweepSpec& spec, bool quiet,
                                              const std::string& cost_binary = "");

}  // namespace cost::harness

#endif  // COST_HARNESS_SWEEP_PREPARED_DATASETS_H_
