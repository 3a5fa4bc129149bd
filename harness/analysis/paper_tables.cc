#include "harness/analysis/paper_tables.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

namespace cost::harness {
namespace {

// A published time: seconds, or {"at_least": seconds}.
PaperCell PublishedCell(const nlohmann::json& row, const std::string& column,
                        const std::string& field) {
  PaperCell cell;
  if (!row.contains(column)) return cell;
  const nlohmann::json& v = row.at(column);
  if (v.is_number()) {
    cell.seconds = v.get<double>();
  } else if (v.is_object() && v.contains("at_least") && v.at("at_least").is_number()) {
    cell.seconds = v.at("at_least").get<double>();
    cell.at_least = true;
  } else {
    throw std::runtime_error(field + "." + column + ": not seconds or {\"at_least\": seconds}");
  }
  cell.present = true;
  return cell;
}

// The published columns, each with the first measured dataset standing in for it; measured ones
// first.
std::vector<PaperColumn> Columns(const nlohmann::json& published,
                                 const std::vector<Measurement>& rows) {
  std::vector<PaperColumn> with, without;
  for (const auto& name : published.value("datasets", std::vector<std::string>{})) {
    PaperColumn column{name, ""};
    for (const Measurement& m : rows) {
      if (PublishedColumnOf(m.dataset) == name) {
        column.measured = m.dataset;
        break;
      }
    }
    (column.measured.empty() ? without : with).push_back(column);
  }
  with.insert(with.end(), without.begin(), without.end());
  return with;
}

// Keeps the better of a cell and a row: an ok row's smaller median beats a failure.
void Merge(const Measurement& m, PaperCell* cell) {
  if (m.ok() && m.median_seconds > 0) {
    if (!cell->present || !cell->failure.empty() || m.median_seconds < cell->seconds) {
      *cell = PaperCell();
      cell->present = true;
      cell->seconds = m.median_seconds;
    }
  } else if (!cell->present) {
    *cell = PaperCell();
    cell->present = true;
    cell->failure = std::string(OutcomeName(m.outcome));
  }
}

std::vector<PaperRow> MeasuredRows(const std::string& id, const std::vector<PaperColumn>& columns,
                                   const std::vector<Measurement>& rows) {
  // Single-threaded first, then by implementation and cores.
  std::map<std::tuple<bool, std::string, int>, PaperRow> by_key;
  for (const Measurement& m : rows) {
    if (PaperTableOf(m) != id) continue;
    const auto column = std::find_if(columns.begin(), columns.end(), [&m](const PaperColumn& c) {
      return !c.measured.empty() && c.measured == m.dataset;
    });
    if (column == columns.end()) continue;
    const auto key = std::make_tuple(m.kind != Kind::kSingleThreaded, m.implementation, m.cores());
    auto [it, inserted] = by_key.try_emplace(key);
    PaperRow& row = it->second;
    if (inserted) {
      row = PaperRow{.system = m.implementation,
                     .algorithm = m.algorithm,
                     .layout = std::string(datasets::EdgeLayoutName(m.layout)),
                     .cores = m.cores(),
                     .measured = true,
                     .published = std::vector<PaperCell>(columns.size()),
                     .ram = std::vector<PaperCell>(columns.size()),
                     .disk = std::vector<PaperCell>(columns.size())};
    }
    const size_t c = static_cast<size_t>(column - columns.begin());
    Merge(m, StorageOf(m) == "disk" ? &row.disk[c] : &row.ram[c]);
  }
  std::vector<PaperRow> measured;
  for (auto& [key, row] : by_key) measured.push_back(std::move(row));
  return measured;
}

PaperTable TableOf(const nlohmann::json& table, const std::string& field,
                   const std::vector<PaperColumn>& columns, const std::vector<Measurement>& rows) {
  if (!table.is_object()) throw std::runtime_error(field + ": not an object");
  PaperTable t{table.value("id", std::string()),
               table.value("kernel", std::string()),
               table.value("title", std::string()),
               table.value("note", std::string()),
               columns,
               {}};
  const nlohmann::json published_rows = table.value("rows", nlohmann::json::array());
  for (size_t i = 0; i < published_rows.size(); ++i) {
    const nlohmann::json& r = published_rows[i];
    const std::string row_field = field + ".rows[" + std::to_string(i) + "]";
    if (!r.is_object() || !r.contains("system") || !r.at("system").is_string() ||
        !r.contains("cores") || !r.at("cores").is_number_integer()) {
      throw std::runtime_error(row_field + ": needs \"system\" (text) and \"cores\" (a count)");
    }
    PaperRow row;
    row.system = r.at("system").get<std::string>();
    row.cores = r.at("cores").get<int>();
    for (const PaperColumn& c : columns) {
      row.published.push_back(PublishedCell(r, c.published, row_field));
    }
    row.ram.resize(columns.size());
    row.disk.resize(columns.size());
    t.rows.push_back(std::move(row));
  }
  for (PaperRow& row : MeasuredRows(t.id, columns, rows)) t.rows.push_back(std::move(row));
  return t;
}

}  // namespace

std::string PaperTableOf(const Measurement& m) {
  if (m.kernel == Kernel::kPageRank) return m.layout == datasets::EdgeLayout::kVertex ? "2" : "4";
  if (m.kernel != Kernel::kWcc) return "";
  return m.algorithm.find("label-propagation") != std::string::npos ? "3" : "5";
}

std::string PublishedColumnOf(const std::string& dataset) {
  if (dataset == "twitter_rv" || dataset.starts_with("twitter-like")) return "twitter_rv";
  if (dataset == "uk-2007-05" || dataset.starts_with("uk-like")) return "uk-2007-05";
  return "";
}

std::string StorageOf(const Measurement& m) { return m.storage.empty() ? "ram" : m.storage; }

std::string OrderOf(const Measurement& m) {
  return m.layout == datasets::EdgeLayout::kVertex ? "vertex" : "hilbert";
}

std::vector<PaperTable> PaperTables(const nlohmann::json& published,
                                    const std::vector<Measurement>& rows) {
  if (!published.is_object() || !published.contains("tables") ||
      !published.at("tables").is_array()) {
    throw std::runtime_error("tables: missing or not an array");
  }
  const std::vector<PaperColumn> columns = Columns(published, rows);
  std::vector<PaperTable> tables;
  const nlohmann::json& list = published.at("tables");
  for (size_t i = 0; i < list.size(); ++i) {
    tables.push_back(TableOf(list[i], "tables[" + std::to_string(i) + "]", columns, rows));
  }
  return tables;
}

std::vector<PreparationTime> PreparationTimes(const std::vector<Measurement>& rows) {
  std::map<std::pair<std::string, std::string>, PreparationTime> by_key;
  for (const Measurement& m : rows) {
    if (m.preparation_seconds <= 0) continue;
    // Every row of a file records the same preparation; keep the fullest record.
    auto [it, inserted] = by_key.try_emplace({m.dataset, m.graph_path});
    PreparationTime& p = it->second;
    if (inserted || (!p.split && m.preparation_split)) {
      p = PreparationTime{.dataset = m.dataset,
                          .graph_path = m.graph_path,
                          .total_seconds = m.preparation_seconds,
                          .split = m.preparation_split,
                          .source_seconds = m.preparation_source_seconds,
                          .build_seconds = m.preparation_build_seconds,
                          .layout_seconds = m.preparation_layout_seconds};
    }
  }
  std::vector<PreparationTime> times;
  for (auto& [key, p] : by_key) times.push_back(p);
  return times;
}

}  // namespace cost::harness
