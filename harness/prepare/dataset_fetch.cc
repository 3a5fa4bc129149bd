#include "harness/prepare/dataset_fetch.h"

#include <filesystem>
#include <optional>
#include <ostream>

#include "datasets/dataset_error.h"
#include "datasets/output_file.h"
#include "harness/core/child_process.h"
#include "harness/core/format.h"

namespace cost::harness {
namespace {

namespace fs = std::filesystem;
using datasets::CatalogEntry;
using datasets::DatasetError;
using datasets::DatasetSource;

// The last path segment of a URL, without its query or fragment; empty when there is none.
std::string UrlBaseName(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const size_t slash = url.rfind('/');
  if (slash == std::string_view::npos) return {};  // only a host
  std::string name(url.substr(slash + 1));
  return name == "." || name == ".." ? std::string() : name;
}

std::optional<uint64_t> ExpectedHash(const CatalogEntry& entry, const FetchOptions& options) {
  if (!options.xxh64.empty()) return ParseXxh64(options.xxh64);
  if (!entry.xxh64.empty()) return ParseXxh64(entry.xxh64);
  return std::nullopt;
}

void Say(std::ostream* progress, const std::string& line) {
  if (progress != nullptr) *progress << line << std::endl;  // flushed: the next step is slow
}

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// What is left to resume from, for the messages of a failed fetch.
std::string KeptPartNote(const std::string& part) {
  if (!fs::exists(part)) return "";
  return "; the partial file " + part + " (" + std::to_string(fs::file_size(part)) +
         " bytes) is kept: run the same command again to resume";
}

// The error of a curl that ran and exited with a non-zero status.
DatasetError CurlExitError(const CatalogEntry& entry, const std::string& url,
                           const std::string& part, int exit_code, const std::string& message) {
  std::string text = std::string(entry.name) + ": curl failed fetching " + url + " (exit status " +
                     std::to_string(exit_code) +
                     "): " + (message.empty() ? "(no message)" : message) + KeptPartNote(part);
  // 33: the server cannot do ranges; 36: the partial file does not fit what it has.
  if ((exit_code == 33 || exit_code == 36) && fs::exists(part)) {
    text += " (or delete it to start over: the server cannot resume it)";
  }
  return DatasetError(text);
}

// Runs curl into `part`, resuming what is there. Throws DatasetError when it does not succeed.
void RunCurl(const CatalogEntry& entry, const FetchOptions& options, const std::string& url,
             const std::string& part) {
  ChildOptions child;
  // --silent --show-error: stderr holds only curl's error message, which the failure reports.
  child.argv = {options.curl,    "--fail", "--location", "--silent", "--show-error",
                "--continue-at", "-",      "--output",   part,       url};
  child.log_path = part + ".log";
  // In our process group, so Ctrl-C stops curl too and leaves DEST.part to resume.
  child.own_process_group = false;
  const ChildResult result = RunChild(child);
  std::error_code ignored;
  fs::remove(child.log_path, ignored);
  const std::string stderr_text = Trimmed(result.log_tail);
  switch (result.status) {
    case ChildResult::Status::kExited:
      if (result.exit_code == 0) return;
      throw CurlExitError(entry, url, part, result.exit_code, stderr_text);
    case ChildResult::Status::kFailedToStart:
      if (result.exit_code == 127) {
        throw DatasetError("cannot fetch " + std::string(entry.name) + ": the curl program " +
                           "is not installed or not on PATH (" + stderr_text +
                           "); install it (apt-get install curl), or download " + url +
                           " yourself and pass it to `cost dataset prepare " +
                           std::string(entry.name) + " --file PATH`");
      }
      throw DatasetError("cannot start curl: " + stderr_text);
    case ChildResult::Status::kSignaled:
      throw DatasetError(std::string(entry.name) + ": curl was ended by " +
                         DescribeSignal(result.signal) + " fetching " + url + KeptPartNote(part));
    case ChildResult::Status::kTimedOut:
    case ChildResult::Status::kInterrupted:
      break;  // no timeout or interrupt flag is set
  }
  throw DatasetError(std::string(entry.name) + ": curl stopped fetching " + url +
                     KeptPartNote(part));
}

// Whether the file already at fetched->path can be kept: it matches the checksum, or none is
// known. Fills in *fetched when it can.
bool ReuseFetched(const std::optional<uint64_t>& expected, std::ostream* progress,
                  FetchedFile* fetched) {
  if (!fs::exists(fetched->path)) return false;
  fetched->xxh64 = datasets::HashFile(fetched->path);
  if (expected && fetched->xxh64 != *expected) {
    Say(progress, fetched->path + ": does not match the checksum; fetching it again");
    return false;
  }
  fetched->bytes = fs::file_size(fetched->path);
  fetched->reused = true;
  fetched->verified = expected.has_value();
  Say(progress,
      fetched->path + ": already fetched" + (expected ? "" : " (not verified: no checksum known)"));
  return true;
}

// Brings `part` up to the whole file with curl, resuming what is there.
void Download(const CatalogEntry& entry, const FetchOptions& options,
              const std::optional<uint64_t>& expected, const std::string& part,
              std::ostream* progress, FetchedFile* fetched) {
  fs::create_directories(fs::path(fetched->path).parent_path());
  fetched->resumed_from = fs::exists(part) ? fs::file_size(part) : 0;
  // A partial file that is already whole (its last run died between curl and the rename) is not
  // resumed: some servers answer a range past the end with an error.
  if (fetched->resumed_from > 0 && expected && datasets::HashFile(part) == *expected) {
    Say(progress, part + ": already complete");
    return;
  }
  Say(progress, "fetching " + fetched->url + "\n  to " + part +
                    (fetched->resumed_from > 0
                         ? " (resuming at " + std::to_string(fetched->resumed_from) + " bytes)"
                         : ""));
  RunCurl(entry, options, fetched->url, part);
  // curl writes no file for an empty body.
  if (!fs::exists(part)) datasets::WriteFileAtomically(part, "");
}

// Checks the downloaded `part` against the checksum (deleting it on a mismatch) and renames it
// into place.
void VerifyAndPlace(const CatalogEntry& entry, const std::optional<uint64_t>& expected,
                    const std::string& part, std::ostream* progress, FetchedFile* fetched) {
  fetched->xxh64 = datasets::HashFile(part);
  fetched->bytes = fs::file_size(part);
  if (expected && fetched->xxh64 != *expected) {
    std::error_code ignored;
    fs::remove(part, ignored);
    throw DatasetError(std::string(entry.name) + ": checksum mismatch for " + fetched->url +
                       ": expected XXH64 " + Hex16(*expected) + ", got " + Hex16(fetched->xxh64) +
                       "; deleted " + part + " (the next fetch starts afresh)");
  }
  fetched->verified = expected.has_value();
  if (!expected) {
    Say(progress, "not verified: no checksum in the catalog or --xxh64; its XXH64 is " +
                      Hex16(fetched->xxh64));
  }
  datasets::MoveFileIntoPlace(part, fetched->path);
}

}  // namespace

uint64_t ParseXxh64(std::string_view hex) {
  const bool valid = !hex.empty() && hex.size() <= 16 &&
                     hex.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
  if (!valid) {
    throw DatasetError("'" + std::string(hex) + "' is not an XXH64 checksum (1 to 16 hex digits)");
  }
  return std::stoull(std::string(hex), nullptr, 16);
}

std::string FetchedPathOf(const CatalogEntry& entry, const FetchOptions& options) {
  const std::string name(entry.name);
  if (entry.source != DatasetSource::kSharedFile && entry.source != DatasetSource::kBringYourOwn) {
    throw DatasetError(name + " is generated, there is nothing to fetch (`cost dataset prepare " +
                       name + "` makes it)");
  }
  // The catalog's URL names the file, so a mirror's copy lands in the same place.
  const std::string naming_url(entry.url.empty() ? std::string_view(options.url) : entry.url);
  if (naming_url.empty()) {
    throw DatasetError(name + " has no download URL in the catalog; pass --url URL (" +
                       std::string(entry.origin) + ")");
  }
  std::string base = UrlBaseName(naming_url);
  if (base.empty()) base = name;
  return (fs::path(options.cache_dir) / "downloads" / name / base).string();
}

FetchedFile FetchCatalogDataset(const CatalogEntry& entry, const FetchOptions& options,
                                std::ostream* progress) {
  FetchedFile fetched;
  fetched.path = FetchedPathOf(entry, options);
  const std::string source_url = options.url.empty() ? std::string(entry.url) : options.url;
  if (source_url.find("://") == std::string::npos || source_url.front() == '-') {
    throw DatasetError("'" + source_url + "' is not a URL (scheme://...)");
  }
  const std::optional<uint64_t> expected = ExpectedHash(entry, options);
  if (ReuseFetched(expected, progress, &fetched)) return fetched;
  fetched.url = source_url;
  const std::string part = fetched.path + ".part";
  Download(entry, options, expected, part, progress, &fetched);
  VerifyAndPlace(entry, expected, part, progress, &fetched);
  return fetched;
}

}  // namespace cost::harness
