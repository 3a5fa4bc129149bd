// The external-memory builder's phases; see graph_builder.h.
#include "datasets/external/graph_builder.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "datasets/external/arc_keys.h"
#include "datasets/external/edge_sinks.h"
#include "datasets/external/memory_budget.h"
#include "datasets/external/spill_file.h"

namespace cost::datasets {
namespace {

constexpr uint64_t kMinSortKeys = uint64_t{1} << 13;

// Each output stream's, spill's and read-back's buffer: large enough for sequential I/O, small
// enough that a tiny budget still leaves room to sort.
uint64_t IoBufferBytes(uint64_t memory) {
  return std::clamp<uint64_t>(memory / 64, uint64_t{32} << 10, uint64_t{1} << 20);
}

// Buffers beside the per-vertex arrays and the runs: three section streams, a spill file, the
// read-back arrays and the caller's arc chunk (an io buffer each), the merge's batch, the sinks'
// decoded keys, and the tile encoder's run.
uint64_t FixedBytes(uint64_t io) { return 6 * io + kKeyBatch * (8 + 8) + kTileRunMaxBytes; }

bool HilbertKeysFirst(const PreparedSections& s) { return !s.csr && !s.transpose; }

}  // namespace

uint64_t PerVertexBytes(const GraphBuildPlan& plan) {
  const uint64_t n = plan.num_vertices;
  if (HilbertKeysFirst(plan.sections)) return 4 * n;
  return 8 * (n + 1) * (plan.sections.transpose ? 2 : 1);
}

uint64_t MinimumBuilderBytes(const GraphBuildPlan& plan, uint64_t memory_bytes) {
  return PerVertexBytes(plan) + FixedBytes(IoBufferBytes(memory_bytes)) +
         SortedRunBufferBytes(kMinSortKeys);
}

// The state the phases of Finish share.
struct ExternalGraphBuilder::Phases {
  Phases(const GraphBuildPlan& plan, const GraphBuildContext& context, GraphFileWriter* writer,
         GraphBuildResult* result)
      : plan(plan),
        context(context),
        writer(writer),
        io(IoBufferBytes(context.memory_bytes)),
        codec(plan.num_vertices),
        result(result) {}

  const GraphBuildPlan& plan;
  const GraphBuildContext& context;
  GraphFileWriter* writer;
  uint64_t io;
  RowKeyCodec codec;
  GraphBuildResult* result;
  std::vector<EdgeIndex> out_offsets;
  std::unique_ptr<SpillFile> spilled_targets;  // the out targets when csr is not stored

  // Runs for a phase that holds `held` bytes of per-vertex arrays beside them.
  std::unique_ptr<SortedRunBuilder> NewRuns(const std::string& stem, uint64_t held) const {
    const uint64_t free =
        context.memory_bytes - std::min(context.memory_bytes, held + FixedBytes(io));
    SortedRunSettings settings{.buffer_keys = std::max(kMinSortKeys, free / 16),
                               .merge_bytes = std::max(2 * io, free),
                               .max_fan_in = context.max_merge_fan_in,
                               .io_buffer_bytes = io,
                               .temp = context.temp,
                               .stem = stem,
                               .what = context.what,
                               .after_run_spilled = context.after_run_spilled};
    return std::make_unique<SortedRunBuilder>(std::move(settings));
  }

  void Drain(SortedRunBuilder* runs, const std::string& phase, const KeySink& sink) {
    context.progress->Begin(phase, runs->keys_added());
    runs->Drain([&](std::span<const uint64_t> keys) {
      sink(keys);
      context.progress->Advance(keys.size());
    });
    context.progress->End();
    result->runs_spilled += runs->runs_spilled();
    result->merge_passes += runs->merge_passes();
    result->peak_run_bytes = std::max(result->peak_run_bytes, runs->peak_run_bytes());
  }

  TargetsReader OutTargets() const {
    if (spilled_targets) {
      return [this](uint64_t first, std::span<VertexId> out) {
        spilled_targets->Read(first * sizeof(VertexId), out.data(), out.size_bytes());
      };
    }
    return [this](uint64_t first, std::span<VertexId> out) {
      writer->ReadBack(SectionKind::kOutTargets, first * sizeof(VertexId), out.data(),
                       out.size_bytes());
    };
  }

