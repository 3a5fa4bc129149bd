// The dataset catalog and its cache: every entry listed with counts, shipped graphs prepared
// with the README's counts, preparation done once and reused, clear errors for unknown names.
#include "datasets/catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "datasets/dataset_error.h"
#include "datasets/graph_file.h"
#include "harness/prepare/catalog_datasets.h"
#include "tests/test_support.h"

namespace cost {
namespace {

namespace fs = std::filesystem;
using datasets::CatalogEntry;
using datasets::DatasetSource;
using datasets::FindDataset;
using harness::CacheOptions;
using harness::PrepareCatalogDataset;
using harness::PreparedDataset;
using ::testing::HasSubstr;

class CatalogTest : public testing_support::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    options_.cache_dir = (dir_ / "cache").string();
    options_.shared_dir = COST_SHARED_DIR;
  }

  // Runs `cost ARGS...` in dir_; returns the exit status and keeps its standard output.
  int Cost(const std::vector<std::string>& args) {
    const testing_support::CostRun run = testing_support::RunCost(args, dir_);
    stdout_ = run.out;
    return run.exit_code;
  }
  nlohmann::json Stdout() const { return nlohmann::json::parse(stdout_); }

  std::string stdout_;
  CacheOptions options_;
};

TEST_F(CatalogTest, HasEveryNamedDatasetWithCounts) {
  std::set<std::string> names;
  for (const CatalogEntry& entry : datasets::Catalog()) {
    names.insert(std::string(entry.name));
    EXPECT_GT(entry.expected_vertices, 0u) << entry.name;
    EXPECT_GT(entry.expected_edges, 0u) << entry.name;
    EXPECT_FALSE(entry.origin.empty()) << entry.name;
  }
  EXPECT_EQ(names, (std::set<std::string>{"kron-20", "kron-22", "twitter-like", "uk-like",
                                          "uniform-20", "grid-1024", "karate", "ego-Facebook",
                                          "wiki-Vote", "email-Enron", "soc-Slashdot0902",
                                          "luxembourg_osm", "twitter_rv", "uk-2007-05"}));
  // The COST paper's Table 1.
  EXPECT_EQ(FindDataset("twitter_rv").expected_vertices, 41652230u);
  EXPECT_EQ(FindDataset("twitter_rv").expected_edges, 1468365182u);
  EXPECT_EQ(FindDataset("uk-2007-05").expected_vertices, 105896555u);
  EXPECT_EQ(FindDataset("uk-2007-05").expected_edges, 3738733648u);
  EXPECT_EQ(FindDataset("twitter_rv").source, DatasetSource::kBringYourOwn);
  // The paper's graphs' sizes, generated, prepared as its rows read them.
  const CatalogEntry& twitter = FindDataset("twitter-like");
  EXPECT_EQ(twitter.source, DatasetSource::kKronecker);
  EXPECT_EQ(twitter.scale, 25);
  EXPECT_EQ(twitter.edge_factor, 44);
  EXPECT_FALSE(twitter.symmetrize);
  EXPECT_EQ(twitter.expected_edges, 1476395008u);  // twitter_rv: 1,468,365,182
  const CatalogEntry& uk = FindDataset("uk-like");
  EXPECT_EQ(uk.scale, 27);
  EXPECT_EQ(uk.edge_factor, 28);
  EXPECT_EQ(uk.expected_edges, 3758096384u);  // uk-2007-05: 3,738,733,648
  for (const CatalogEntry* e : {&twitter, &uk}) {
    EXPECT_EQ(datasets::PreparedSectionsName(e->sections), "csr,compressed") << e->name;
    EXPECT_NE(e->description.find("csr + compressed"), std::string_view::npos) << e->name;
  }
  EXPECT_EQ(FindDataset("kron-20").sections, datasets::PreparedSections{});
  // The banner-less .mtx must be read as a plain edge list.
  EXPECT_EQ(FindDataset("luxembourg_osm").format, datasets::GraphFormat::kSnap);
}

TEST_F(CatalogTest, ListJsonShowsEveryEntryAndWhatIsPrepared) {
  ASSERT_EQ(Cost({"dataset", "list", "--json", "--cache", "cache", "--shared", COST_SHARED_DIR}),
            0);
  nlohmann::json rows = Stdout();
  ASSERT_EQ(rows.size(), datasets::Catalog().size());
  for (const auto& row : rows) {
    const CatalogEntry& entry = FindDataset(row["name"].get<std::string>());
    EXPECT_EQ(row["expected_vertices"], entry.expected_vertices);
    EXPECT_EQ(row["expected_edges"], entry.expected_edges);
    EXPECT_TRUE(row["prepared"].empty()) << row["name"];
    EXPECT_EQ(row["source_available"], entry.source != DatasetSource::kBringYourOwn) << row["name"];
  }
  ASSERT_EQ(Cost({"dataset", "prepare", "karate", "--cache", "cache", "--shared", COST_SHARED_DIR,
                  "--layout", "hilbert", "--json"}),
            0);
  const std::string path = Stdout()["path"];
  ASSERT_EQ(Cost({"dataset", "list", "--json", "--cache", "cache", "--shared", COST_SHARED_DIR}),
            0);
  for (const auto& row : Stdout()) {
    if (row["name"] == "karate") {
      EXPECT_EQ(row["prepared"], nlohmann::json({{"hilbert", path}}));
    } else {
      EXPECT_TRUE(row["prepared"].empty()) << row["name"];
    }
  }
}

