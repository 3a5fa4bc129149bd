// The one exception type datasets/ throws for bad input: the message names the file, the line
// (or byte offset) and the reason, e.g. "edges.txt:12: non-numeric token 'x1'".
#ifndef COST_DATASETS_DATASET_ERROR_H_
#define COST_DATASETS_DATASET_ERROR_H_

#include <stdexcept>
#include <string>

namespace cost::datasets {

class DatasetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace cost::datasets

#endif  // COST_DATASETS_DATASET_ERROR_H_
