// The fuzzed parsers; see fuzz_inputs.h. Each function catches only the errors its parser
// documents, so that anything else reaches libFuzzer as a crash.
#include "tests/fuzz/fuzz_inputs.h"

#include <unistd.h>
#include <xxhash.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "datasets/binary_edge_formats.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "datasets/graph_formats.h"
#include "datasets/hilbert_layout.h"
#include "datasets/ldbc_loader.h"
#include "datasets/matrix_market.h"
#include "datasets/text_loader.h"
#include "harness/analysis/cost_table.h"
#include "harness/analysis/single_thread_comparisons.h"
#include "harness/core/byte_size.h"
#include "harness/core/results.h"
#include "harness/run/external_system.h"
#include "harness/sweep/sweep.h"

namespace cost::fuzz {
namespace {

namespace fs = std::filesystem;
using datasets::DatasetError;

[[noreturn]] void Violation(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what.c_str());
  std::abort();
}

// A folder of this process's own, removed when it exits.
const fs::path& ScratchDir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("cost-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(ScratchDir(), ec);
    });
    return d;
  }();
  return dir;
}

// Writes `bytes` to NAME in the scratch folder and returns its path.
std::string WriteScratch(const std::string& name, std::string_view bytes) {
  const fs::path path = ScratchDir() / name;
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), bytes.size());
  return path.string();
}

// Removes the files of the previous input, so a multi-file input never sees stale parts.
void RemoveScratch(std::initializer_list<const char*> names) {
  for (const char* name : names) {
    std::error_code ec;
    fs::remove(ScratchDir() / name, ec);
  }
}

// Splits at kPartSeparator; memmem lets libFuzzer see the separator it compares against.
std::vector<std::string_view> SplitParts(std::string_view data) {
  std::vector<std::string_view> parts;
  for (;;) {
    const void* hit =
        ::memmem(data.data(), data.size(), kPartSeparator.data(), kPartSeparator.size());
    if (hit == nullptr) break;
    const size_t at = static_cast<const char*>(hit) - data.data();
    parts.push_back(data.substr(0, at));
    data.remove_prefix(at + kPartSeparator.size());
  }
  parts.push_back(data);
  return parts;
}

// What every loader promises of an edge list: endpoints and original ids within the vertex count.
void CheckEdgeList(const datasets::EdgeList& edges) {
  if (edges.src.size() != edges.dst.size()) Violation("src and dst differ in length");
  for (size_t e = 0; e < edges.src.size(); ++e) {
    if (edges.src[e] >= edges.num_vertices || edges.dst[e] >= edges.num_vertices) {
      Violation("edge " + std::to_string(e) + " has an endpoint beyond the vertex count");
    }
  }
  if (!edges.original_ids.empty() && edges.original_ids.size() != edges.num_vertices) {
    Violation("original ids do not match the vertex count");
  }
}

// What kernels rely on in a loaded graph: offsets from 0 to m, never decreasing, ids below n.
void CheckCsr(const datasets::Csr& csr, const char* which) {
  const uint64_t n = csr.num_vertices;
  if (csr.offsets.size() != n + 1) Violation(std::string(which) + " offsets: wrong length");
  if (csr.offsets[0] != 0 || csr.offsets[n] != csr.num_edges()) {
    Violation(std::string(which) + " offsets do not run from 0 to m");
  }
  for (uint64_t v = 0; v < n; ++v) {
    if (csr.offsets[v] > csr.offsets[v + 1]) Violation(std::string(which) + " offsets decrease");
  }
  for (const datasets::VertexId t : csr.targets) {
    if (t >= n) Violation(std::string(which) + " holds a vertex id beyond n");
  }
}

void CheckGraph(const datasets::Graph& g) {
  CheckCsr(g.out, "out");
  CheckCsr(g.in, "in");
  if (g.in.num_edges() != g.num_edges()) Violation("in and out differ in edge count");
  if (g.original_ids.size() != g.num_vertices()) Violation("original ids: wrong length");
  if (g.hilbert_src.size() != g.hilbert_dst.size()) Violation("hilbert arrays differ in length");
  for (size_t e = 0; e < g.hilbert_src.size(); ++e) {
    if (g.hilbert_src[e] >= g.num_vertices() || g.hilbert_dst[e] >= g.num_vertices()) {
      Violation("hilbert arc beyond n");
    }
  }
  if (!g.hilbert_compressed.empty()) {
    const uint64_t arcs = datasets::ForEachCompressedEdge(
        g.hilbert_compressed, [&](datasets::VertexId u, datasets::VertexId v) {
          if (u >= g.num_vertices() || v >= g.num_vertices()) {
            Violation("compressed hilbert arc beyond n");
          }
        });
    if (arcs != g.num_edges()) Violation("compressed hilbert stream: wrong arc count");
  }
}

void TextEdgeList(std::string_view data) {
  try {
    CheckEdgeList(datasets::ParseTextEdgeList(data, "input"));
  } catch (const DatasetError&) {
  }
}

// First byte: bit 0 clear writes the rest as is (any bytes, gzip or not); set gzips the rest and
// keeps (byte >> 1) / 127 of the compressed stream, so truncated streams are common.
void GzipEdgeList(std::string_view data) {
  if (data.empty()) return;
  const uint8_t mode = static_cast<uint8_t>(data[0]);
  data.remove_prefix(1);
  std::string file(data);
  if (mode & 1) {
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      Violation("deflateInit2");
    }
    file.assign(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(file.data());
    z.avail_out = static_cast<uInt>(file.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) Violation("deflate");
    file.resize(z.total_out);
    deflateEnd(&z);
    file.resize(file.size() * (mode >> 1) / 127);
  }
  try {
    CheckEdgeList(datasets::LoadTextEdgeList(WriteScratch("edges.txt.gz", file)));
  } catch (const DatasetError&) {
  }
}

