#include "parallel/mpi/rank_driver.h"

#include <sys/resource.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "datasets/graph_file_part.h"

namespace cost::parallel::mpi {
namespace {

template <typename T>
T ParseNumber(std::string_view flag, const char* text) {
  T value{};
  const std::string_view s(text);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) {
    throw std::invalid_argument(std::string(flag) + ": '" + text + "' is not a number");
  }
  return value;
}

// A 64-bit number written in hex, as the harness prints checksums.
uint64_t ParseHex(std::string_view flag, const char* text) {
  uint64_t value = 0;
  const std::string_view s(text);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, 16);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
    throw std::invalid_argument(std::string(flag) + ": '" + text + "' is not a hex number");
  }
  return value;
}

// Every rank's `value` at rank 0 (empty elsewhere).
std::vector<uint64_t> GatherToRoot(uint64_t value, MPI_Comm comm) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  std::vector<uint64_t> all(rank == 0 ? ranks : 0);
  MPI_Gather(&value, 1, MPI_UINT64_T, all.data(), 1, MPI_UINT64_T, 0, comm);
  return all;
}

// Every rank's host name at rank 0: which host each rank ran on, across machines.
std::vector<std::string> GatherHostNames(MPI_Comm comm) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  constexpr int kMax = 256;
  char name[kMax] = {};
  gethostname(name, kMax - 1);
  std::vector<char> all(rank == 0 ? static_cast<size_t>(ranks) * kMax : 0);
  MPI_Gather(name, kMax, MPI_CHAR, all.data(), kMax, MPI_CHAR, 0, comm);
  std::vector<std::string> hosts;
  for (int r = 0; rank == 0 && r < ranks; ++r) hosts.emplace_back(all.data() + r * kMax);
  return hosts;
}

std::string JsonArray(const std::vector<uint64_t>& values) {
  std::string text = "[";
  for (size_t i = 0; i < values.size(); ++i) text += (i ? ", " : "") + std::to_string(values[i]);
  return text + "]";
}

// `text` inside a JSON string: quotes, backslashes and control characters escaped.
std::string JsonEscaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", c);
      out += escape;
    } else {
      out += c;
    }
  }
  return out;
}

template <typename T>
void WriteValues(const std::vector<T>& own, MPI_Datatype type, const RankOptions& options,
                 MPI_Comm comm) {
  if (options.values.empty()) return;
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  int count = static_cast<int>(own.size());
  std::vector<int> counts(ranks), displs(ranks);
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm);
  for (int r = 1; r < ranks; ++r) displs[r] = displs[r - 1] + counts[r - 1];
  std::vector<T> all(rank == 0 ? displs.back() + counts.back() : 0);
  MPI_Gatherv(own.data(), count, type, all.data(), counts.data(), displs.data(), type, 0, comm);
  if (rank != 0) return;
  const datasets::MappedOriginalIds ids = datasets::MapOriginalIds(options.graph);
  if (ids.ids.size() != all.size()) throw std::runtime_error("gathered values miss vertices");
  const std::string partial = options.values + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    char line[96];
    for (size_t v = 0; v < all.size(); ++v) {
      char* end = std::to_chars(line, line + 40, ids.ids[v]).ptr;
      *end++ = ' ';
      end = std::to_chars(end, end + 40, all[v]).ptr;  // shortest round trip for doubles
      *end++ = '\n';
      file.write(line, end - line);
    }
    if (!file.flush()) throw std::runtime_error(options.values + ": write failed");
  }
  if (std::rename(partial.c_str(), options.values.c_str()) != 0) {
    throw std::runtime_error(options.values + ": rename failed");
  }
}

}  // namespace

RankOptions ParseRankOptions(int argc, char** argv) {
  RankOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (i + 1 >= argc) throw std::invalid_argument(std::string(flag) + ": missing value");
    const char* value = argv[++i];
    if (flag == "--algorithm") {
      o.algorithm = value;
    } else if (flag == "--graph") {
      o.graph = value;
    } else if (flag == "--values") {
      o.values = value;
    } else if (flag == "--iterations") {
      o.iterations = ParseNumber<int>(flag, value);
    } else if (flag == "--damping") {
      o.damping = ParseNumber<double>(flag, value);
    } else if (flag == "--source") {
      o.source = ParseNumber<uint32_t>(flag, value);
    } else if (flag == "--repetitions") {
      o.repetitions = ParseNumber<int>(flag, value);
    } else if (flag == "--warmups") {
      o.warmups = ParseNumber<int>(flag, value);
    } else if (flag == "--threads") {
      o.threads = ParseNumber<int>(flag, value);
    } else if (flag == "--test-crash-rank") {
      o.crash_rank = ParseNumber<int>(flag, value);
    } else if (flag == "--test-hang-rank") {
      o.hang_rank = ParseNumber<int>(flag, value);
    } else if (flag == "--graph-xxh64") {
      o.graph_xxh64 = ParseHex(flag, value);
    } else {
      throw std::invalid_argument("unknown option " + std::string(flag));
    }
  }
  if (o.algorithm.empty() || o.graph.empty()) {
    throw std::invalid_argument("--algorithm and --graph are required");
  }
  if (o.repetitions < 1 || o.warmups < 0 || o.iterations < 0 || o.threads < 0) {
    throw std::invalid_argument(
        "--repetitions must be >= 1; --warmups, --iterations and --threads >= 0");
  }
  return o;
}

