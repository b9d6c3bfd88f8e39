// Where output goes: atomic files (whole or streamed) and progress on a
// terminal. What it looks like is cli/render/'s.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.h"

namespace gevinst::cli {

/// Writes a finished output (atomically when -o names a file); prints an
/// error and returns Exit::invalid when that fails.
int emit(const OutputOptions& o, std::string_view content);

struct Document;
/// The document rendered in the chosen format and locale, then emitted.
int emit(const OutputOptions& o, const Document& d);

/// Writes `content` to `path` atomically: a temporary file in the same
/// directory, flushed, then renamed over the target. "-" or "" = stdout.
/// Returns an error text on failure.
std::optional<std::string> write_output(const std::string& path, std::string_view content);

/// A file written atomically as it streams: rows go to a temporary file that
/// replaces `path` on commit(); stdout when path is "-" or empty.
class StreamOutput {
 public:
  explicit StreamOutput(const std::string& path);
  ~StreamOutput();
  bool ok() const { return file_ != nullptr; }
  const std::string& error() const { return error_; }
  void write(std::string_view s);
  std::optional<std::string> commit();

 private:
  std::string path_, tmp_, error_;
  FILE* file_ = nullptr;
  bool is_stdout_ = false;
};

/// A progress bar on standard error, only when it is a terminal and enabled.
class Progress {
 public:
  Progress(std::string label, size_t total, bool enabled);
  ~Progress();
  void update(size_t done);
  void finish();

 private:
  std::string label_;
  size_t total_;
  bool enabled_;
  long long start_ms_, last_ms_ = 0;
  bool shown_ = false;
};

}  // namespace gevinst::cli
