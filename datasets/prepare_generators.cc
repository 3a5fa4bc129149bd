// Generated graphs prepared in bounded memory; see prepare_graph.h. Edges are generated a chunk
// at a time straight into the builder, so only one chunk of them exists at once.
#include <algorithm>
#include <string>
#include <vector>

#include "datasets/external/preparation_session.h"
#include "datasets/graph_file_writer.h"
#include "datasets/prepare_graph.h"

namespace cost::datasets {
namespace {

// Feeds `total` generated items through generate(first, count, src, dst) -> arcs written, then
// finishes with the identity ids.
template <typename Generate>
PreparationReport PrepareGenerated(PreparationSession* session, uint64_t num_vertices,
                                   uint64_t total, bool symmetrize, Generate generate) {
  ExternalGraphBuilder* builder = nullptr;
  // The chunk arrays are the builder's "caller's chunk" buffer, counted in its memory.
  session->Start(num_vertices, symmetrize, 0, total);
  builder = &session->builder();
  const uint64_t chunk = builder->max_chunk_arcs();
  std::vector<VertexId> src(std::min(chunk, total)), dst(std::min(chunk, total));
  session->progress().Begin("read", total);
  for (uint64_t first = 0; first < total; first += chunk) {
    const uint64_t count = std::min(chunk, total - first);
    const uint64_t arcs = generate(first, count, src.data(), dst.data());
    builder->AddArcs(std::span<const VertexId>(src.data(), arcs),
                     std::span<const VertexId>(dst.data(), arcs));
  }
  session->progress().End();
  return session->Finish(
      [num_vertices](SectionStream* ids) { WriteIdentityIds(num_vertices, ids); });
}

}  // namespace

PreparationReport PrepareKronecker(const KroneckerOptions& kronecker,
                                   const PreparationOptions& options, const std::string& output) {
  const uint64_t total = KroneckerEdgeCount(kronecker);
  PreparationSession session(options, output, "kronecker", "kronecker");
  return PrepareGenerated(&session, uint64_t{1} << kronecker.scale, total, options.symmetrize,
                          [&](uint64_t first, uint64_t count, VertexId* src, VertexId* dst) {
                            GenerateKroneckerEdges(kronecker, first, {src, count}, {dst, count});
                            return count;
                          });
}

PreparationReport PrepareUniform(const UniformOptions& uniform, const PreparationOptions& options,
                                 const std::string& output) {
  PreparationSession session(options, output, "uniform", "uniform");
  GenerateUniformEdges(uniform, 0, {}, {});  // validates before anything is created
  return PrepareGenerated(&session, uniform.num_vertices, uniform.num_edges, options.symmetrize,
                          [&](uint64_t first, uint64_t count, VertexId* src, VertexId* dst) {
                            GenerateUniformEdges(uniform, first, {src, count}, {dst, count});
                            return count;
                          });
}

PreparationReport PrepareGrid(const GridOptions& grid, const PreparationOptions& options,
                              const std::string& output) {
  const uint64_t total = GridCandidateEdges(grid);
  PreparationSession session(options, output, "grid", "grid");
  PreparationReport report =
      PrepareGenerated(&session, grid.rows * grid.cols, total, options.symmetrize,
                       [&](uint64_t first, uint64_t count, VertexId* src, VertexId* dst) {
                         return GenerateGridEdges(grid, first, count, src, dst);
                       });
  return report;
}

}  // namespace cost::datasets
