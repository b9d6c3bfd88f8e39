// Internal to the YAML reader: positions in the text (line index with
// code-point columns), the encoding checks that run before parsing, and the
// explanation of a syntax error (what was left open, a missing colon).
#pragma once

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "libeval/diagnostics.h"

namespace gevinst {

inline bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A bracket or quote character quoted for a message: '{', '"', "'".
std::string quoted(char c);

// Maps yaml-cpp's 0-based line and byte column to 1-based line and
// code-point column, so columns match what editors show.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    blocks_.push_back(0);
    size_t continuations = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
      if (continuation_byte(text[i])) ++continuations;
      if ((i + 1) % kBlock == 0) blocks_.push_back(continuations);
    }
  }
  SourceLoc at(int line0, int byte_col0) const {
    if (line0 < 0) return {};
    SourceLoc l{line0 + 1, byte_col0 + 1};
    if (static_cast<size_t>(line0) >= starts_.size()) return l;
    size_t begin = starts_[line0];
    size_t end = std::min(text_.size(), begin + static_cast<size_t>(std::max(0, byte_col0)));
    // Columns count code points: bytes minus UTF-8 continuation bytes.
    l.column = 1 + static_cast<int>(end - begin - (continuations_before(end) - continuations_before(begin)));
    return l;
  }
  /// Line `line` (1-based) without its line ending; "" when out of range.
  std::string_view line(int line) const {
    if (line < 1 || static_cast<size_t>(line) > starts_.size()) return {};
    size_t begin = starts_[line - 1];
    size_t end = static_cast<size_t>(line) < starts_.size() ? starts_[line] - 1 : text_.size();
    std::string_view s = text_.substr(begin, end - begin);
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
  }
  SourceLoc at_offset(size_t pos) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), pos);
    int line0 = static_cast<int>(it - starts_.begin()) - 1;
    return at(line0, static_cast<int>(pos - starts_[line0]));
  }

 private:
  // Continuation bytes in text_[0, pos): a count kept every kBlock bytes plus
  // at most kBlock bytes counted, so a node on a long line costs O(kBlock),
  // not O(its column) (a one-line flow list of 10^6 items stays linear).
  size_t continuations_before(size_t pos) const {
    size_t b = pos / kBlock;
    size_t n = blocks_[b];
    for (size_t i = b * kBlock; i < pos; ++i)
      if (continuation_byte(text_[i])) ++n;
    return n;
  }
  static constexpr size_t kBlock = 256;
  std::string_view text_;
  std::vector<size_t> starts_;
  std::vector<size_t> blocks_;  ///< blocks_[k]: continuation bytes in text_[0, k * kBlock)
};

/// True when `text` is not UTF-8 text a person wrote (UTF-16, binary, NUL
/// bytes, invalid UTF-8, control characters); the reason goes to `diags`
/// when it is given.
bool encoding_problem(std::string_view text, Diagnostics* diags);

/// True when the text holds nothing but comments and white space.
bool only_comments_and_space(std::string_view s);

/// Reports yaml-cpp's syntax error at its place, with what was probably
/// left open (a bracket, a quote) or the line missing its colon.
void report_syntax_error(const YAML::Exception& e, std::string_view text, const LineIndex& lines,
                         Diagnostics& diags);

}  // namespace gevinst
