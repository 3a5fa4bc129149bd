// The one dataset cache (harness/prepare/dataset_cache.h): a graph is prepared once whoever asks
// for it (a sweep spec, `cost dataset prepare`), a truncated or corrupt entry is prepared again,
// and the file name changes with every option that changes the file.
#include "harness/prepare/dataset_cache.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "datasets/catalog.h"
#include "datasets/graph_file.h"
#include "harness/core/results.h"
#include "harness/prepare/catalog_datasets.h"
#include "harness/sweep/prepared_datasets.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using datasets::FindDataset;
using harness::CacheOptions;
using harness::GraphRecipe;
using harness::PreparedDataset;
using ::testing::HasSubstr;

// What identifies a file on disk: rewriting it (even in place) gives a new inode or mtime.
struct FileStamp {
  ino_t inode = 0;
  fs::file_time_type written;
  bool operator==(const FileStamp&) const = default;
};
FileStamp StampOf(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(stat(path.c_str(), &st), 0) << path;
  return {st.st_ino, fs::last_write_time(path)};
}

std::vector<std::string> CachedGraphs(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".cgraph") names.push_back(e.path().filename().string());
  }
  return names;
}

class DatasetCacheTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    options_.cache_dir = (dir_ / "cache").string();
    options_.shared_dir = COST_SHARED_DIR;
  }

  // A spec asking for the catalog's karate graph by its file, as a user would write it.
  void WriteKarateSpec() {
    CacheOptions shared;
    shared.shared_dir = COST_SHARED_DIR;
    std::ofstream(dir_ / "spec.json")
        << nlohmann::json{{"datasets",
                           {{{"name", "club"},
                             {"edges", harness::SourceFileOf(FindDataset("karate"), shared)},
                             {"format", "mtx"},
                             {"symmetrize", true}}}},
                          {"kernels", {"wcc"}},
                          {"implementations", {"serial:union-find"}},
                          {"repetitions", 1},
                          {"cache_dir", "cache"}};
  }

  testing_support::CostRun Cost(const std::vector<std::string>& args) {
    return testing_support::RunCost(args, dir_);
  }

  CacheOptions options_;
};

