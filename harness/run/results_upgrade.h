// Results files written by older builds lack fields that later reports read. What the
// implementation table knows about a row (the edge layout it reads) is filled in here, once, when
// such a file is read, so that the report itself stays a function of the results alone.
#ifndef COST_HARNESS_RUN_RESULTS_UPGRADE_H_
#define COST_HARNESS_RUN_RESULTS_UPGRADE_H_

#include "harness/core/results.h"

namespace cost::harness {

// Sets `layout` of rows that lack it (they read as kVertex) to the layout their row of the table
// reads; rows of other implementations keep kVertex.
void FillMissingFields(ResultsFile* results);

}  // namespace cost::harness

#endif  // COST_HARNESS_RUN_RESULTS_UPGRADE_H_
