// `cost dataset generate | convert | export | info | list | prepare | fetch`: making and
// inspecting prepared graph files, and the named datasets of the catalog.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "datasets/catalog.h"
#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "datasets/graph_formats.h"
#include "harness/cli/commands.h"
#include "harness/core/format.h"
#include "harness/prepare/dataset_cache.h"
#include "harness/prepare/dataset_fetch.h"
#include "harness/prepare/graph_preparation.h"

namespace cost::harness {
namespace {

void PrintInfo(const std::string& path, const datasets::GraphFileInfo& info, bool json) {
  nlohmann::json meta = nlohmann::json::parse(info.metadata, nullptr, false);
  if (meta.is_discarded()) meta = info.metadata;
  const std::string checksum = Hex16(info.checksum);
  if (json) {
    nlohmann::json j = {{"path", path},
                        {"version", info.version},
                        {"num_vertices", info.num_vertices},
                        {"num_edges", info.num_edges},
                        {"symmetric", info.symmetric},
                        {"checksum", checksum},
                        {"file_bytes", info.file_bytes},
                        {"hilbert", info.has_hilbert},
                        {"hilbert_compressed_bytes", info.hilbert_compressed_bytes},
                        {"metadata", meta}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf(
      "%s\n  format version  %u\n  vertices        %llu\n  edges (arcs)    %llu\n"
      "  symmetric       %s\n  hilbert arrays  %s\n  hilbert stream  %llu bytes\n  checksum        "
      "%s (XXH64)\n  file size       %llu bytes\n"
      "  metadata        %s\n",
      path.c_str(), info.version, static_cast<unsigned long long>(info.num_vertices),
      static_cast<unsigned long long>(info.num_edges), info.symmetric ? "yes" : "no",
      info.has_hilbert ? "yes" : "no",
      static_cast<unsigned long long>(info.hilbert_compressed_bytes), checksum.c_str(),
      static_cast<unsigned long long>(info.file_bytes), meta.dump().c_str());
}

CLI::Validator LayoutValidator() { return CLI::IsMember({"vertex", "hilbert", "compressed"}); }

const char* const kLayoutHelp =
    "Edge layouts to add beside the CSR: vertex (none, default), hilbert (arcs sorted by "
    "Hilbert-curve index), compressed (varint deltas of the sorted Hilbert indices); the time "
    "it takes is recorded as hilbert_seconds in the metadata";

void AddGenerate(CLI::App& dataset) {
  struct Options {
    std::string kind, out, layout = "vertex";
    datasets::KroneckerOptions kronecker;
    datasets::UniformOptions uniform;
    datasets::GridOptions grid;
    int scale = 0;
    int edge_factor = 16;
    uint64_t seed = 1;
    bool directed = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "generate",
      "Generate a graph and write it as a prepared .cgraph file. The same seed gives the same "
      "graph at any thread count.");
  cmd->add_option("kind", o->kind,
                  "kronecker (Graph500 R-MAT, A=0.57 B=C=0.19; --scale), uniform (G(n, m); "
                  "--vertices and --edges, or --scale), grid (road-like 2D grid; --rows, --cols, "
                  "--drop)")
      ->required()
      ->check(CLI::IsMember({"kronecker", "uniform", "grid"}));
  cmd->add_option("--scale", o->scale, "2^SCALE vertices (kronecker, uniform)")
      ->check(CLI::Range(1, 31));
  cmd->add_option("--edge-factor", o->edge_factor,
                  "EDGE_FACTOR * 2^SCALE generated edges (default 16)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--vertices", o->uniform.num_vertices, "uniform: number of vertices")
      ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 32));
  cmd->add_option("--edges", o->uniform.num_edges, "uniform: number of generated edges")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--rows", o->grid.rows, "grid: rows (default 256)")->check(CLI::PositiveNumber);
  cmd->add_option("--cols", o->grid.cols, "grid: columns (default 256)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--drop", o->grid.drop_probability,
                  "grid: probability of removing each grid edge (default 0)")
      ->check(CLI::Range(0.0, 0.999999));
  cmd->add_option("--seed", o->seed, "Random seed (default 1)");
  cmd->add_flag("--directed", o->directed,
                "Keep edges as generated instead of storing both directions (the generated "
                "graphs are undirected by default)");
  cmd->add_option("--layout", o->layout, kLayoutHelp)->check(LayoutValidator());
  cmd->add_option("-o,--output", o->out, "Prepared graph file to write")->required();
  cmd->callback([o, cmd] {
    const PrepareOptions prepare{.symmetrize = !o->directed,
                                 .layout = datasets::ParseEdgeLayout(o->layout)};
    datasets::GraphFileInfo info;
    if (o->kind == "kronecker") {
      if (o->scale == 0) throw CLI::RequiredError("--scale (for kronecker)");
      o->kronecker.scale = o->scale;
      o->kronecker.edge_factor = o->edge_factor;
      o->kronecker.seed = o->seed;
      info = GenerateKroneckerFile(o->kronecker, prepare, o->out);
    } else if (o->kind == "uniform") {
      if (o->scale != 0) {
        o->uniform.num_vertices = uint64_t{1} << o->scale;
        o->uniform.num_edges = static_cast<uint64_t>(o->edge_factor) << o->scale;
      } else if (cmd->count("--vertices") == 0 || cmd->count("--edges") == 0) {
        throw CLI::RequiredError("--scale, or --vertices and --edges (for uniform)");
      }
      o->uniform.seed = o->seed;
      info = GenerateUniformFile(o->uniform, prepare, o->out);
    } else {
      o->grid.seed = o->seed;
      info = GenerateGridFile(o->grid, prepare, o->out);
    }
    PrintInfo(o->out, info, false);
  });
}

// Names accepted by --format, for the help text and the checker.
const char* const kFormatHelp =
    "snap (text edge list, plain or .gz), mtx (Matrix Market coordinate), evlp (LDBC "
    ".properties), raw ((u32,u32) pairs), cost-vertex (.nodes + .edges), cgraph";

CLI::Validator FormatValidator() {
  return CLI::Validator(
      [](std::string& name) -> std::string {
        try {
          datasets::ParseFormatName(name);
        } catch (const datasets::DatasetError& e) {
          return e.what();
        }
        return {};
      },
      "FORMAT");
}

void AddConvert(CLI::App& dataset) {
  struct Options {
    std::string in, out, format, layout = "vertex";
    bool symmetrize = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "convert",
      "Convert a graph file to a prepared .cgraph file. The input format is detected from the "
      "file (extension, magic bytes, Matrix Market banner) unless --format names it. "
      "Self-loops and duplicate edges are dropped.");
  cmd->add_option("input", o->in, "Input graph file")->required();
  cmd->add_option("-o,--output", o->out, "Prepared graph file to write")->required();
  cmd->add_option("--format", o->format, std::string("Input format: ") + kFormatHelp)
      ->check(FormatValidator());
  cmd->add_flag("--symmetrize", o->symmetrize,
                "Store both directions of every edge (undirected graph); inputs that say they "
                "are undirected (mtx symmetric, LDBC directed = false) always are");
  cmd->add_option("--layout", o->layout, kLayoutHelp)->check(LayoutValidator());
  cmd->callback([o] {
    ConvertOptions options;
    options.symmetrize = o->symmetrize;
    options.layout = datasets::ParseEdgeLayout(o->layout);
    if (!o->format.empty()) options.format = datasets::ParseFormatName(o->format);
    const auto info = ConvertToGraphFile(o->in, options, o->out);
    PrintInfo(o->out, info, false);
  });
}

void AddExport(CLI::App& dataset) {
  struct Options {
    std::string in, out, format;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "export", "Write a prepared .cgraph file in another format (atomically)");
  cmd->add_option("input", o->in, "Prepared .cgraph file")->required();
  cmd->add_option("--format", o->format,
                  "Output format: snap (.gz: gzip), mtx, evlp (writes NAME.properties, .v, .e), "
                  "raw, cost-vertex (writes NAME.nodes, NAME.edges)")
      ->required()
      ->check(FormatValidator());
  cmd->add_option("-o,--output", o->out, "File (or NAME for multi-file formats) to write")
      ->required();
  cmd->callback([o] {
    const datasets::Graph graph = datasets::LoadGraphFile(o->in);
    datasets::WriteGraphAs(graph, datasets::ParseFormatName(o->format), o->out);
  });
}

void AddInfo(CLI::App& dataset) {
  struct Options {
    std::string file;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "info", "Describe a prepared graph file: counts, checksum and how it was made");
  cmd->add_option("file", o->file, "Prepared .cgraph file")->required();
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->callback([o] { PrintInfo(o->file, datasets::ReadGraphFileInfo(o->file), o->json); });
}

const char* const kCacheHelp = "Cache folder of prepared graphs (default ./cost-data)";
const char* const kSharedHelp =
    "Folder holding datasets-real (default: $COST_SHARED_DIR, else the one compiled in)";

// The layouts of `entry` already prepared in the cache. Generated and shipped entries are looked
// up by their exact key; bring-your-own entries (no file to hash) by any cached NAME-* file.
nlohmann::json PreparedLayouts(const datasets::CatalogEntry& entry, const CacheOptions& options,
                               bool* source_available) {
  nlohmann::json prepared = nlohmann::json::object();
  *source_available = false;
  const datasets::EdgeLayout layouts[] = {datasets::EdgeLayout::kVertex,
                                          datasets::EdgeLayout::kHilbert,
                                          datasets::EdgeLayout::kCompressed};
  if (entry.source == datasets::DatasetSource::kBringYourOwn) {
    std::error_code error;
    for (const auto& file : std::filesystem::directory_iterator(options.cache_dir, error)) {
      const std::string name = file.path().filename().string();
      if (name.rfind(std::string(entry.name) + "-", 0) != 0) continue;
      for (const auto layout : layouts) {
        if (name.find(std::string("-") + datasets::EdgeLayoutName(layout) + "-") !=
            std::string::npos) {
          prepared[datasets::EdgeLayoutName(layout)] = file.path().string();
        }
      }
    }
    return prepared;
  }
  CacheOptions each = options;
  uint64_t hash = 0;
  for (const auto layout : layouts) {
    each.layout = layout;
    std::string path;
    try {
      path = PreparedPathOf(entry, each, &hash);
    } catch (const datasets::DatasetError&) {
      return prepared;  // the source file is missing
    }
    *source_available = true;
    if (std::filesystem::exists(path)) prepared[datasets::EdgeLayoutName(layout)] = path;
  }
  return prepared;
}

void AddList(CLI::App& dataset) {
  struct Options {
    CacheOptions cache;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "list",
      "List the named datasets of the catalog, their published counts, and which layouts are "
      "already prepared in the cache");
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->add_option("--cache", o->cache.cache_dir, kCacheHelp);
  cmd->add_option("--shared", o->cache.shared_dir, kSharedHelp);
  cmd->callback([o] {
    nlohmann::json rows = nlohmann::json::array();
    for (const datasets::CatalogEntry& entry : datasets::Catalog()) {
      bool available = false;
      nlohmann::json prepared = PreparedLayouts(entry, o->cache, &available);
      nlohmann::json row = {{"name", entry.name},
                            {"source", datasets::DatasetSourceName(entry.source)},
                            {"description", entry.description},
                            {"symmetric", entry.symmetrize},
                            {"expected_vertices", entry.expected_vertices},
                            {"expected_edges", entry.expected_edges},
                            {"origin", entry.origin},
                            {"source_available", available},
                            {"prepared", prepared}};
      if (entry.source == datasets::DatasetSource::kSharedFile) {
        row["path"] = SourceFileOf(entry, o->cache);
        row["format"] = datasets::FormatName(entry.format);
      }
      if (entry.source == datasets::DatasetSource::kBringYourOwn) {
        row["format"] = datasets::FormatName(entry.format);
      }
      if (entry.expected_bytes != 0) row["expected_bytes"] = entry.expected_bytes;
      if (entry.prepared_arcs != 0) row["prepared_arcs"] = entry.prepared_arcs;
      rows.push_back(row);
    }
    if (o->json) {
      std::cout << rows.dump(2) << "\n";
      return;
    }
    std::printf("%-17s %-14s %13s %15s  %s\n", "name", "source", "vertices", "edges",
                "prepared (cache)");
    for (const auto& row : rows) {
      std::string prepared;
      for (const auto& [layout, path] : row["prepared"].items()) {
        prepared += (prepared.empty() ? "" : ",") + layout;
      }
      if (prepared.empty()) {
        prepared = row["source_available"].get<bool>() ? "-" : "- (no source file)";
      }
      std::printf("%-17s %-14s %13llu %15llu  %s\n", row["name"].get<std::string>().c_str(),
                  row["source"].get<std::string>().c_str(),
                  static_cast<unsigned long long>(row["expected_vertices"].get<uint64_t>()),
                  static_cast<unsigned long long>(row["expected_edges"].get<uint64_t>()),
                  prepared.c_str());
    }
  });
}

void AddPrepare(CLI::App& dataset) {
  struct Options {
    std::string name, layout = "vertex";
    CacheOptions cache;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "prepare",
      "Prepare a named dataset (see `cost dataset list`) into the cache once and print its path. "
      "The file is named by the XXH64 of the source file (of the parameters, for generated "
      "graphs) and the layout; an existing one is reused.");
  cmd->add_option("name", o->name, "Dataset name")->required();
  cmd->add_option("--layout", o->layout, kLayoutHelp)->check(LayoutValidator());
  cmd->add_option("--cache", o->cache.cache_dir, kCacheHelp);
  cmd->add_option("--shared", o->cache.shared_dir, kSharedHelp);
  cmd->add_option("--file", o->cache.file,
                  "Source file (required for bring-your-own datasets such as twitter_rv)");
  cmd->add_flag("--json", o->json, "Print JSON: path, reused, counts");
  cmd->callback([o] {
    o->cache.layout = datasets::ParseEdgeLayout(o->layout);
    const datasets::CatalogEntry& entry = datasets::FindDataset(o->name);
    const PreparedDataset prepared = PrepareCatalogDataset(entry, o->cache);
    if (o->json) {
      const nlohmann::json j = {{"name", entry.name},
                                {"path", prepared.path},
                                {"reused", prepared.reused},
                                {"source_hash", Hex16(prepared.source_hash)},
                                {"num_vertices", prepared.info.num_vertices},
                                {"num_edges", prepared.info.num_edges},
                                {"expected_vertices", entry.expected_vertices},
                                {"expected_edges", entry.expected_edges}};
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << prepared.path << "\n";
  });
}

void AddFetch(CLI::App& dataset) {
  struct Options {
    std::string name;
    FetchOptions fetch;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = dataset.add_subcommand(
      "fetch",
      "Download a named dataset's source file into CACHE/downloads/NAME/ with curl and print its "
      "path. The download goes to FILE.part, which a failed or interrupted fetch keeps and the "
      "next one resumes; it is renamed into place only when its XXH64 matches the checksum "
      "(--xxh64, else the catalog's; with neither it is not verified and its XXH64 is "
      "printed).");
  cmd->add_option("name", o->name, "Dataset name")->required();
  cmd->add_option("--cache", o->fetch.cache_dir, kCacheHelp);
  cmd->add_option("--url", o->fetch.url,
                  "Download from this URL instead of the catalog's (a mirror; any URL curl "
                  "reads, file:// included)");
  cmd->add_option("--xxh64", o->fetch.xxh64,
                  "Expected XXH64 of the file in hex, instead of the catalog's");
  cmd->callback([o] {
    const datasets::CatalogEntry& entry = datasets::FindDataset(o->name);
    const FetchedFile fetched = FetchCatalogDataset(entry, o->fetch, &std::cerr);
    std::cout << fetched.path << "\n";
  });
}

}  // namespace

void AddDatasetCommand(CLI::App& app, int*) {
  CLI::App* dataset = app.add_subcommand(
      "dataset", "Generate, convert, export, inspect, list, prepare and fetch graphs");
  dataset->require_subcommand(1);
  AddGenerate(*dataset);
  AddConvert(*dataset);
  AddExport(*dataset);
  AddInfo(*dataset);
  AddList(*dataset);
  AddPrepare(*dataset);
  AddFetch(*dataset);
}

}  // namespace cost::harness
