#include "datasets/catalog.h"

#include <xxhash.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "datasets/dataset_error.h"

#ifndef COST_DEFAULT_SHARED_DIR
#define COST_DEFAULT_SHARED_DIR "../shared"
#endif

namespace cost::datasets {
namespace {

// Counts of the real graphs: datasets-real/README.md ("Verified counts"); twitter_rv and
// uk-2007-05: the COST paper's Table 1 (docs/PAPER.md).
const CatalogEntry kCatalog[] = {
    {.name = "kron-20",
     .source = DatasetSource::kKronecker,
     .description = "Graph500 Kronecker, 2^20 vertices, 16 * 2^20 edges, undirected",
     .scale = 20,
     .edge_factor = 16,
     .seed = 1,
     .symmetrize = true,
     .expected_vertices = uint64_t{1} << 20,
     .expected_edges = uint64_t{16} << 20,
     .origin = "generated (cost dataset generate kronecker --scale 20)"},
    {.name = "kron-22",
     .source = DatasetSource::kKronecker,
     .description = "Graph500 Kronecker, 2^22 vertices, 16 * 2^22 edges, undirected",
     .scale = 22,
     .edge_factor = 16,
     .seed = 1,
     .symmetrize = true,
     .expected_vertices = uint64_t{1} << 22,
     .expected_edges = uint64_t{16} << 22,
     .origin = "generated (cost dataset generate kronecker --scale 22)"},
    // The COST paper's graphs' sizes (Table 1), generated: for its experiments on a machine
    // without the files. Prepared as the paper's rows read them: the out-CSR (vertex order) and
    // the compressed Hilbert stream (Hilbert order), without the transpose.
    {.name = "twitter-like",
     .source = DatasetSource::kKronecker,
     .description = "Graph500 Kronecker, 2^25 vertices, 44 * 2^25 edges (twitter_rv's 1.47 B), "
                    "directed; prepared as csr + compressed by default (the paper's vertex- and "
                    "Hilbert-order rows)",
     .scale = 25,
     .edge_factor = 44,
     .seed = 1,
     .symmetrize = false,
     .expected_vertices = uint64_t{1} << 25,
     .expected_edges = uint64_t{44} << 25,
     .origin = "generated (cost dataset generate kronecker --scale 25 --edge-factor 44 "
               "--directed)",
     .sections = {.csr = true, .transpose = false, .compressed = true}},
    {.name = "uk-like",
     .source = DatasetSource::kKronecker,
     .description = "Graph500 Kronecker, 2^27 vertices, 28 * 2^27 edges (uk-2007-05's 3.74 B), "
                    "directed; prepared as csr + compressed by default (the paper's vertex- and "
                    "Hilbert-order rows)",
     .scale = 27,
     .edge_factor = 28,
     .seed = 1,
     .symmetrize = false,
     .expected_vertices = uint64_t{1} << 27,
     .expected_edges = uint64_t{28} << 27,
     .origin = "generated (cost dataset generate kronecker --scale 27 --edge-factor 28 "
               "--directed)",
     .sections = {.csr = true, .transpose = false, .compressed = true}},
    {.name = "uniform-20",
     .source = DatasetSource::kUniform,
     .description = "uniform random G(n, m), 2^20 vertices, 16 * 2^20 edges, undirected",
     .num_vertices = uint64_t{1} << 20,
     .num_edges = uint64_t{16} << 20,
     .seed = 1,
     .symmetrize = true,
     .expected_vertices = uint64_t{1} << 20,
     .expected_edges = uint64_t{16} << 20,
     .origin = "generated (cost dataset generate uniform --scale 20)"},
    {.name = "grid-1024",
     .source = DatasetSource::kGrid,
     .description = "1024 x 1024 grid, undirected (high diameter, road-like)",
     .rows = 1024,
     .cols = 1024,
     .seed = 1,
     .symmetrize = true,
     .expected_vertices = 1024 * 1024,
     .expected_edges = 2 * 1024 * 1023,
     .prepared_arcs = 4 * 1024 * 1023,
     .origin = "generated (cost dataset generate grid --rows 1024 --cols 1024)"},
    {.name = "karate",
     .source = DatasetSource::kSharedFile,
     .description = "Zachary's karate club, undirected",
     .relative_path = "datasets-real/karate/karate.mtx",
     .format = GraphFormat::kMatrixMarket,
     .symmetrize = true,
     .expected_vertices = 34,
     .expected_edges = 78,
     .expected_bytes = 1651,
     .prepared_arcs = 2 * 78,
     .origin = "SuiteSparse Newman/karate (via GraphBLAS/LAGraph data/karate.mtx)"},
    {.name = "ego-Facebook",
     .source = DatasetSource::kSharedFile,
     .description = "Facebook ego networks, undirected, each edge stored once",
     .relative_path = "datasets-real/ego-Facebook/facebook_combined.txt.gz",
     .format = GraphFormat::kSnap,
     .symmetrize = true,
     .expected_vertices = 4039,
     .expected_edges = 88234,
     .expected_bytes = 218575,
     .prepared_arcs = 2 * 88234,
     .origin = "SNAP ego-Facebook"},
    {.name = "wiki-Vote",
     .source = DatasetSource::kSharedFile,
     .description = "Wikipedia adminship votes, directed",
     .relative_path = "datasets-real/wiki-Vote/wiki-Vote.txt",
     .format = GraphFormat::kSnap,
     .symmetrize = false,
     .expected_vertices = 7115,
     .expected_edges = 103689,
     .expected_bytes = 1095061,
     .prepared_arcs = 103689,
     .origin = "SNAP wiki-Vote"},
    {.name = "email-Enron",
     .source = DatasetSource::kSharedFile,
     .description = "Enron e-mail, undirected, stored as both directions",
     .relative_path = "datasets-real/email-Enron/email-Enron.txt.gz",
     .format = GraphFormat::kSnap,
     .symmetrize = true,
     .expected_vertices = 36692,
     .expected_edges = 183831,
     .expected_bytes = 1054970,
     .prepared_arcs = 2 * 183831,
     .origin = "SNAP email-Enron"},
    {.name = "soc-Slashdot0902",
     .source = DatasetSource::kSharedFile,
     .description = "Slashdot friend/foe links, directed (78,303 self-loops dropped)",
     .relative_path = "datasets-real/soc-Slashdot0902/soc-Slashdot0902.txt.gz",
     .format = GraphFormat::kSnap,
     .symmetrize = false,
     .expected_vertices = 82168,
     .expected_edges = 948464,
     .expected_bytes = 3246522,
     .prepared_arcs = 948464 - 78303,
     .origin = "SNAP soc-Slashdot0902"},
    {.name = "luxembourg_osm",
     .source = DatasetSource::kSharedFile,
     .description = "Luxembourg road network, undirected, high diameter",
     // Headerless despite .mtx: read as a plain edge list (datasets-real/README.md).
     .relative_path = "datasets-real/luxembourg_osm/luxembourg_osm.mtx",
     .format = GraphFormat::kSnap,
     .symmetrize = true,
     .expected_vertices = 114599,
     .expected_edges = 119666,
     .expected_bytes = 1440952,
     .prepared_arcs = 2 * 119666,
     .origin = "SuiteSparse DIMACS10/luxembourg_osm (banner-less copy: read as snap)"},
    {.name = "twitter_rv",
     .source = DatasetSource::kBringYourOwn,
     .description = "Twitter follower graph (Kwak et al. 2010), directed; the COST paper's",
     .format = GraphFormat::kSnap,
     .symmetrize = false,
     .expected_vertices = 41652230,
     .expected_edges = 1468365182,
     .expected_bytes = 5760000000,
     .origin = "bring your own file: twitter_rv.net, a tab-separated edge list from "
               "http://an.kaist.ac.kr/traces/WWW2010.html (ids are sparse); pass --file"},
    {.name = "uk-2007-05",
     .source = DatasetSource::kBringYourOwn,
     .description = "UK web crawl 2007-05 (LAW/WebGraph), directed; the COST paper's",
     .format = GraphFormat::kSnap,
     .symmetrize = false,
     .expected_vertices = 105896555,
     .expected_edges = 3738733648,
     .expected_bytes = 14720000000,
     .origin = "bring your own file: http://law.di.unimi.it/webdata/uk-2007-05/ (WebGraph "
               "BV format; export it as a text edge list with the WebGraph tools); pass --file"},
};

}  // namespace

const char* DatasetSourceName(DatasetSource source) {
  switch (source) {
    case DatasetSource::kKronecker:
      return "kronecker";
    case DatasetSource::kUniform:
      return "uniform";
    case DatasetSource::kGrid:
      return "grid";
    case DatasetSource::kSharedFile:
      return "file";
    case DatasetSource::kBringYourOwn:
      return "bring-your-own";
  }
  return "?";
}

std::span<const CatalogEntry> Catalog() { return kCatalog; }

const CatalogEntry& FindDataset(std::string_view name) {
  for (const CatalogEntry& entry : kCatalog) {
    if (entry.name == name) return entry;
  }
  std::string known;
  for (const CatalogEntry& entry : kCatalog) {
    if (!known.empty()) known += ", ";
    known += entry.name;
  }
  throw DatasetError("unknown dataset '" + std::string(name) + "'; known: " + known);
}

std::string DefaultSharedDir() {
  const char* env = std::getenv("COST_SHARED_DIR");
  if (env != nullptr && env[0] != '\0') return env;
  return COST_DEFAULT_SHARED_DIR;
}

std::string SourcePathOf(const CatalogEntry& entry, const std::string& shared_dir) {
  if (entry.source != DatasetSource::kSharedFile) return {};
  return (std::filesystem::path(shared_dir) / entry.relative_path).string();
}

uint64_t HashFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    throw DatasetError(path + ": cannot read the file");
  }
  std::unique_ptr<XXH64_state_t, XXH_errorcode (*)(XXH64_state_t*)> state(XXH64_createState(),
                                                                          XXH64_freeState);
  XXH64_reset(state.get(), 0);
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    XXH64_update(state.get(), buffer.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw DatasetError(path + ": read error");
  return XXH64_digest(state.get());
}

}  // namespace cost::datasets
