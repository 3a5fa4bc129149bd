// A 2D grid, road-network-like: vertex (r, c) has id r * cols + c and an edge to its right and
// lower neighbours, each edge stored once (symmetrise for an undirected road graph). With
// drop_probability > 0 each grid edge is removed independently, giving the irregular, high-
// diameter, possibly disconnected shape of a road network (the COST paper's hard case for label
// propagation). Edge i is kept by a draw seeded by (seed, i) alone: the same at any thread count.
#ifndef COST_DATASETS_GRID_GRAPH_H_
#define COST_DATASETS_GRID_GRAPH_H_

#include <cstdint>

#include "datasets/graph.h"

namespace cost::datasets {

struct GridOptions {
  uint64_t rows = 256;
  uint64_t cols = 256;
  double drop_probability = 0.0;  // in [0, 1)
  uint64_t seed = 1;
};

// Edges in order: every right edge (row-major), then every down edge (row-major), minus the
// dropped ones. Requires rows, cols >= 1, rows * cols <= 2^32, at least one kept edge.
// Throws DatasetError otherwise.
EdgeList GenerateGrid(const GridOptions& options);

// The grid's candidate edges (rows * (cols - 1) right ones, then (rows - 1) * cols down ones),
// before any is dropped. Throws DatasetError for options GenerateGrid rejects.
uint64_t GridCandidateEdges(const GridOptions& options);
// The kept edges among candidates [first, first + count), in order, written to src and dst
// (each of at least `count` entries); returns how many were kept.
uint64_t GenerateGridEdges(const GridOptions& options, uint64_t first, uint64_t count,
                           VertexId* src, VertexId* dst);

}  // namespace cost::datasets

#endif  // COST_DATASETS_GRID_GRAPH_H_