  // Re-keys the out-CSR's arcs (as (column, row) for the transpose) into new runs.
  std::unique_ptr<SortedRunBuilder> RekeyOutCsr(const std::string& stem, KeyOrder order,
                                                bool swap) {
    std::unique_ptr<SortedRunBuilder> runs = NewRuns(stem, PerVertexBytes(plan));
    context.progress->Begin(stem + " runs", out_offsets.back());
    const uint64_t chunk = std::min(runs->buffer_keys(), std::max<uint64_t>(1024, io / 4));
    ForEachCsrArcChunk(out_offsets, OutTargets(), chunk,
                       [&](std::span<const VertexId> src, std::span<const VertexId> dst) {
                         AddArcKeys(swap ? dst : src, swap ? src : dst, false, order, codec,
                                    runs.get());
                         context.progress->Advance(src.size());
                       });
    context.progress->End();
    return runs;
  }

  void MergeOutCsr(SortedRunBuilder* runs);
  void BuildTranspose();
  void BuildHilbertFromCsr();
  void MergeHilbertKeys(SortedRunBuilder* runs);
  void WriteOffsets(SectionKind kind, const std::vector<EdgeIndex>& offsets) const {
    SectionStream stream = writer->Open(kind, io);
    stream.Write(std::span<const EdgeIndex>(offsets));
    stream.Close();
  }
};

void ExternalGraphBuilder::Phases::MergeOutCsr(SortedRunBuilder* runs) {
  std::optional<SectionStream> targets;
  if (plan.sections.csr) {
    targets.emplace(writer->Append(SectionKind::kOutTargets, io));
  } else {
    spilled_targets = std::make_unique<SpillFile>(context.temp->NewFilePath("targets"), io);
  }
  CsrSink sink(plan.num_vertices, codec, [&](std::span<const uint32_t> columns) {
    targets ? targets->Write(columns)
            : spilled_targets->Write(columns.data(), columns.size_bytes());
  });
  Drain(runs, "csr", [&](std::span<const uint64_t> keys) { sink.Consume(keys); });
  targets ? targets->Close() : spilled_targets->Finish();
  out_offsets = sink.TakeOffsets();
  result->num_edges = out_offsets.back();
  if (plan.sections.csr) WriteOffsets(SectionKind::kOutOffsets, out_offsets);
  SectionStream degrees = writer->Open(SectionKind::kOutDegrees, io);
  WriteDegreesFromOffsets(out_offsets, &degrees);
  degrees.Close();
}

void ExternalGraphBuilder::Phases::BuildTranspose() {
  std::unique_ptr<SortedRunBuilder> runs = RekeyOutCsr("transpose", KeyOrder::kByRow, true);
  writer->Reserve(SectionKind::kInOffsets, 8 * (plan.num_vertices + 1));
  SectionStream sources = writer->Append(SectionKind::kInSources, io);
  CsrSink sink(plan.num_vertices, codec,
               [&](std::span<const uint32_t> columns) { sources.Write(columns); });
  Drain(runs.get(), "transpose", [&](std::span<const uint64_t> keys) { sink.Consume(keys); });
  sources.Close();
  WriteOffsets(SectionKind::kInOffsets, sink.TakeOffsets());
}

void ExternalGraphBuilder::Phases::BuildHilbertFromCsr() {
  std::unique_ptr<SortedRunBuilder> runs = RekeyOutCsr("hilbert", KeyOrder::kHilbert, false);
  out_offsets = {};
  spilled_targets.reset();
  const uint64_t m = result->num_edges;
  std::optional<SectionStream> src, dst, compressed;
  if (plan.sections.hilbert) {
    writer->Reserve(SectionKind::kHilbertSrc, 4 * m);
    writer->Reserve(SectionKind::kHilbertDst, 4 * m);
    src.emplace(writer->Open(SectionKind::kHilbertSrc, io));
    dst.emplace(writer->Open(SectionKind::kHilbertDst, io));
  }
  if (plan.sections.compressed) {
    compressed.emplace(writer->Append(SectionKind::kHilbertCompressed, io));
  }
  const auto to = [](std::optional<SectionStream>& stream) {
    return stream ? U32Writer([&stream](std::span<const uint32_t> v) { stream->Write(v); })
                  : U32Writer();
  };
  HilbertSink sink(to(src), to(dst),
                   compressed
                       ? ByteWriter([&](std::span<const uint8_t> b) { compressed->Write(b); })
                       : ByteWriter(),
                   nullptr);
  Drain(runs.get(), "hilbert", [&](std::span<const uint64_t> keys) { sink.Consume(keys); });
  sink.Finish();
  for (std::optional<SectionStream>* s : {&src, &dst, &compressed}) {
    if (*s) (*s)->Close();
  }
}

void ExternalGraphBuilder::Phases::MergeHilbertKeys(SortedRunBuilder* runs) {
  std::vector<uint32_t> degrees(plan.num_vertices, 0);
  std::vector<SectionKind> kinds;
  if (plan.sections.hilbert) kinds = {SectionKind::kHilbertSrc, SectionKind::kHilbertDst};
  if (plan.sections.compressed) kinds.push_back(SectionKind::kHilbertCompressed);
  AppendedSections out(writer, context.temp, kinds, io);
  const size_t compressed_index = kinds.size() - 1;
  const auto part = [&](size_t index) {
    return U32Writer(
        [&out, index](std::span<const uint32_t> v) { out.Write(index, v.data(), v.size_bytes()); });
  };
  HilbertSink sink(plan.sections.hilbert ? part(0) : U32Writer(),
                   plan.sections.hilbert ? part(1) : U32Writer(),
                   plan.sections.compressed ? ByteWriter([&](std::span<const uint8_t> b) {
                     out.Write(compressed_index, b.data(), b.size());
                   })
                                            : ByteWriter(),
                   degrees.data());
  uint64_t arcs = 0;
  Drain(runs, "hilbert", [&](std::span<const uint64_t> keys) {
    sink.Consume(keys);
    arcs += keys.size();
  });
  sink.Finish();
  out.Close();
  result->num_edges = arcs;
  SectionStream stream = writer->Open(SectionKind::kOutDegrees, io);
  stream.Write(std::span<const uint32_t>(degrees));
  stream.Close();
}

ExternalGraphBuilder::ExternalGraphBuilder(GraphBuildPlan plan, GraphBuildContext context)
    : plan_(std::move(plan)), context_(std::move(context)) {
  plan_.sections = StoredSections(plan_.sections, plan_.symmetrize);
  const uint64_t needed = MinimumBuilderBytes(plan_, context_.memory_bytes);
  if (context_.memory_bytes < needed) {
    ThrowOverBudget(context_.what, needed, context_.memory_bytes,
                    std::to_string(PerVertexBytes(plan_)) + " bytes of per-vertex arrays for " +
                        std::to_string(plan_.num_vertices) + " vertices, and buffers");
  }
  const Phases phases(plan_, context_, nullptr, nullptr);
  runs_ =
      phases.NewRuns(HilbertKeysFirst(plan_.sections) ? "hilbert" : "csr", PerVertexBytes(plan_));
}

ExternalGraphBuilder::~ExternalGraphBuilder() = default;

uint64_t ExternalGraphBuilder::max_chunk_arcs() const {
  const uint64_t io = IoBufferBytes(context_.memory_bytes);
  return std::min(runs_->buffer_keys() / 2, std::max<uint64_t>(1024, io / (2 * sizeof(VertexId))));
}

uint64_t ExternalGraphBuilder::RunBytesBound(uint64_t arcs) const {
  return runs_->DiskBytesBound(arcs);
}

void ExternalGraphBuilder::AddArcs(std::span<const VertexId> src, std::span<const VertexId> dst) {
  const ArcKeyCounts counts =
      AddArcKeys(src, dst, plan_.symmetrize,
                 HilbertKeysFirst(plan_.sections) ? KeyOrder::kHilbert : KeyOrder::kByRow,
                 RowKeyCodec(plan_.num_vertices), runs_.get());
  stats_.input_edges += src.size();
  stats_.self_loops_dropped += counts.self_loops;
  arcs_added_ += counts.keys;
  context_.progress->Advance(src.size());
}

GraphBuildResult ExternalGraphBuilder::Finish(GraphFileWriter* writer) {
  GraphBuildResult result;
  Phases phases(plan_, context_, writer, &result);
  writer->Reserve(SectionKind::kOutDegrees, 4 * plan_.num_vertices);
  if (HilbertKeysFirst(plan_.sections)) {
    phases.MergeHilbertKeys(runs_.get());
  } else {
    if (plan_.sections.csr) writer->Reserve(SectionKind::kOutOffsets, 8 * (plan_.num_vertices + 1));
    phases.MergeOutCsr(runs_.get());
    runs_.reset();
    if (plan_.sections.transpose) phases.BuildTranspose();
    if (plan_.sections.hilbert || plan_.sections.compressed) phases.BuildHilbertFromCsr();
  }
  runs_.reset();
  result.stats = stats_;
  result.stats.duplicates_removed = arcs_added_ - result.num_edges;
  return result;
}

}  // namespace cost::datasets
