// Where a report's files are built: a staging folder beside the report folder, published only
// when every file is written. A report that fails (no gnuplot, a bad plot, a full disk) leaves
// no folder behind when there was none, and an existing folder as it was.
#ifndef COST_HARNESS_REPORT_REPORT_FOLDER_H_
#define COST_HARNESS_REPORT_REPORT_FOLDER_H_

#include <filesystem>
#include <string>
#include <vector>

namespace cost::harness {

class ReportStaging {
 public:
  // Creates PARENT/.NAME.staging-PID for the report folder `out` (its parent is created).
  explicit ReportStaging(const std::filesystem::path& out);
  ~ReportStaging();  // removes the staging folder unless it was published
  ReportStaging(const ReportStaging&) = delete;
  ReportStaging& operator=(const ReportStaging&) = delete;

  const std::filesystem::path& path() const { return staging_; }

  // A new report folder: the staging folder is renamed to it, all at once. An existing one: the
  // files `names` are moved into it one by one (each a rename), leaving its other files alone.
  void Publish(const std::vector<std::string>& names);

 private:
  std::filesystem::path out_, staging_;
  bool published_ = false;
};

}  // namespace cost::harness

#endif  // COST_HARNESS_REPORT_REPORT_FOLDER_H_
