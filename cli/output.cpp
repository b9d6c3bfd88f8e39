#include "cli/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>

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

std::string format_number(double v, int decimals, NumberLocale loc) {
  if (!std::isfinite(v)) return "-";
  std::string s = fmt::format("{:.{}f}", std::fabs(v), decimals);
  if (s.find_first_not_of("0.") == std::string::npos) v = 0;  // no "-0"
  size_t dot = s.find('.');
  std::string intpart = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  char group = loc == NumberLocale::da ? '.' : ',';
  char decimal = loc == NumberLocale::da ? ',' : '.';
  std::string out;
  int n = static_cast<int>(intpart.size());
  for (int i = 0; i < n; ++i) {
    out += intpart[i];
    if ((n - i - 1) % 3 == 0 && i != n - 1) out += group;
  }
  if (!frac.empty()) {
    out.push_back(decimal);
    out.append(frac);
  }
  if (v < 0) out.insert(out.begin(), '-');
  return out;
}

std::string format_percent(double v, int decimals, NumberLocale loc) {
  if (!std::isfinite(v)) return "-";
  return format_number(v * 100, decimals, loc) + " %";
}

std::string format_millions(double v, NumberLocale loc) {
  if (!std::isfinite(v)) return "-";
  return format_number(v / 1e6, 2, loc) + " mio.";
}

namespace {
size_t display_width(std::string_view s) {
  size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}
}  // namespace

std::string Table::render_text() const {
  size_t cols = header.size();
  std::vector<size_t> width(cols, 0);
  for (size_t i = 0; i < cols; ++i) width[i] = display_width(header[i]);
  for (const auto& r : rows)
    for (size_t i = 0; i < cols && i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cols; ++i) {
      std::string cell = i < cells.size() ? cells[i] : "";
      size_t pad = width[i] - display_width(cell);
      bool r = i < right.size() && right[i];
      if (i) out += "  ";
      if (r)
        out += std::string(pad, ' ') + cell;
      else
        out += cell + (i + 1 < cols ? std::string(pad, ' ') : "");
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header);
  std::string rule;
  for (size_t i = 0; i < cols; ++i) rule += (i ? "  " : "") + std::string(width[i], '-');
  out += rule + "\n";
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string Table::render_markdown() const {
  auto esc = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '|') o.push_back('\\');
      o.push_back(c);
    }
    return o;
  };
  std::string out = "|";
  for (const auto& h : header) out += fmt::format(" {} |", esc(h));
  out += "\n|";
  for (size_t i = 0; i < header.size(); ++i) out += (i < right.size() && right[i]) ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& r : rows) {
    out += "|";
    for (size_t i = 0; i < header.size(); ++i) out += fmt::format(" {} |", esc(i < r.size() ? r[i] : ""));
    out += "\n";
  }
  return out;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o.push_back('"');
    o.push_back(c);
  }
  o.push_back('"');
  return o;
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string o;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) o.push_back(',');
    o.append(csv_field(fields[i]));
  }
  o.push_back('\n');
  return o;
}

bool stderr_is_tty() { return ::isatty(STDERR_FILENO) == 1; }
bool stdout_is_tty() { return ::isatty(STDOUT_FILENO) == 1; }

Progress::Progress(std::string label, size_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled && stderr_is_tty()), start_ms_(now_ms()) {}

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
