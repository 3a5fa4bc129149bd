// Inputs prepared in bounded memory; see prepare_graph.h. Two passes over the pairs of original
// ids: the first finds the distinct ids (DistinctIds), the second hands the relabelled arcs to
// the builder. A regular file is read twice; anything else (a pipe, a FIFO) once, its pairs
// spooled for the second pass (inputs/pair_spool.h).
#include <omp.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "datasets/binary_edge_formats.h"
#include "datasets/dataset_error.h"
#include "datasets/external/interrupt.h"
#include "datasets/external/memory_budget.h"
#include "datasets/external/preparation_session.h"
#include "datasets/inputs/byte_source.h"
#include "datasets/inputs/distinct_ids.h"
#include "datasets/inputs/ldbc_pairs.h"
#include "datasets/inputs/matrix_market_pairs.h"
#include "datasets/inputs/pair_readers.h"
#include "datasets/inputs/pair_spool.h"
#include "datasets/ldbc_loader.h"
#include "datasets/prepare_graph.h"
#include "datasets/prepare_graph_file_input.h"

namespace cost::datasets {
namespace {

// Text read at a time: a small share of the budget, as parsing holds the block and up to four
// times its size in parsed pairs.
uint64_t TextChunkFor(uint64_t budget) {
  return std::clamp<uint64_t>(budget / 64, uint64_t{16} << 10, uint64_t{16} << 20);
}
uint64_t ReadingBytes(uint64_t chunk) { return 6 * chunk; }
// A pipe's pairs are kept in memory up to this share of the budget (twice it while the vector
// grows).
uint64_t SpoolMemoryFor(uint64_t budget) { return budget / 16; }

bool IsRegularFile(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

// One input's pairs, read once per pass: the first pass reads the source opened for detection.
struct PairInput {
  std::string path;
  GraphFormat format;
  std::unique_ptr<ByteSource> first_source;
  bool rereadable = false;
  bool undirected = false;  // the Matrix Market banner says symmetric (known after a pass)
  uint64_t dense_limit = 0;

  void Read(uint64_t chunk, const PairChunkFn& fn) {
    if (format == GraphFormat::kCostVertex) return ReadCostVertexPairs(path, chunk, fn);
    std::unique_ptr<ByteSource> source =
        first_source ? std::move(first_source) : std::make_unique<ByteSource>(path);
    if (format == GraphFormat::kSnap) return ReadSnapPairs(source.get(), chunk, fn);
    if (format == GraphFormat::kRaw) return ReadRawPairs(source.get(), chunk, fn);
    undirected = ReadMatrixMarketPairs(source.get(), chunk, fn).symmetric;
  }
};

PairInput OpenPairInput(const std::string& path, GraphFormat format,
                        std::unique_ptr<ByteSource> source, uint64_t budget) {
  PairInput input;
  input.path = path;
  input.format = format;
  if (format == GraphFormat::kCostVertex) {
    const std::string base = CostVertexBaseName(path);
    input.rereadable = IsRegularFile(base + ".nodes") && IsRegularFile(base + ".edges");
    input.dense_limit = DenseIdLimit(0, false, budget);
  } else {
    input.first_source = source ? std::move(source) : std::make_unique<ByteSource>(path);
    ByteSource& s = *input.first_source;
    input.rereadable = s.regular_file();
    input.dense_limit = DenseIdLimit(s.file_bytes(), s.regular_file() && !s.gzip(), budget);
  }
  // The binary formats' ids are u32.
  if (format == GraphFormat::kRaw || format == GraphFormat::kCostVertex) {
    input.dense_limit = std::min(input.dense_limit, uint64_t{1} << 32);
  }
  return input;
}

// What the first pass keeps: the pairs' count and, for an input read once, the pairs.
struct FirstPass {
  uint64_t pairs = 0;
  std::unique_ptr<PairSpool> spool;
};

// Refuses an id table, reading buffers and spool outgrowing the budget as the pass goes.
void CheckPassMemory(const PreparationSession& session, const std::string& input, uint64_t held,
                     uint64_t ids) {
  if (held <= session.budget()) return;
  ThrowOverBudget(input, held, session.budget(),
                  "the table of the " + std::to_string(ids) +
                      " distinct vertex ids seen so far, and the reading buffers");
}

FirstPass CountPairs(PreparationSession* session, uint64_t chunk, bool read_once,
                     DistinctIds* ids_to_add, const std::function<void(const PairChunkFn&)>& read) {
  FirstPass pass;
  if (read_once) {
    pass.spool = std::make_unique<PairSpool>(&session->temp(), SpoolMemoryFor(session->budget()),
                                             session->free_disk_bytes());
  }
  session->progress().Begin("ids", 0);
  read([&](std::span<const RawPair> pairs) {
    ThrowIfInterrupted(session->output());
    if (ids_to_add != nullptr) ids_to_add->Add(pairs);
    if (pass.spool) pass.spool->Add(pairs);
    pass.pairs += pairs.size();
    session->progress().Advance(pairs.size());
    const uint64_t ids = ids_to_add ? ids_to_add->bytes() : 0;
    CheckPassMemory(*session, session->report().source,
                    ids + ReadingBytes(chunk) + (pass.spool ? 2 * pass.spool->memory_bytes() : 0),
                    ids_to_add ? ids_to_add->size() : 0);
  });
  session->progress().End();
  return pass;
}

// Relabels a chunk of pairs in parallel and hands it to the builder, in pieces it accepts.
void FeedRanked(std::span<const RawPair> pairs, const DistinctIds& ids,
                ExternalGraphBuilder* builder, std::vector<VertexId>* src,
                std::vector<VertexId>* dst) {
  const uint64_t chunk = builder->max_chunk_arcs();
  for (uint64_t at = 0; at < pairs.size(); at += chunk) {
    const int64_t count = static_cast<int64_t>(std::min<uint64_t>(chunk, pairs.size() - at));
    src->resize(count);
    dst->resize(count);
#pragma omp parallel for schedule(static) if (count > 65536)
    for (int64_t i = 0; i < count; ++i) {
      (*src)[i] = ids.Rank(pairs[at + i].src);
      (*dst)[i] = ids.Rank(pairs[at + i].dst);
    }
    builder->AddArcs(*src, *dst);
  }
}

// The second pass, the ids and the commit, once the vertex count is known.
PreparationReport BuildFromPairs(PreparationSession* session, const DistinctIds& ids,
                                 FirstPass* pass, bool symmetrize, uint64_t source_bytes,
                                 const std::function<void(const PairChunkFn&)>& read) {
  session->Start(ids.size(), symmetrize, source_bytes, pass->pairs);
  session->progress().Begin("read", pass->pairs);
  std::vector<VertexId> src, dst;
  const PairChunkFn feed = [&](std::span<const RawPair> pairs) {
    ThrowIfInterrupted(session->output());
    FeedRanked(pairs, ids, &session->builder(), &src, &dst);
  };
  if (pass->spool) {
    pass->spool->Replay(std::max<uint64_t>(1, session->builder().max_chunk_arcs()), feed);
  } else {
    read(feed);
  }
  session->progress().End();
  return session->Finish([&ids](SectionStream* out) {
    ids.ForEachInOrder([out](std::span<const uint64_t> chunk) { out->Write(chunk); });
  });
}

PreparationReport PrepareFromPairs(PairInput input, const PreparationOptions& options,
                                   const std::string& output) {
  PreparationSession session(options, output, input.path, FormatName(input.format));
  const uint64_t chunk = TextChunkFor(session.budget());
  DistinctIds ids(input.dense_limit);
  const auto read = [&input, chunk](const PairChunkFn& fn) { input.Read(chunk, fn); };
  FirstPass pass = CountPairs(&session, chunk, !input.rereadable, &ids, read);
  if (pass.pairs == 0) throw DatasetError(input.path + ": no edges");
  ids.Finish(input.path);
  session.report().input_undirected = input.undirected;
  const uint64_t held =
      ids.bytes() + ReadingBytes(chunk) + (pass.spool ? 2 * pass.spool->memory_bytes() : 0);
  return BuildFromPairs(&session, ids, &pass, options.symmetrize || input.undirected, held, read);
}

PreparationReport PrepareFromLdbc(const std::string& input, const PreparationOptions& options,
                                  const std::string& output) {
  const LdbcGraph properties = ReadLdbcProperties(input);
  const LdbcFiles files = ResolveLdbcFiles(properties, input);
  PreparationSession session(options, output, input, FormatName(GraphFormat::kEvlp));
  const uint64_t chunk = TextChunkFor(session.budget());
  std::error_code ec;
  const bool regular = IsRegularFile(files.vertex_path);
  DistinctIds ids(DenseIdLimit(regular ? std::filesystem::file_size(files.vertex_path, ec) : 0,
                               regular, session.budget()));
  ReadLdbcVertexIds(files.vertex_path, chunk, &ids);
  CheckPassMemory(session, input, ids.bytes() + ReadingBytes(chunk), ids.size());
  const auto read = [&](const PairChunkFn& fn) {
    ReadLdbcEdgePairs(files.edge_path, chunk, ids, fn);
  };
  FirstPass pass = CountPairs(&session, chunk, !IsRegularFile(files.edge_path), nullptr, read);
  session.report().input_undirected = !properties.directed;
  const uint64_t held =
      ids.bytes() + ReadingBytes(chunk) + (pass.spool ? 2 * pass.spool->memory_bytes() : 0);
  return BuildFromPairs(&session, ids, &pass, options.symmetrize || !properties.directed, held,
                        read);
}

}  // namespace

PreparationReport PrepareFromInput(const std::string& input, std::optional<GraphFormat> format,
                                   const PreparationOptions& options, const std::string& output) {
  std::unique_ptr<ByteSource> source;
  if (!format) format = GraphFormatFromName(input);
  if (!format) {
    source = std::make_unique<ByteSource>(input);
    format = DetectGraphFormat(source.get());
  }
  switch (*format) {
    case GraphFormat::kCgraph:
      return PrepareFromGraphFile(input, options, output);
    case GraphFormat::kEvlp:
      return PrepareFromLdbc(input, options, output);
    default: {
      const uint64_t budget = options.memory_budget ? options.memory_budget : DefaultMemoryBudget();
      return PrepareFromPairs(OpenPairInput(input, *format, std::move(source), budget), options,
                              output);
    }
  }
}

}  // namespace cost::datasets
