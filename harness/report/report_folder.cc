#include "harness/report/report_folder.h"

#include <unistd.h>

#include <stdexcept>
#include <system_error>

#include "datasets/output_file.h"

namespace cost::harness {
namespace fs = std::filesystem;

ReportStaging::ReportStaging(const fs::path& out) : out_(out) {
  if (fs::exists(out) && !fs::is_directory(out)) {
    throw std::runtime_error(out.string() + ": exists and is not a folder; the report needs one");
  }
  const fs::path absolute = fs::absolute(out).lexically_normal();
  const fs::path name =
      absolute.filename().empty() ? absolute.parent_path().filename() : absolute.filename();
  const fs::path parent =
      absolute.filename().empty() ? absolute.parent_path().parent_path() : absolute.parent_path();
  fs::create_directories(parent);
  std::string staging_name = ".";  // hidden, and beside the report so that a rename publishes it
  staging_name += name.string();
  staging_name += ".staging-" + std::to_string(::getpid());
  staging_ = parent / staging_name;
  fs::remove_all(staging_);
  fs::create_directory(staging_);
}

ReportStaging::~ReportStaging() {
  if (published_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void ReportStaging::Publish(const std::vector<std::string>& names) {
  std::error_code error;
  if (!fs::exists(out_)) {
    fs::rename(staging_, out_, error);
    if (!error) {
      published_ = true;
      return;
    }
  }
  fs::create_directories(out_);
  for (const std::string& name : names) {
    datasets::MoveFileIntoPlace((staging_ / name).string(), (out_ / name).string());
  }
}

}  // namespace cost::harness
