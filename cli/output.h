// Output plumbing shared by the subcommands: formats, atomic files, number
// formatting and plain tables. No arithmetic on results here.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gevinst::cli {

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

enum class NumberLocale { en, da };

/// 1234567.891 -> "1,234,568" (en) or "1.234.568" (da), with `decimals` places.
std::string format_number(double v, int decimals = 0, NumberLocale loc = NumberLocale::en);
/// A share as percent: 0.1234 -> "12.3 %" (en) / "12,3 %" (da).
std::string format_percent(double v, int decimals = 1, NumberLocale loc = NumberLocale::en);
/// Money in millions for headlines: 1234567 -> "1.23 mio." (en) / "1,23 mio." (da).
std::string format_millions(double v, NumberLocale loc = NumberLocale::en);

/// A simple table renderable as aligned text or as a Markdown table.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;  ///< right-align column i (numbers); default left
  std::string render_text() const;
  std::string render_markdown() const;
};

/// CSV field quoting per RFC 4180.
std::string csv_field(std::string_view s);
std::string csv_row(const std::vector<std::string>& fields);

/// True when standard error is a terminal (for progress and colour).
bool stderr_is_tty();
bool stdout_is_tty();

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
