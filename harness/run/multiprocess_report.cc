#include "harness/run/multiprocess_report.h"

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "harness/analysis/statistics.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

// report[key] as a vector with one entry per rank; empty when null or absent.
template <typename T>
std::vector<T> RankArray(const nlohmann::json& report, const char* key, size_t ranks) {
  const auto it = report.find(key);
  if (it == report.end() || it->is_null()) return {};
  std::vector<T> values;
  try {
    values = it->get<std::vector<T>>();
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("rank report: ") + key + ": " + e.what());
  }
  if (values.size() != ranks) {
    throw std::runtime_error(std::string("rank report: ") + key + ": " +
                             std::to_string(values.size()) + " entries for " +
                             std::to_string(ranks) + " ranks");
  }
  return values;
}

template <typename T>
std::string List(const std::vector<T>& values) {
  if (values.empty()) return "-";
  std::string text;
  for (const T& v : values) text += (text.empty() ? "" : " ") + std::to_string(v);
  return text;
}

std::string MiB(const std::vector<uint64_t>& bytes) {
  if (bytes.empty()) return "-";
  std::string text;
  for (const uint64_t b : bytes) text += (text.empty() ? "" : " ") + Printf("%.1f", b / 1048576.0);
  return text;
}

}  // namespace

std::string DescribeRanks(const Measurement& m) {
  if (m.kind != Kind::kMultiprocess || m.rank_hosts.empty()) return "";
  std::map<std::string, int> per_host;
  for (const std::string& host : m.rank_hosts) ++per_host[host];
  std::string hosts;
  for (const auto& [host, ranks] : per_host) {
    hosts += (hosts.empty() ? "" : ", ") + host + ": " + std::to_string(ranks);
  }
  return Printf(
             "ranks: %d on %zu host(s) (%s), threads per rank %s; transport %s; prepared file "
             "%s\n",
             m.procs, per_host.size(), hosts.c_str(), List(m.rank_threads).c_str(),
             m.transport.empty() ? "unknown" : m.transport.c_str(),
             m.graph_placement.empty() ? "unchecked" : m.graph_placement.c_str()) +
         Printf(
             "per rank: rows %s; ghosts %s; MiB sent %s; messages %s; rounds %s; peak RSS MiB "
             "%s; partition %.3f s, start-up %.3f s\n",
             List(m.rank_rows).c_str(), List(m.rank_ghosts).c_str(), MiB(m.rank_bytes_sent).c_str(),
             List(m.rank_messages_sent).c_str(), List(m.rank_rounds).c_str(),
             MiB(m.rank_peak_rss_bytes).c_str(), m.partition_seconds, m.startup_seconds);
}

nlohmann::json FindJsonLine(const std::string& log, const std::string& key) {
  const std::string prefix = "{\"" + key + "\"";
  std::istringstream lines(log);
  std::string line;
  nlohmann::json found = nlohmann::json::value_t::discarded;
  while (std::getline(lines, line)) {
    if (line.rfind(prefix, 0) == 0) found = nlohmann::json::parse(line, nullptr, false);
  }
  return found;
}

void ReadRankReport(const nlohmann::json& report, Measurement* m) {
  Summarize(report.at("repetition_seconds").get<std::vector<double>>(), m);
  m->startup_seconds = report.value("startup_seconds", 0.0);
  m->partition_seconds = report.value("partition_seconds", 0.0);
  const size_t ranks = report.value("procs", m->procs);
  m->rank_peak_rss_bytes = RankArray<uint64_t>(report, "rank_peak_rss_bytes", ranks);
  m->rank_hosts = RankArray<std::string>(report, "rank_hosts", ranks);
  m->rank_threads = RankArray<int>(report, "rank_threads", ranks);
  m->rank_rows = RankArray<uint64_t>(report, "rank_rows", ranks);
  m->rank_ghosts = RankArray<uint64_t>(report, "rank_ghosts", ranks);
  m->rank_bytes_sent = RankArray<uint64_t>(report, "rank_bytes_sent", ranks);
  m->rank_messages_sent = RankArray<uint64_t>(report, "rank_messages_sent", ranks);
  m->rank_rounds = RankArray<uint64_t>(report, "rank_rounds", ranks);
}

std::string TransportFromLog(const std::string& log) {
  static const std::regex kSelection(R"(mca: bml: Using ([A-Za-z0-9_]+) btl for send to )");
  std::set<std::string> btls;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), kSelection);
       it != std::sregex_iterator(); ++it) {
    btls.insert((*it)[1].str());
  }
  if (btls.size() > 1) btls.erase("self");
  std::string joined;
  for (const std::string& btl : btls) joined += (joined.empty() ? "" : "+") + btl;
  return joined;
}

}  // namespace cost::harness
