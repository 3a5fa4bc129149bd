#include "harness/run/values_file.h"

#include <charconv>
#include <stdexcept>
#include <string_view>
#include <variant>

#include "datasets/output_file.h"

namespace cost::harness {

void WriteValuesFile(const datasets::Graph& graph, const Values& values, const std::string& path) {
  if (std::visit([](const auto& vec) { return vec.size(); }, values) != graph.num_vertices()) {
    throw std::runtime_error(path + ": values do not match the graph's vertex count");
  }
  datasets::OutputFile file(path, datasets::Gzip::kNever);
  std::visit(
      [&](const auto& vec) {
        char buffer[96];  // two numbers of at most 24 characters each, shortest round trip
        for (size_t v = 0; v < vec.size(); ++v) {
          char* end = std::to_chars(buffer, buffer + 40, graph.original_ids[v]).ptr;
          *end++ = ' ';
          end = std::to_chars(end, end + 40, vec[v]).ptr;
          *end++ = '\n';
          file.Write(std::string_view(buffer, end - buffer));
        }
      },
      values);
  file.Commit();
}

}  // namespace cost::harness
