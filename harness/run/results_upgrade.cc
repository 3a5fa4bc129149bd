#include "harness/run/results_upgrade.h"

#include "datasets/hilbert_layout.h"
#include "harness/run/implementations.h"

namespace cost::harness {

void FillMissingFields(ResultsFile* results) {
  for (Measurement& m : results->measurements) {
    if (!m.layout.empty()) continue;
    const Implementation* impl = FindImplementation(m.implementation);
    m.layout = datasets::EdgeLayoutName(impl ? impl->requires_layout : datasets::EdgeLayout::kVertex);
  }
}

}  // namespace cost::harness
