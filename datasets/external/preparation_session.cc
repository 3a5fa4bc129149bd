// The shared frame of a preparation; see preparation_session.h.
#include "datasets/external/preparation_session.h"

#include <chrono>
#include <cstdlib>
#include <string_view>
#include <thread>
#include <utility>

#include "datasets/dataset_error.h"
#include "datasets/external/disk_space.h"
#include "datasets/external/memory_budget.h"
#include "datasets/hilbert_tiles.h"

namespace cost::datasets {
namespace {

uint64_t OutputBytesEstimate(const GraphBuildPlan& plan, uint64_t arcs) {
  const uint64_t n = plan.num_vertices;
  const PreparedSections& s = plan.sections;
  uint64_t bytes = 12 * n + (uint64_t{1} << 16);  // ids, degrees, header and metadata
  if (s.csr) bytes += 8 * (n + 1) + 4 * arcs;
  if (s.transpose) bytes += 8 * (n + 1) + 4 * arcs;
  if (s.hilbert) bytes += 8 * arcs;
  if (s.compressed) bytes += TileStreamBoundBytes(n, arcs);
  return bytes;
}

// The runs of one phase at a time (`run_bytes`: the builder's bound, sorted_runs.h); the out
// targets spilled when csr is not stored; the Hilbert sections spilled when they are appended
// after one another.
uint64_t TempBytesEstimate(const GraphBuildPlan& plan, uint64_t arcs, uint64_t run_bytes) {
  const PreparedSections& s = plan.sections;
  uint64_t bytes = run_bytes;
  if (!s.csr && s.transpose) bytes += 4 * arcs;
  if (!s.csr && !s.transpose && s.hilbert) {
    bytes += 4 * arcs + (s.compressed ? TileStreamBoundBytes(plan.num_vertices, arcs) : 0);
  }
  return bytes;
}

}  // namespace

std::function<void(const std::string&)> WithEnvironmentHook(
    std::function<void(const std::string&)> hook, const std::string& what) {
  const char* env = std::getenv("COST_TEST_PREPARE_HOOK");
  const std::string_view mode = env == nullptr ? "" : env;
  if (mode != "fail-after-first-run" && mode != "pause-after-first-run") return hook;
  auto first = std::make_shared<bool>(true);
  return [hook = std::move(hook), what, mode, first](const std::string& run) {
    if (std::exchange(*first, false)) {
      if (mode == "fail-after-first-run") {
        throw DatasetError(what + ": failing after the first spilled run (COST_TEST_PREPARE_HOOK)");
      }
      for (;;) {  // until a signal arrives
        ThrowIfInterrupted(what);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    if (hook) hook(run);
  };
}

PreparationSession::PreparationSession(const PreparationOptions& options, std::string output,
                                       std::string source, std::string format)
    : options_(options), output_(std::move(output)) {
  report_.source = std::move(source);
  report_.format = std::move(format);
  report_.memory_budget = options.memory_budget ? options.memory_budget : DefaultMemoryBudget();
  if (options.handle_signals) signals_.emplace();
  if (!options.sections.any()) {
    throw DatasetError(output_ + ": no sections chosen (csr, transpose, hilbert, compressed)");
  }
  temp_ =
      std::make_unique<TempFolder>(options.tmp_dir.empty() ? FolderOf(output_) : options.tmp_dir);
  progress_ = std::make_unique<ProgressReporter>(options.progress, &report_.phases);
  options_.after_run_spilled = WithEnvironmentHook(options_.after_run_spilled, output_);
}

PreparationSession::~PreparationSession() = default;

void PreparationSession::CheckDisk(const GraphBuildPlan& plan, uint64_t max_input_arcs) const {
  const uint64_t arcs = max_input_arcs * (plan.symmetrize ? 2 : 1);
  const std::string output_folder = FolderOf(output_);
  std::vector<DiskNeed> needs = {
      {output_folder, OutputBytesEstimate(plan, arcs), "the output " + output_}};
  // Runs are spilled only when the keys do not fit the memory.
  const uint64_t temp_bytes = TempBytesEstimate(plan, arcs, builder_->RunBytesBound(arcs));
  if (temp_bytes > 0) needs.push_back({temp_->parent(), temp_bytes, "sorted runs"});
  RequireDiskSpace(needs, options_.free_disk_bytes);
}

void PreparationSession::Start(uint64_t num_vertices, bool symmetrize, uint64_t source_bytes,
                               uint64_t max_input_arcs) {
  ThrowIfInterrupted(output_);
  const GraphBuildPlan plan{num_vertices, symmetrize,
                            StoredSections(options_.sections, symmetrize)};
  report_.num_vertices = num_vertices;
  report_.symmetric = symmetrize;
  report_.sections = plan.sections;
  if (source_bytes >= budget()) {
    ThrowOverBudget(output_, source_bytes + MinimumBuilderBytes(plan, 0), budget(),
                    "the input's buffers and id table take " + std::to_string(source_bytes));
  }
  GraphBuildContext context{.memory_bytes = budget() - source_bytes,
                            .temp = temp_.get(),
                            .what = output_,
                            .max_merge_fan_in = options_.max_merge_fan_in,
                            .after_run_spilled = options_.after_run_spilled,
                            .progress = progress_.get()};
  builder_ = std::make_unique<ExternalGraphBuilder>(plan, std::move(context));
  CheckDisk(plan, max_input_arcs);
  writer_ = std::make_unique<GraphFileWriter>(output_, num_vertices, symmetrize);
  writer_->Reserve(SectionKind::kOriginalIds, 8 * num_vertices);
}

PreparationReport PreparationSession::Finish(const std::function<void(SectionStream*)>& write_ids) {
  SectionStream ids = writer_->Open(SectionKind::kOriginalIds);
  write_ids(&ids);
  ids.Close();
  const GraphBuildResult built = builder_->Finish(writer_.get());
  builder_.reset();
  report_.num_edges = built.num_edges;
  report_.stats = built.stats;
  report_.runs_spilled = built.runs_spilled;
  report_.merge_passes = built.merge_passes;
  report_.peak_run_bytes = built.peak_run_bytes;
  const std::string metadata =
      options_.metadata ? options_.metadata(report_) : PreparationReportJson(report_);
  SectionStream meta = writer_->Append(SectionKind::kMetadata);
  meta.Write(metadata.data(), metadata.size());
  meta.Close();
  writer_->Commit(built.num_edges);
  writer_.reset();
  report_.info = ReadGraphFileInfo(output_);
  return report_;
}

}  // namespace cost::datasets
