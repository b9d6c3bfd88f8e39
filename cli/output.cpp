#include "cli/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>

#include "cli/messages.h"
#include "cli/render/render.h"

namespace gevinst::cli {

namespace {
std::string temp_name(const std::string& path) {
  std::filesystem::path p(path);
  std::random_device rd;
  return (p.parent_path() / fmt::format(".{}.tmp.{}.{:x}", p.filename().string(), ::getpid(), rd())).string();
}
long long now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

int emit(const OutputOptions& o, std::string_view content) {
  if (auto err = write_output(o.output, content)) {
    error(*err);
    return Exit::invalid;
  }
  return Exit::ok;
}

int emit(const OutputOptions& o, const Document& d) {
  return emit(o, std::string(o.csv_prefix()) + render(d, o.format, o.locale));
}

std::optional<std::string> write_output(const std::string& path, std::string_view content) {
  StreamOutput out(path);
  if (!out.ok()) return out.error();
  out.write(content);
  return out.commit();
}

StreamOutput::StreamOutput(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") {
    is_stdout_ = true;
    file_ = stdout;
    return;
  }
  tmp_ = temp_name(path);
  file_ = std::fopen(tmp_.c_str(), "wb");
  if (!file_) error_ = fmt::format("{}: cannot write: {}", path, std::strerror(errno));
}

StreamOutput::~StreamOutput() {
  if (!is_stdout_ && file_) {
    std::fclose(file_);
    std::remove(tmp_.c_str());
  }
}

void StreamOutput::write(std::string_view s) {
  if (file_) std::fwrite(s.data(), 1, s.size(), file_);
}

std::optional<std::string> StreamOutput::commit() {
  if (!file_) return error_;
  if (is_stdout_) {
    std::fflush(stdout);
    return std::nullopt;
  }
  bool failed = std::fflush(file_) != 0 || ::fsync(fileno(file_)) != 0;
  failed |= std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    std::string err = fmt::format("{}: cannot write: {}", path_, std::strerror(errno));
    std::remove(tmp_.c_str());
    return err;
  }
  return std::nullopt;
}

Progress::Progress(std::string label, size_t total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled && ::isatty(STDERR_FILENO) == 1),
      start_ms_(now_ms()) {}

Progress::~Progress() { finish(); }

void Progress::update(size_t done) {
  if (!enabled_) return;
  long long t = now_ms();
  // Only after a second of work, and at most ten times a second.
  if (t - start_ms_ < 1000 || t - last_ms_ < 100) return;
  last_ms_ = t;
  shown_ = true;
  double frac = total_ ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  int bar = static_cast<int>(frac * 30);
  double elapsed = static_cast<double>(t - start_ms_) / 1000.0;
  double eta = frac > 0 ? elapsed * (1 - frac) / frac : 0;
  std::fprintf(stderr, "\r%s [%-30s] %zu/%zu  %.0f s left ", label_.c_str(), std::string(bar, '#').c_str(),
               done, total_, eta);
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_ && shown_) {
    std::fprintf(stderr, "\r%*s\r", 80, "");
    std::fflush(stderr);
  }
  shown_ = false;
}

}  // namespace gevinst::cli