TEST_F(DatasetCacheTest, SweepReusesWhatDatasetPrepareMade) {
  const testing_support::CostRun prepare = Cost(
      {"dataset", "prepare", "karate", "--cache", "cache", "--shared", COST_SHARED_DIR, "--json"});
  ASSERT_EQ(prepare.exit_code, 0) << prepare.err;
  const nlohmann::json prepared = nlohmann::json::parse(prepare.out);
  ASSERT_FALSE(prepared["reused"].get<bool>());
  const fs::path path = dir_ / prepared["path"].get<std::string>();
  // Aged, so that a rewrite would show even on a coarse clock.
  fs::last_write_time(path, fs::last_write_time(path) - std::chrono::hours(1));
  const FileStamp before = StampOf(path);

  WriteKarateSpec();
  const testing_support::CostRun sweep = Cost({"sweep", "spec.json", "--out", "r.json"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  EXPECT_EQ(StampOf(path), before);
  EXPECT_EQ(CachedGraphs(dir_ / "cache"), std::vector<std::string>{path.filename().string()});
  const harness::ResultsFile results = harness::ReadResultsFile((dir_ / "r.json").string());
  ASSERT_EQ(results.measurements.size(), 1u);
  EXPECT_EQ(fs::path(results.measurements[0].graph_path).filename(), path.filename());
}

TEST_F(DatasetCacheTest, DatasetPrepareReusesWhatASweepMade) {
  WriteKarateSpec();
  const testing_support::CostRun sweep = Cost({"sweep", "spec.json", "--out", "r.json", "--quiet"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const std::vector<std::string> cached = CachedGraphs(dir_ / "cache");
  ASSERT_EQ(cached.size(), 1u);
  const FileStamp before = StampOf(dir_ / "cache" / cached[0]);

  const testing_support::CostRun prepare = Cost(
      {"dataset", "prepare", "karate", "--cache", "cache", "--shared", COST_SHARED_DIR, "--json"});
  ASSERT_EQ(prepare.exit_code, 0) << prepare.err;
  const nlohmann::json prepared = nlohmann::json::parse(prepare.out);
  EXPECT_TRUE(prepared["reused"].get<bool>());
  EXPECT_EQ(fs::path(prepared["path"].get<std::string>()).filename(), cached[0]);
  EXPECT_EQ(StampOf(dir_ / "cache" / cached[0]), before);
  EXPECT_EQ(prepared["num_vertices"], 34);
}

TEST_F(DatasetCacheTest, SpecKroneckerAndCatalogEntryShareOneFile) {
  for (const std::string name : {"kron-20", "kron-22"}) {
    const datasets::CatalogEntry& entry = FindDataset(name);
    harness::DatasetSpec spec;
    spec.name = "a spec's own name";
    spec.kronecker = datasets::KroneckerOptions{.scale = entry.scale};
    spec.symmetrize = true;
    for (const auto layout : {datasets::EdgeLayout::kVertex, datasets::EdgeLayout::kHilbert}) {
      spec.layout = layout;
      options_.layout = layout;
      EXPECT_EQ(harness::CachePathOf(harness::RecipeOf(spec), options_.cache_dir),
                harness::CachePathOf(harness::RecipeOf(entry, options_), options_.cache_dir))
          << name;
    }
  }
  // The demo's and `cost reproduce`'s graph is the catalog's too.
  options_.layout = datasets::EdgeLayout::kVertex;
  EXPECT_EQ(harness::CachePathOf(harness::RecipeOf(harness::KroneckerDataset(20)), "cache"),
            harness::CachePathOf(harness::RecipeOf(FindDataset("kron-20"), options_), "cache"));
}

TEST_F(DatasetCacheTest, NameChangesWithEveryOption) {
  const std::string edges = (dir_ / "edges.txt").string();
  std::ofstream(edges) << "1 2\n2 3\n";
  const GraphRecipe file{.name = "f", .source = harness::SourceFile{edges, std::nullopt}};
  const GraphRecipe kron{.name = "k", .source = datasets::KroneckerOptions{}, .symmetrize = true};
  std::vector<GraphRecipe> recipes = {file, kron};
  const auto vary = [&](const GraphRecipe& base, auto change) {
    GraphRecipe r = base;
    change(r);
    recipes.push_back(r);
  };
  for (const GraphRecipe& base : {file, kron}) {
    vary(base, [](GraphRecipe& r) { r.symmetrize = !r.symmetrize; });
    vary(base, [](GraphRecipe& r) { r.layout = datasets::EdgeLayout::kHilbert; });
    vary(base, [](GraphRecipe& r) { r.layout = datasets::EdgeLayout::kCompressed; });
  }
  vary(file, [](GraphRecipe& r) {
    std::get<harness::SourceFile>(r.source).format = datasets::GraphFormat::kMatrixMarket;
  });
  vary(kron, [](GraphRecipe& r) { std::get<datasets::KroneckerOptions>(r.source).scale = 17; });
  vary(kron,
       [](GraphRecipe& r) { std::get<datasets::KroneckerOptions>(r.source).edge_factor = 8; });
  vary(kron, [](GraphRecipe& r) { std::get<datasets::KroneckerOptions>(r.source).seed = 2; });
  vary(kron, [](GraphRecipe& r) { std::get<datasets::KroneckerOptions>(r.source).a = 0.45; });
  vary(kron, [](GraphRecipe& r) {
    r.source = datasets::UniformOptions{.num_vertices = 1 << 16, .num_edges = 16 << 16};
  });
  vary(kron, [](GraphRecipe& r) { r.source = datasets::GridOptions{}; });
  vary(kron, [](GraphRecipe& r) { r.source = datasets::GridOptions{.drop_probability = 0.5}; });
  std::set<std::string> names;
  for (const GraphRecipe& r : recipes) names.insert(harness::CachePathOf(r, "cache"));
  EXPECT_EQ(names.size(), recipes.size());

  // The name a recipe is asked for by is not part of the key; the file's content is.
  GraphRecipe renamed = file;
  renamed.name = "another name";
  EXPECT_EQ(harness::CachePathOf(renamed, "cache"), harness::CachePathOf(file, "cache"));
  const std::string before = harness::CachePathOf(file, "cache");
  std::ofstream(edges, std::ios::app) << "3 1\n";
  EXPECT_NE(harness::CachePathOf(file, "cache"), before);
  EXPECT_THAT(fs::path(before).filename().string(), testing::StartsWith("edges-"));
  EXPECT_THAT(before, HasSubstr("-snap-vertex-dir.cgraph"));
}

TEST_F(DatasetCacheTest, TruncatedOrCorruptEntryIsPreparedAgain) {
  const GraphRecipe grid{
      .name = "grid", .source = datasets::GridOptions{.rows = 20, .cols = 30}, .symmetrize = true};
  const PreparedDataset first = harness::PrepareCached(grid, options_.cache_dir);
  ASSERT_FALSE(first.reused);
  EXPECT_TRUE(first.replaced.empty());
  EXPECT_TRUE(harness::PrepareCached(grid, options_.cache_dir).reused);

  fs::resize_file(first.path, fs::file_size(first.path) / 2);  // a crash outside the cache
  const PreparedDataset truncated = harness::PrepareCached(grid, options_.cache_dir);
  EXPECT_FALSE(truncated.reused);
  EXPECT_EQ(truncated.path, first.path);
  EXPECT_THAT(truncated.replaced, HasSubstr(first.path));
  EXPECT_EQ(truncated.info.num_vertices, 600u);
  EXPECT_EQ(datasets::LoadGraphFile(first.path).num_edges(), first.info.num_edges);

  std::ofstream(first.path, std::ios::binary | std::ios::trunc) << "not a graph";
  const PreparedDataset corrupt = harness::PrepareCached(grid, options_.cache_dir);
  EXPECT_FALSE(corrupt.reused);
  EXPECT_THAT(corrupt.replaced, HasSubstr("bad magic"));
  EXPECT_EQ(datasets::LoadGraphFile(first.path).num_edges(), first.info.num_edges);
  EXPECT_EQ(CachedGraphs(options_.cache_dir),
            std::vector<std::string>{fs::path(first.path).filename().string()});
}

TEST_F(DatasetCacheTest, DatasetPrepareRebuildsATruncatedEntry) {
  const std::vector<std::string> args = {"dataset", "prepare",  "karate",        "--cache",
                                         "cache",   "--shared", COST_SHARED_DIR, "--json"};
  const testing_support::CostRun first = Cost(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const fs::path path = dir_ / nlohmann::json::parse(first.out)["path"].get<std::string>();
  fs::resize_file(path, 100);
  const testing_support::CostRun second = Cost(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_FALSE(nlohmann::json::parse(second.out)["reused"].get<bool>());
  EXPECT_EQ(datasets::LoadGraphFile(path.string()).num_vertices(), 34u);
}

TEST_F(DatasetCacheTest, ListingShowsPreparedLayoutsOfEachEntry) {
  PrepareCatalogDataset(FindDataset("karate"), options_);
  options_.layout = datasets::EdgeLayout::kHilbert;
  const PreparedDataset hilbert = PrepareCatalogDataset(FindDataset("karate"), options_);
  // A bring-your-own entry is found by the label of its file: twitter_rv.txt.
  const std::string twitter = (dir_ / "twitter_rv.txt").string();
  std::ofstream(twitter) << "1 2\n";
  CacheOptions with_file = options_;
  with_file.file = twitter;
  with_file.layout = datasets::EdgeLayout::kCompressed;
  const PreparedDataset byo = PrepareCatalogDataset(FindDataset("twitter_rv"), with_file);

  options_.layout = datasets::EdgeLayout::kVertex;
  const nlohmann::json rows = harness::ListCatalog(options_);
  ASSERT_EQ(rows.size(), datasets::Catalog().size());
  for (const nlohmann::json& row : rows) {
    const std::string name = row["name"];
    if (name == "karate") {
      EXPECT_EQ(row["prepared"].size(), 2u);
      EXPECT_EQ(row["prepared"]["hilbert"], hilbert.path);
      EXPECT_TRUE(row["source_available"].get<bool>());
    } else if (name == "twitter_rv") {
      EXPECT_EQ(row["prepared"], nlohmann::json({{"compressed", byo.path}}));
      EXPECT_FALSE(row["source_available"].get<bool>());
    } else {
      EXPECT_TRUE(row["prepared"].empty()) << name;
    }
  }
}

}  // namespace
}  // namespace cost
