// What every preparation (prepare_graph.h) goes through, whatever its source: the budget, the
// interrupt handler, the temp folder, the progress reporter, the disk check, the builder, the
// writer, and the report. Members are destroyed in reverse order on every way out, so a failure
// removes the unfinished output, the runs and the temp folder, and restores the signal handlers.
#ifndef COST_DATASETS_EXTERNAL_PREPARATION_SESSION_H_
#define COST_DATASETS_EXTERNAL_PREPARATION_SESSION_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "datasets/external/graph_builder.h"
#include "datasets/external/interrupt.h"
#include "datasets/external/progress.h"
#include "datasets/external/temp_folder.h"
#include "datasets/graph_file_writer.h"
#include "datasets/prepare_graph.h"

namespace cost::datasets {

class PreparationSession {
 public:
  PreparationSession(const PreparationOptions& options, std::string output, std::string source,
                     std::string format);
  ~PreparationSession();

  uint64_t budget() const { return report_.memory_budget; }
  const std::string& output() const { return output_; }
  TempFolder& temp() { return *temp_; }
  ProgressReporter& progress() { return *progress_; }
  PreparationReport& report() { return report_; }
  const std::optional<uint64_t>& free_disk_bytes() const { return options_.free_disk_bytes; }
  ExternalGraphBuilder& builder() { return *builder_; }

  // Once the vertex count is known: refuses a budget or a disk too small, then creates the
  // builder and the writer (reserving the original ids). `source_bytes` is what the source holds
  // while it feeds arcs (its buffers, an id table); `max_input_arcs` bounds the arcs it will
  // feed, before symmetrising (it sizes the disk check).
  void Start(uint64_t num_vertices, bool symmetrize, uint64_t source_bytes,
             uint64_t max_input_arcs);

  // Writes the ids (write_ids fills the reserved section), runs the builder's remaining phases,
  // the metadata, and commits the file.
  PreparationReport Finish(const std::function<void(SectionStream*)>& write_ids);

 private:
  void CheckDisk(const GraphBuildPlan& plan, uint64_t max_input_arcs) const;

  PreparationOptions options_;
  std::string output_;
  PreparationReport report_;
  std::optional<ScopedInterruptHandler> signals_;
  std::unique_ptr<TempFolder> temp_;
  std::unique_ptr<ProgressReporter> progress_;
  std::unique_ptr<ExternalGraphBuilder> builder_;
  std::unique_ptr<GraphFileWriter> writer_;
};

// The test hook of COST_TEST_PREPARE_HOOK for the first spilled run, chained before `hook`.
std::function<void(const std::string&)> WithEnvironmentHook(
    std::function<void(const std::string&)> hook, const std::string& what);

}  // namespace cost::datasets

#endif  // COST_DATASETS_EXTERNAL_PREPARATION_SESSION_H_
