#include "harness/report/network_projection.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>

#include "harness/analysis/cost_table.h"
#include "harness/analysis/table_cells.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

struct Unit {
  std::string_view name;
  double scale;
};
constexpr Unit kBandwidthUnits[] = {
    {"bit/s", 1}, {"kbit/s", 1e3}, {"Mbit/s", 1e6}, {"Gbit/s", 1e9}, {"Tbit/s", 1e12}};
constexpr Unit kLatencyUnits[] = {{"s", 1}, {"ms", 1e-3}, {"us", 1e-6}, {"ns", 1e-9}};

// "NUMBER UNIT" (no space needed) with UNIT one of `units`, in base units.
template <size_t N>
double ParseQuantity(std::string_view part, const Unit (&units)[N], std::string_view text,
                     std::string_view what) {
  while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
  while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
  std::string_view unit(end, part.data() + part.size() - end);
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);  // "10 Gbit/s"
  for (const Unit& u : units) {
    if (ec == std::errc() && unit == u.name) {
      if (!(value >= 0) || !std::isfinite(value)) break;
      return value * u.scale;
    }
  }
  std::string names;
  for (const Unit& u : units) names += (names.empty() ? "" : ", ") + std::string(u.name);
  throw std::invalid_argument("--link '" + std::string(text) + "': the " + std::string(what) +
                              " '" + std::string(part) +
                              "' is not a non-negative number with a unit (" + names + ")");
}

uint64_t MaxOf(const std::vector<uint64_t>& values) {
  return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

std::string CostCell(int cores) {
  if (cores < 0) return "not projected";
  if (cores == 0) return "unbounded";
  return std::to_string(cores) + (cores == 1 ? " core" : " cores");
}

std::string BytesCell(uint64_t bytes) {
  if (bytes >= (uint64_t{1} << 20)) return Printf("%.1f MiB", bytes / 1048576.0);
  if (bytes >= 1024) return Printf("%.1f KiB", bytes / 1024.0);
  return std::to_string(bytes) + " B";
}

std::string RowTable(const std::vector<Measurement>& rows, const std::vector<LinkModel>& links) {
  std::string text =
      "| implementation | kernel | dataset | threads x procs | hosts | transport | measured | "
      "max bytes sent per rank | max rounds |";
  std::string rule = "| --- | --- | --- | ---: | ---: | --- | ---: | ---: | ---: |";
  for (const LinkModel& link : links) {
    text += " at " + MarkdownCell(link.label) + " |";
    rule += " ---: |";
  }
  text += "\n" + rule + "\n";
  for (const Measurement& m : rows) {
    if (m.kind != Kind::kMultiprocess || !m.ok()) continue;
    std::vector<std::string> hosts = m.rank_hosts;
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    std::vector<std::string> cells = {
        m.implementation,
        std::string(KernelName(m.kernel)),
        m.dataset,
        std::to_string(m.threads) + " x " + std::to_string(m.procs),
        hosts.empty() ? "-" : std::to_string(hosts.size()),
        m.transport.empty() ? "-" : m.transport,
        FormatSeconds(m.median_seconds),
        m.rank_bytes_sent.empty() ? "not counted" : BytesCell(MaxOf(m.rank_bytes_sent)),
        m.rank_rounds.empty() ? "not counted" : std::to_string(MaxOf(m.rank_rounds))};
    for (const LinkModel& link : links) {
      const std::optional<double> projected = ProjectedSeconds(m, link);
      cells.push_back(projected ? FormatSeconds(*projected) : "-");
    }
    text += MarkdownRow(cells);
  }
  return text;
}

std::string CostTable(const std::vector<ProjectedCost>& costs,
                      const std::vector<LinkModel>& links) {
  std::string text = "| implementation | kernel | dataset | best single thread |";
  std::string rule = "| --- | --- | --- | ---: |";
  for (const LinkModel& link : links) {
    text += " COST at " + MarkdownCell(link.label) + " |";
    rule += " --- |";
  }
  text += "\n" + rule + "\n";
  for (const ProjectedCost& c : costs) {
    std::vector<std::string> cells = {c.implementation, c.kernel, c.dataset,
                                      c.baseline_seconds > 0
                                          ? c.baseline + " " + FormatSeconds(c.baseline_seconds)
                                          : "none measured"};
    for (const int cores : c.cost_per_link) cells.push_back(CostCell(cores));
    text += MarkdownRow(cells);
  }
  return text;
}

}  // namespace

