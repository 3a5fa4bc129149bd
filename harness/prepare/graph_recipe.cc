#include "harness/prepare/graph_recipe.h"

#include <xxhash.h>

#include <algorithm>
#include <filesystem>

#include "datasets/catalog.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

uint64_t HashText(const std::string& text) { return XXH64(text.data(), text.size(), 0); }

// Generators: a text of every parameter, doubles at full precision, so two recipes share a hash
// only when they generate the same edges.
uint64_t HashOf(const datasets::KroneckerOptions& o) {
  return HashText(Printf("kronecker scale=%d edge_factor=%d seed=%llu a=%.17g b=%.17g c=%.17g",
                         o.scale, o.edge_factor, static_cast<unsigned long long>(o.seed), o.a, o.b,
                         o.c));
}
uint64_t HashOf(const datasets::UniformOptions& o) {
  return HashText(Printf(
      "uniform vertices=%llu edges=%llu seed=%llu", static_cast<unsigned long long>(o.num_vertices),
      static_cast<unsigned long long>(o.num_edges), static_cast<unsigned long long>(o.seed)));
}
uint64_t HashOf(const datasets::GridOptions& o) {
  return HashText(Printf("grid rows=%llu cols=%llu drop_probability=%.17g seed=%llu",
                         static_cast<unsigned long long>(o.rows),
                         static_cast<unsigned long long>(o.cols), o.drop_probability,
                         static_cast<unsigned long long>(o.seed)));
}
// Files: their bytes, so an edited source is prepared again, never served from a stale entry.
uint64_t HashOf(const SourceFile& file) { return datasets::HashFile(file.path); }

std::string Label(const datasets::KroneckerOptions& o) {
  return Printf("kron-s%d-ef%d", o.scale, o.edge_factor);
}
std::string Label(const datasets::UniformOptions& o) {
  return Printf("uniform-n%llu-m%llu", static_cast<unsigned long long>(o.num_vertices),
                static_cast<unsigned long long>(o.num_edges));
}
std::string Label(const datasets::GridOptions& o) {
  return Printf("grid-%llux%llu", static_cast<unsigned long long>(o.rows),
                static_cast<unsigned long long>(o.cols));
}
// "soc-Slashdot0902.txt.gz" -> "soc-Slashdot0902": the name without compression and format
// extensions.
std::string Label(const SourceFile& file) {
  std::filesystem::path name = std::filesystem::path(file.path).filename();
  if (name.extension() == ".gz") name = name.stem();
  const std::string stem = name.stem().string();
  return stem.empty() ? "graph" : stem;
}

// "vertex", "hilbert", "compressed" for a layout's sections, else "csr+compressed" and so on.
std::string SectionsPart(const datasets::PreparedSections& sections) {
  for (const datasets::EdgeLayout layout :
       {datasets::EdgeLayout::kVertex, datasets::EdgeLayout::kHilbert,
        datasets::EdgeLayout::kCompressed}) {
    if (datasets::SectionsForLayout(layout) == sections) return datasets::EdgeLayoutName(layout);
  }
  std::string name = datasets::PreparedSectionsName(sections);
  std::replace(name.begin(), name.end(), ',', '+');
  return name;
}

std::string FormatPart(const GraphSource& source) {
  const SourceFile* file = std::get_if<SourceFile>(&source);
  if (file == nullptr) return "";
  const datasets::GraphFormat format =
      file->format ? *file->format : datasets::DetectGraphFormat(file->path);
  return std::string(datasets::FormatName(format)) + "-";
}

}  // namespace

datasets::PreparedSections SectionsOf(const GraphRecipe& recipe) {
  return recipe.sections ? *recipe.sections : datasets::SectionsForLayout(recipe.layout);
}

uint64_t SourceHashOf(const GraphRecipe& recipe) {
  return std::visit([](const auto& source) { return HashOf(source); }, recipe.source);
}

std::string CacheFilePrefix(const GraphRecipe& recipe, uint64_t source_hash) {
  const std::string label =
      std::visit([](const auto& source) { return Label(source); }, recipe.source);
  return label + "-" + Hex16(source_hash) + "-" + FormatPart(recipe.source);
}

std::string CacheFileName(const GraphRecipe& recipe, uint64_t source_hash) {
  return CacheFilePrefix(recipe, source_hash) + SectionsPart(SectionsOf(recipe)) +
         (recipe.symmetrize ? "-sym" : "-dir") + ".cgraph";
}

}  // namespace cost::harness