int RankThreads(const RankOptions& options) {
  if (options.threads > 0) return options.threads;
  const char* env = std::getenv("OMP_NUM_THREADS");  // "T" or a nesting list "T,..."
  if (env == nullptr) return 1;
  const std::string_view text(env);
  int threads = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), threads);
  const bool whole = end == text.data() + text.size() || *end == ',';
  if (ec != std::errc() || !whole || threads < 1) {
    throw std::invalid_argument("OMP_NUM_THREADS='" + std::string(text) + "' is not a count");
  }
  return threads;
}

double MaxOverRanks(double seconds, MPI_Comm comm) {
  MPI_Allreduce(MPI_IN_PLACE, &seconds, 1, MPI_DOUBLE, MPI_MAX, comm);
  return seconds;
}

std::vector<double> TimeRepetitions(const RankOptions& options, const std::function<void()>& kernel,
                                    MPI_Comm comm) {
  int rank = 0;
  MPI_Comm_rank(comm, &rank);
  if (rank == options.crash_rank) std::abort();
  while (rank == options.hang_rank) ::pause();
  std::vector<double> seconds;
  for (int i = 0; i < options.warmups + options.repetitions; ++i) {
    MPI_Barrier(comm);  // every rank starts together: the time is the slowest rank's
    const double start = MPI_Wtime();
    kernel();
    const double slowest = MaxOverRanks(MPI_Wtime() - start, comm);
    if (i >= options.warmups) seconds.push_back(slowest);
  }
  return seconds;
}

void WriteGatheredValues(const std::vector<double>& own, const RankOptions& o, MPI_Comm comm) {
  WriteValues(own, MPI_DOUBLE, o, comm);
}
void WriteGatheredValues(const std::vector<uint32_t>& own, const RankOptions& o, MPI_Comm comm) {
  WriteValues(own, MPI_UINT32_T, o, comm);
}
void WriteGatheredValues(const std::vector<int64_t>& own, const RankOptions& o, MPI_Comm comm) {
  WriteValues(own, MPI_INT64_T, o, comm);
}

void PrintReport(const RunReport& report, MPI_Comm comm) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &ranks);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto gather = [&](uint64_t value) { return GatherToRoot(value, comm); };
  const std::vector<uint64_t> rss = gather(static_cast<uint64_t>(usage.ru_maxrss) * 1024);
  const std::vector<uint64_t> threads = gather(report.threads);
  const std::vector<uint64_t> rows = gather(report.rows);
  const std::vector<uint64_t> ghosts = gather(report.ghosts.value_or(0));
  const Traffic traffic = report.traffic.value_or(Traffic{});
  const std::vector<uint64_t> bytes = gather(traffic.bytes_sent);
  const std::vector<uint64_t> messages = gather(traffic.messages_sent);
  const std::vector<uint64_t> rounds = gather(traffic.rounds);
  const std::vector<std::string> hosts = GatherHostNames(comm);
  if (rank != 0) return;
  std::string line = "{\"cost_mpi_report\": 1, \"procs\": " + std::to_string(ranks) +
                     ", \"threads\": " + std::to_string(report.threads) +
                     ", \"startup_seconds\": " + std::to_string(report.startup_seconds) +
                     ", \"partition_seconds\": " + std::to_string(report.partition_seconds) +
                     ", \"repetition_seconds\": [";
  char number[32];
  for (size_t i = 0; i < report.repetition_seconds.size(); ++i) {
    std::snprintf(number, sizeof number, "%s%.9g", i ? ", " : "", report.repetition_seconds[i]);
    line += number;
  }
  line += "], \"rank_peak_rss_bytes\": " + JsonArray(rss) + ", \"rank_hosts\": [";
  for (int r = 0; r < ranks; ++r) line += (r ? ", \"" : "\"") + JsonEscaped(hosts[r]) + "\"";
  line += "], \"rank_threads\": " + JsonArray(threads) + ", \"rank_rows\": " + JsonArray(rows) +
          ", \"rank_ghosts\": " + (report.ghosts ? JsonArray(ghosts) : "null");
  const bool counted = report.traffic.has_value();
  line += ", \"rank_bytes_sent\": " + (counted ? JsonArray(bytes) : "null") +
          ", \"rank_messages_sent\": " + (counted ? JsonArray(messages) : "null") +
          ", \"rank_rounds\": " + (counted ? JsonArray(rounds) : "null");
  std::printf("%s}\n", line.c_str());
  std::fflush(stdout);
}

int RunRanks(const char* program, const std::function<void()>& body) {
  try {
    body();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: error: %s\n", program, e.what());
    std::fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  return 0;
}

}  // namespace cost::parallel::mpi
