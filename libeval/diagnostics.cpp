#include "libeval/diagnostics.h"

#include <fmt/format.h>

#include <algorithm>

namespace gevinst {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

void Diagnostics::error(SourceLoc loc, std::string path, std::string message, std::string hint) {
  add({file_, loc, Severity::error, std::move(path), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, std::string path, std::string message, std::string hint) {
  add({file_, loc, Severity::warning, std::move(path), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, std::string path, Phrase message, Phrase hint) {
  Diagnostic d{file_, loc, Severity::warning, std::move(path), message.text(), hint.text()};
  d.message_phrase = std::move(message);
  d.hint_phrase = std::move(hint);
  add(std::move(d));
}

void Diagnostics::add(Diagnostic d) {
  if (items_.size() >= kMaxKept) {
    ++dropped_;
    dropped_errors_ += d.severity == Severity::error;
    dropped_warnings_ += d.severity == Severity::warning;
    return;
  }
  if (d.file.empty()) d.file = file_;
  items_.push_back(std::move(d));
}

void Diagnostics::note_dropped() {
  if (dropped_ == 0) return;
  items_.push_back({file_,
                    {},
                    Severity::note,
                    "",
                    fmt::format("{} more problem{} not shown ({} error{}, {} warning{})", dropped_,
                                dropped_ == 1 ? "" : "s", dropped_errors_, dropped_errors_ == 1 ? "" : "s",
                                dropped_warnings_, dropped_warnings_ == 1 ? "" : "s"),
                    "fix the ones shown and run again"});
  dropped_ = 0;
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  return dropped_errors_ +
         static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int Diagnostics::warning_count() const {
  return dropped_warnings_ +
         static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.column < b.loc.column;
  });
}

std::string_view source_line(std::string_view source, int line) {
  if (line <= 0) return {};
  size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = source.find('\n', pos);
    if (nl == std::string_view::npos) return {};
    pos = nl + 1;
  }
  size_t end = source.find('\n', pos);
  std::string_view s = source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

namespace {
constexpr size_t kMaxShownChars = 120;  // longer source lines are shown as a window around the column
}  // namespace

// Control characters from the input (a YAML "\n" or "\e" escape in a key,
// say) are shown escaped, so a message can neither break its line nor start a
// terminal sequence or a CI workflow command on a line of its own.
std::string printable(std::string_view s) {
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7F)
      out += fmt::format("\\x{:02X}", c);
    else
      out += ch;
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& raw, std::string_view source, bool color) {
  Diagnostic d = raw;
  d.file = printable(raw.file);
  d.message = printable(raw.message);
  d.yaml_path = printable(raw.yaml_path);
  d.hint = printable(raw.hint);
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  const char* sev_color = !color ? "" : d.severity == Severity::error ? "\033[1;31m" : "\033[1;35m";
  std::string out;
  if (d.loc.line > 0) {
    out = fmt::format("{}{}:{}:{}:{} {}{}:{} {}", bold, d.file, d.loc.line, d.loc.column, reset, sev_color,
                      severity_name(d.severity), reset, d.message);
  } else if (d.file.empty()) {
    out = fmt::format("{}{}:{} {}", sev_color, severity_name(d.severity), reset, d.message);
  } else {
    out = fmt::format("{}{}:{} {}{}:{} {}", bold, d.file, reset, sev_color, severity_name(d.severity), reset,
                      d.message);
  }
  if (!d.yaml_path.empty()) out += fmt::format(" (at {})", d.yaml_path);
  out += '\n';
  std::string_view text = source_line(source, d.loc.line);
  if (!text.empty()) {
    // Columns count characters (code points), not bytes: starts[k] is the
    // byte offset of character k.
    std::vector<size_t> starts;
    for (size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(text.size());
    const size_t chars = starts.size() - 1;
    const size_t col = static_cast<size_t>(std::max(1, d.loc.column)) - 1;  // 0-based character
    // A long line is shown as a window around the column.
    size_t first = 0, last = chars;
    if (chars > kMaxShownChars) {
      first = col > kMaxShownChars / 2 ? std::min(col - kMaxShownChars / 2, chars - kMaxShownChars) : 0;
      last = first + kMaxShownChars;
    }
    std::string_view shown = text.substr(starts[first], starts[last] - starts[first]);
    const char* before = first > 0 ? "..." : "";
    out += fmt::format("  {}{}{}\n  {}", before, shown, last < chars ? "..." : "", first > 0 ? "   " : "");
    // Keep tabs so the caret lines up under tab-indented text.
    for (size_t k = first; k < col && k < last; ++k) out += text[starts[k]] == '\t' ? '\t' : ' ';
    out += color ? "\033[1;32m^\033[0m\n" : "^\n";
  }
  if (!d.hint.empty()) out += fmt::format("  hint: {}\n", d.hint);
  return out;
}

namespace {
// Optimal string alignment distance: insertions, deletions, substitutions
// and transpositions of neighbours ("valeu" -> "value") each cost 1.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return {};
  auto lower = [](std::string_view s) {
    std::string o(s);
    for (char& ch : o)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return o;
  };
  std::string best;
  size_t best_d = std::string::npos;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // Accept up to a third of the word's length in edits (at least 1, at most 3).
  size_t limit = std::clamp<size_t>(word.size() / 3, 1, 3);
  if (best_d <= limit) return best;
  // A prefix or case-only difference is also a plausible slip.
  for (const auto& c : candidates)
    if (c.size() > 2 && word.size() > 2 && (c.starts_with(word) || word.starts_with(c))) return c;
  for (const auto& c : candidates)
    if (lower(c) == lower(word)) return c;
  return {};
}

}  // namespace gevinst
