// `cost systems`: the implementation table, plus external systems from manifests.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/analysis/table_cells.h"
#include "harness/cli/commands.h"
#include "harness/run/external_system.h"
#include "harness/run/implementations.h"

namespace cost::harness {
namespace {

// One row per implementation, built-in first; "declared_in" is "built-in" or the manifest.
nlohmann::json ListSystems(const std::vector<std::string>& manifests) {
  nlohmann::json rows = nlohmann::json::array();
  for (const Implementation& impl : Implementations()) {
    rows.push_back({{"name", impl.name},
                    {"kernel", KernelName(impl.kernel)},
                    {"system", impl.system},
                    {"algorithm", impl.algorithm},
                    {"kind", KindName(impl.kind)},
                    {"description", impl.description},
                    {"deviation", impl.deviation},
                    {"requires_layout", datasets::EdgeLayoutName(impl.requires_layout)},
                    {"baseline", BaselineRoleName(impl.baseline)},
                    {"slow", impl.slow},
                    {"declared_in", "built-in"}});
  }
  for (const std::string& path : manifests) {
    for (const ExternalSystem& e : LoadExternalSystems(path)) {
      rows.push_back({{"name", e.name},
                      {"kernel", KernelName(e.kernel)},
                      {"system", e.system},
                      {"algorithm", e.algorithm},
                      {"kind", KindName(e.kind)},
                      {"description", e.description},
                      {"deviation", ""},
                      {"requires_layout", "vertex"},
                      {"baseline", BaselineRoleName(BaselineRole::kNone)},
                      {"slow", false},
                      {"declared_in", e.manifest}});
    }
  }
  return rows;
}

// The rows ListSystems gives, as the table docs/implementations.md embeds (tests/docs_test.cc
// compares the two, so the docs cannot drift from the table in harness/run/implementations/).
std::string SystemsMarkdown(const nlohmann::json& rows) {
  std::string text =
      "| name | kind | algorithm | description | required layout | deviation |\n"
      "| --- | --- | --- | --- | --- | --- |\n";
  for (const nlohmann::json& r : rows) {
    std::string description = r["description"].get<std::string>();
    if (r["declared_in"] != "built-in") {
      description += " (declared in " + r["declared_in"].get<std::string>() + ")";
    }
    const std::string deviation = r["deviation"].get<std::string>();
    text += "| `" + MarkdownCell(r["name"].get<std::string>()) + "` | " +
            MarkdownCell(r["kind"].get<std::string>()) + " | " +
            MarkdownCell(r["algorithm"].get<std::string>()) + " | " + MarkdownCell(description) +
            " | " + MarkdownCell(r["requires_layout"].get<std::string>()) + " | " +
            (deviation.empty() ? "none" : MarkdownCell(deviation)) + " |\n";
  }
  return text;
}

// The rows as an aligned table for a terminal; the description (with where an external row was
// declared and any deviation) last, as it is the long one.
std::string SystemsText(const nlohmann::json& rows) {
  std::vector<std::vector<std::string>> lines = {
      {"name", "kernel", "system", "algorithm", "kind", "baseline", "slow", "description"}};
  for (const nlohmann::json& r : rows) {
    std::string description = r["description"].get<std::string>();
    if (r["declared_in"] != "built-in") {
      description += " [" + r["declared_in"].get<std::string>() + "]";
    }
    if (!r["deviation"].get<std::string>().empty()) {
      description += " (deviation: " + r["deviation"].get<std::string>() + ")";
    }
    lines.push_back({r["name"].get<std::string>(), r["kernel"].get<std::string>(),
                     r["system"].get<std::string>(), r["algorithm"].get<std::string>(),
                     r["kind"].get<std::string>(), r["baseline"].get<std::string>(),
                     r["slow"].get<bool>() ? "yes" : "no", description});
  }
  const std::vector<size_t> widths = ColumnWidths(lines);
  std::string text;
  for (const std::vector<std::string>& line : lines) text += JoinPadded(line, widths);
  return text;
}

}  // namespace

void AddSystemsCommand(CLI::App& app, int*) {
  struct Options {
    bool json = false;
    bool markdown = false;
    std::vector<std::string> systems;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "systems",
      "List every implementation: name (what --impl takes), kernel, system, algorithm, kind, "
      "baseline role (simple, optimised or none: the paper's two single-threaded lines) and "
      "whether it is slow (left out of quick sweeps); built-in ones and those declared by "
      "--systems manifests");
  CLI::Option* json = cmd->add_flag("--json", o->json, "Print a JSON array instead of a table");
  cmd->add_flag("--markdown", o->markdown,
                "Print a Markdown table (name, kind, algorithm, description, required layout, "
                "deviation): the one docs/implementations.md holds")
      ->excludes(json);
  cmd->add_option("--systems", o->systems,
                  "External system manifest (file or folder of "
                  "*.json); repeatable")
      ->allow_extra_args(false);
  cmd->callback([o] {
    const nlohmann::json rows = ListSystems(o->systems);
    if (o->json) {
      std::cout << rows.dump(2) << "\n";
      return;
    }
    if (o->markdown) {
      std::cout << SystemsMarkdown(rows);
      return;
    }
    std::cout << SystemsText(rows);
  });
}

}  // namespace cost::harness
