#include "harness/run/results_upgrade.h"

#include "datasets/hilbert_layout.h"
#include "harness/run/implementations.h"

namespace cost::harness {

void FillMissingFields(ResultsFile* results) {
  for (Measurement& m : results->measurements) {
    // A row of the table reads only its own layout, so a row that says kVertex (or says nothing,
    // which reads as kVertex) is one of the table's Hilbert rows only in a file that lacks the
    // field.
    if (m.layout == datasets::EdgeLayout::kVertex) m.layout = LayoutReadBy(m.implementation);
  }
}

}  // namespace cost::harness