void MatrixMarket(std::string_view data) {
  try {
    CheckEdgeList(datasets::ParseMatrixMarket(data, "input.mtx").edges);
  } catch (const DatasetError&) {
  }
}

void LdbcProperties(std::string_view data) {
  try {
    datasets::ReadLdbcProperties(WriteScratch("g.properties", data));
  } catch (const DatasetError&) {
  }
}

// Parts: g.properties, g.v, g.e (each written only when present). The reference-output readers
// get the vertex and edge parts as well.
void LdbcGraph(std::string_view data) {
  RemoveScratch({"g.properties", "g.v", "g.e"});
  const std::vector<std::string_view> parts = SplitParts(data);
  // The properties name the other files; keep them inside the scratch folder (no /proc, /dev).
  if (parts[0].find('/') != std::string_view::npos) return;
  const char* names[] = {"g.properties", "g.v", "g.e"};
  std::string paths[3];
  for (size_t i = 0; i < 3 && i < parts.size(); ++i) paths[i] = WriteScratch(names[i], parts[i]);
  try {
    CheckEdgeList(datasets::LoadLdbcGraph(paths[0]).edges);
  } catch (const DatasetError&) {
  }
  for (size_t i = 1; i < 3 && i < parts.size(); ++i) {
    try {
      datasets::ReadVertexInts(paths[i]);
    } catch (const DatasetError&) {
    }
    try {
      datasets::ReadVertexDoubles(paths[i]);
    } catch (const DatasetError&) {
    }
  }
}

// Parts: g.nodes, g.edges.
void CostVertexLayout(std::string_view data) {
  RemoveScratch({"g.nodes", "g.edges"});
  const std::vector<std::string_view> parts = SplitParts(data);
  WriteScratch("g.nodes", parts[0]);
  if (parts.size() > 1) WriteScratch("g.edges", parts[1]);
  try {
    CheckEdgeList(datasets::LoadCostVertexLayout((ScratchDir() / "g.nodes").string()));
  } catch (const DatasetError&) {
  }
}

void RawPairs(std::string_view data) {
  try {
    CheckEdgeList(datasets::LoadRawPairs(WriteScratch("g.raw", data)));
  } catch (const DatasetError&) {
  }
}

// First byte: bit 0 rewrites the header's file size, bit 1 its checksum, to match the rest, so
// the fuzzer gets past those checks to the structure behind them. Header offsets: file_bytes at
// 32, checksum at 40, payload after 192 bytes (graph_file.cc).
void GraphFile(std::string_view data) {
  if (data.empty()) return;
  const uint8_t mode = static_cast<uint8_t>(data[0]);
  std::string file(data.substr(1));
  constexpr size_t kHeaderBytes = 192;
  if (file.size() >= kHeaderBytes) {
    if (mode & 1) {
      const uint64_t size = file.size();
      std::memcpy(file.data() + 32, &size, 8);
    }
    if (mode & 2) {
      const uint64_t sum = XXH64(file.data() + kHeaderBytes, file.size() - kHeaderBytes, 0);
      std::memcpy(file.data() + 40, &sum, 8);
    }
  }
  const std::string path = WriteScratch("g.cgraph", file);
  try {
    datasets::ReadGraphFileInfo(path);
    CheckGraph(datasets::LoadGraphFile(path));
    // What `cost dataset convert` does with a prepared input: back to an edge list.
    CheckEdgeList(datasets::LoadGraphInput(path, datasets::GraphFormat::kCgraph).edges);
  } catch (const DatasetError&) {
  }
}

void SweepSpec(std::string_view data) {
  try {
    harness::ReadSweepSpec(WriteScratch("spec.json", data));
  } catch (const std::runtime_error&) {
  }
  try {
    harness::ParseByteSize(std::string(data));
  } catch (const std::invalid_argument&) {
  }
}

void ExternalManifest(std::string_view data) {
  try {
    harness::LoadExternalSystems(WriteScratch("system.json", data));
  } catch (const std::runtime_error&) {
  }
}

// What `cost report` computes from a results file, short of running gnuplot.
void ResultsFile(std::string_view data) {
  harness::ResultsFile results;
  try {
    results = harness::ReadResultsFile(WriteScratch("results.json", data));
  } catch (const std::runtime_error&) {
    return;
  }
  const auto groups = harness::ComputeCostTable(results.measurements);
  harness::FormatCostTableText(groups);
  harness::FormatCostTableMarkdown(groups);
  harness::SingleThreadMarkdown(results.measurements);
}

constexpr FuzzInput kFuzzInputs[] = {
    {"text_edge_list", TextEdgeList}, {"gzip_edge_list", GzipEdgeList},
    {"matrix_market", MatrixMarket},  {"ldbc_properties", LdbcProperties},
    {"ldbc_graph", LdbcGraph},        {"cost_vertex_layout", CostVertexLayout},
    {"raw_pairs", RawPairs},          {"graph_file", GraphFile},
    {"sweep_spec", SweepSpec},        {"external_manifest", ExternalManifest},
    {"results_file", ResultsFile},
};

}  // namespace

std::span<const FuzzInput> FuzzInputs() { return kFuzzInputs; }

const FuzzInput* FindFuzzInput(std::string_view name) {
  for (const FuzzInput& input : kFuzzInputs) {
    if (name == input.name) return &input;
  }
  return nullptr;
}

}  // namespace cost::fuzz