TEST_F(CatalogTest, PreparesShippedGraphsWithTheReadmeCounts) {
  for (const CatalogEntry& entry : datasets::Catalog()) {
    if (entry.source != DatasetSource::kSharedFile) continue;
    const PreparedDataset prepared = PrepareCatalogDataset(entry, options_);
    EXPECT_FALSE(prepared.reused) << entry.name;
    EXPECT_EQ(prepared.info.num_vertices, entry.expected_vertices) << entry.name;
    EXPECT_EQ(prepared.info.num_edges, entry.prepared_arcs) << entry.name;
    EXPECT_EQ(prepared.info.symmetric, entry.symmetrize) << entry.name;
  }
  // Spelled out for two of them (datasets-real/README.md, "Verified counts").
  const auto karate = PrepareCatalogDataset(FindDataset("karate"), options_);
  EXPECT_EQ(karate.info.num_vertices, 34u);
  EXPECT_EQ(karate.info.num_edges, 2u * 78);
  const auto wiki = PrepareCatalogDataset(FindDataset("wiki-Vote"), options_);
  EXPECT_EQ(wiki.info.num_vertices, 7115u);
  EXPECT_EQ(wiki.info.num_edges, 103689u);
}

TEST_F(CatalogTest, SecondPrepareReusesTheFile) {
  for (const std::string name : {"karate", "wiki-Vote", "grid-1024"}) {
    const std::vector<std::string> args = {"dataset",  "prepare",       name,    "--cache", "cache",
                                           "--shared", COST_SHARED_DIR, "--json"};
    ASSERT_EQ(Cost(args), 0) << name;
    const nlohmann::json first = Stdout();
    EXPECT_FALSE(first["reused"].get<bool>()) << name;
    const fs::path path = dir_ / first["path"].get<std::string>();
    ASSERT_TRUE(fs::exists(path)) << path;
    EXPECT_EQ(path.string(), harness::CachePathOf(harness::RecipeOf(FindDataset(name), options_),
                                                  options_.cache_dir));
    const auto written = fs::last_write_time(path);
    // Age the file so that a rewrite would show even on a coarse clock.
    fs::last_write_time(path, written - std::chrono::hours(1));
    const auto aged = fs::last_write_time(path);

    ASSERT_EQ(Cost(args), 0) << name;
    const nlohmann::json second = Stdout();
    EXPECT_TRUE(second["reused"].get<bool>()) << name;
    EXPECT_EQ(second["path"], first["path"]) << name;
    EXPECT_EQ(fs::last_write_time(path), aged) << name;
    EXPECT_EQ(second["num_vertices"], first["num_vertices"]) << name;
    EXPECT_EQ(second["num_edges"], first["num_edges"]) << name;
  }
  // grid-1024: 1024 x 1024 vertices, 2 * 1024 * 1023 undirected edges.
  EXPECT_EQ(Stdout()["num_vertices"], 1024u * 1024);
  EXPECT_EQ(Stdout()["num_edges"], 4u * 1024 * 1023);
}

TEST_F(CatalogTest, KeyFollowsContentAndLayout) {
  // A bring-your-own entry with a tiny stand-in file: the key is the file's content.
  const std::string file = (dir_ / "edges.txt").string();
  std::ofstream(file) << "1\t2\n2\t3\n";
  options_.file = file;
  const CatalogEntry& twitter = FindDataset("twitter_rv");
  const PreparedDataset first = PrepareCatalogDataset(twitter, options_);
  EXPECT_FALSE(first.reused);
  EXPECT_EQ(first.info.num_vertices, 3u);
  EXPECT_EQ(first.source_hash, datasets::HashFile(file));
  EXPECT_TRUE(PrepareCatalogDataset(twitter, options_).reused);

  std::ofstream(file, std::ios::app) << "3\t1\n";  // changed content: a new key, a new file
  const PreparedDataset changed = PrepareCatalogDataset(twitter, options_);
  EXPECT_FALSE(changed.reused);
  EXPECT_NE(changed.path, first.path);
  EXPECT_EQ(changed.info.num_edges, 3u);

  options_.layout = datasets::EdgeLayout::kCompressed;  // another layout: another file
  const PreparedDataset compressed = PrepareCatalogDataset(twitter, options_);
  EXPECT_FALSE(compressed.reused);
  EXPECT_NE(compressed.path, changed.path);
  EXPECT_THAT(compressed.path, HasSubstr("-compressed-"));

  // Generators are keyed by their parameters.
  const CacheOptions generated;
  EXPECT_NE(harness::SourceHashOf(harness::RecipeOf(FindDataset("kron-20"), generated)),
            harness::SourceHashOf(harness::RecipeOf(FindDataset("kron-22"), generated)));
}

TEST_F(CatalogTest, UnknownNameOrMissingFileIsAClearError) {
  try {
    FindDataset("twiter");
    FAIL() << "no error";
  } catch (const datasets::DatasetError& e) {
    EXPECT_THAT(e.what(), HasSubstr("unknown dataset 'twiter'"));
    for (const CatalogEntry& entry : datasets::Catalog()) {
      EXPECT_THAT(e.what(), HasSubstr(std::string(entry.name)));
    }
  }
  EXPECT_EQ(Cost({"dataset", "prepare", "twiter", "--cache", "cache"}), 1);
  EXPECT_FALSE(fs::exists(dir_ / "cache"));

  // Bring-your-own without --file says so and where to get it.
  try {
    PrepareCatalogDataset(FindDataset("uk-2007-05"), options_);
    FAIL() << "no error";
  } catch (const datasets::DatasetError& e) {
    EXPECT_THAT(e.what(), HasSubstr("bring your own"));
    EXPECT_THAT(e.what(), HasSubstr("law.di.unimi.it"));
  }
  // A shared folder without the file names the path.
  options_.shared_dir = (dir_ / "nowhere").string();
  EXPECT_THROW(PrepareCatalogDataset(FindDataset("karate"), options_), datasets::DatasetError);
}

}  // namespace
}  // namespace cost