LinkModel ParseLinkModel(std::string_view text) {
  const size_t comma = text.find(',');
  if (comma == std::string_view::npos) {
    throw std::invalid_argument("--link '" + std::string(text) +
                                "': expected BANDWIDTH,LATENCY, e.g. 10Gbit/s,25us");
  }
  LinkModel link;
  link.bits_per_second = ParseQuantity(text.substr(0, comma), kBandwidthUnits, text, "bandwidth");
  link.latency_seconds = ParseQuantity(text.substr(comma + 1), kLatencyUnits, text, "latency");
  if (link.bits_per_second <= 0) {
    throw std::invalid_argument("--link '" + std::string(text) + "': the bandwidth must be > 0");
  }
  link.label = std::string(text);
  return link;
}

std::vector<LinkModel> DefaultLinks() { return {LinkModel{}}; }

std::optional<double> ProjectedSeconds(const Measurement& m, const LinkModel& link) {
  if (m.kind != Kind::kMultiprocess || !m.ok()) return std::nullopt;
  if (m.procs <= 1) return m.median_seconds;  // nothing leaves the one rank
  const size_t ranks = m.rank_bytes_sent.size();
  if (ranks == 0 || m.rank_rounds.size() != ranks) return std::nullopt;
  double slowest = 0;
  for (size_t r = 0; r < ranks; ++r) {
    const double seconds = static_cast<double>(m.rank_bytes_sent[r]) * 8 / link.bits_per_second +
                           static_cast<double>(m.rank_rounds[r]) * link.latency_seconds;
    slowest = std::max(slowest, seconds);
  }
  return m.median_seconds + slowest;
}

std::vector<ProjectedCost> ProjectCostsOverNetwork(const std::vector<Measurement>& rows,
                                                   const std::vector<LinkModel>& links) {
  using Group = std::pair<std::string, std::string>;  // kernel, dataset
  std::map<Group, const Measurement*> best;
  for (const Measurement& m : rows) {
    if (m.kind != Kind::kSingleThreaded || !m.ok()) continue;
    const Group g{std::string(KernelName(m.kernel)), CostGroupDataset(m)};
    if (!best.contains(g) || m.median_seconds < best[g]->median_seconds) best[g] = &m;
  }
  std::map<std::tuple<std::string, std::string, std::string>, ProjectedCost> costs;
  for (const Measurement& m : rows) {
    if (m.kind != Kind::kMultiprocess || !m.ok()) continue;
    const Group g{std::string(KernelName(m.kernel)), CostGroupDataset(m)};
    ProjectedCost& c = costs[{g.first, g.second, m.implementation}];
    if (c.implementation.empty()) {
      c = {g.first, g.second, m.implementation, "", 0, std::vector<int>(links.size(), -1)};
      if (best.contains(g)) {
        c.baseline = best[g]->implementation;
        c.baseline_seconds = best[g]->median_seconds;
      }
    }
    for (size_t i = 0; i < links.size(); ++i) {
      const std::optional<double> projected = ProjectedSeconds(m, links[i]);
      if (!projected) continue;
      int& cost = c.cost_per_link[i];
      if (cost < 0) cost = 0;
      if (c.baseline_seconds > 0 && *projected < c.baseline_seconds &&
          (cost == 0 || m.cores() < cost)) {
        cost = m.cores();
      }
    }
  }
  std::vector<ProjectedCost> out;
  for (auto& [key, c] : costs) out.push_back(std::move(c));
  return out;
}

std::string NetworkProjectionMarkdown(const std::vector<Measurement>& rows,
                                      const std::vector<LinkModel>& links) {
  const bool any = std::any_of(rows.begin(), rows.end(), [](const Measurement& m) {
    return m.kind == Kind::kMultiprocess && m.ok() && m.procs > 1;
  });
  if (!any) return "";
  return "\n## Multiprocess rows over a network (projected, not measured)\n\n"
         "**Projected, not measured.** Each multiprocess row as if every rank ran on its own "
         "machine, joined by a link of the stated bandwidth and latency: the measured median "
         "plus, for the slowest rank, the bytes it sent in one kernel call over the bandwidth "
         "and its communication rounds times the latency. The median already holds this "
         "machine's transfers, and the link model has no congestion or protocol overhead: a "
         "projection, never a COST measured.\n\n" +
         RowTable(rows, links) +
         "\nCOST under each link: the fewest cores whose projected time "
         "is below the best single-threaded median.\n\n" +
         CostTable(ProjectCostsOverNetwork(rows, links), links);
}

}  // namespace cost::harness
