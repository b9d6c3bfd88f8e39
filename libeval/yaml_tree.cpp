#include "libeval/yaml_tree.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

namespace gevinst {

const YNode* YNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k->value == key) return v;
  return nullptr;
}

const YNode* YNode::find_key(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k->value == key) return k;
  return nullptr;
}

std::string_view YNode::describe() const {
  switch (kind) {
    case Kind::null: return "empty";
    case Kind::scalar: return "a single value";
    case Kind::sequence: return "a list";
    case Kind::mapping: return "a mapping";
  }
  return "?";
}

namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A bracket or quote character quoted for a message: '{', '"', "'".
std::string quoted(char c) { return c == '\'' ? "\"'\"" : fmt::format("'{}'", c); }

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

struct LimitExceeded {
  SourceLoc loc;
  std::string message, hint;
};

const char* kTagHint = "remove the tag; case files use plain values";

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(YamlDocument& doc, const YamlLimits& limits, const LineIndex& lines)
      : doc_(doc), limits_(limits), lines_(lines) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YNode& n = make(mark, YNode::Kind::null);
    // yaml-cpp marks an empty value ("amount:" at the end of a line) at the
    // next token, often on a later line; point at its key instead.
    if (!stack_.empty() && stack_.back().pending_key && stack_.back().pending_key->loc.line < n.loc.line)
      n.loc = stack_.back().pending_key->loc;
    finish_leaf(n, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // An anchor whose node is still open contains its own alias.
    for (const auto& f : stack_)
      if (f.anchor == anchor)
        throw LimitExceeded{loc(mark), "recursive alias: the anchor contains an alias to itself",
                            "an alias (*name) may only repeat a node that is complete; remove the alias"};
    auto it = anchors_.find(anchor);
    if (it == anchors_.end())
      throw LimitExceeded{loc(mark), "alias to an unknown anchor",
                          "define the anchor (&name) before the alias (*name)"};
    attach(it->second, true, loc(mark));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YNode& n = make(mark, YNode::Kind::scalar);
    n.value = value;
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    n.plain = tag != "!";
    check_tag(tag, mark);
    if (!n.plain) check_closed(mark, n.loc);
    if (n.plain && (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
      n.kind = YNode::Kind::null;
      n.value.clear();
    }
    finish_leaf(n, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_tag(tag, mark);
    YNode& n = make(mark, YNode::Kind::sequence);
    open(n, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_tag(tag, mark);
    YNode& n = make(mark, YNode::Kind::mapping);
    open(n, anchor);
  }
  void OnMapEnd() override {
    Frame& f = stack_.back();
    if (f.pending_key) throw LimitExceeded{f.pending_key->loc, "mapping key without a value", ""};
    close();
  }

  const YNode* root() const { return root_; }

 private:
  struct Frame {
    YNode* node;
    const YNode* pending_key = nullptr;
    YAML::anchor_t anchor = 0;
    std::map<std::string, SourceLoc, std::less<>> keys;
  };

  SourceLoc loc(const YAML::Mark& m) const { return lines_.at(m.line, m.column); }

  // yaml-cpp 0.7 accepts a quoted scalar that is never closed and takes the
  // rest of the file as its text; find the closing quote ourselves.
  void check_closed(const YAML::Mark& mark, SourceLoc where) const {
    const std::string& t = doc_.text;
    if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= t.size()) return;
    char q = t[mark.pos];
    if (q != '"' && q != '\'') return;
    for (size_t i = mark.pos + 1; i < t.size(); ++i) {
      if (q == '"' && t[i] == '\\')
        ++i;
      else if (q == '\'' && t[i] == '\'' && i + 1 < t.size() && t[i + 1] == '\'')
        ++i;
      else if (t[i] == q)
        return;
    }
    throw LimitExceeded{
        where, fmt::format("unclosed {}", quoted(q)),
        fmt::format("add the missing {}; without it the text runs to the end of the file", quoted(q))};
  }

  void check_tag(const std::string& tag, const YAML::Mark& mark) {
    if (!tag.empty() && tag != "?" && tag != "!")
      throw LimitExceeded{loc(mark), fmt::format("YAML tag '{}' is not supported", tag), kTagHint};
  }

  YNode& make(const YAML::Mark& mark, YNode::Kind kind) {
    YNode& n = doc_.arena.emplace_back();
    n.kind = kind;
    n.loc = loc(mark);
    return n;
  }

  void count(size_t add, SourceLoc where) {
    total_ = total_ > limits_.max_nodes ? total_ : total_ + add;
    if (add > limits_.max_nodes || total_ > limits_.max_nodes)
      throw LimitExceeded{
          where,
          fmt::format("document too large: more than {} nodes once aliases are expanded", limits_.max_nodes),
          "a case file needs far fewer; check for aliases (*name) that repeat large anchors"};
  }

  void finish_leaf(YNode& n, YAML::anchor_t anchor) {
    if (anchor) anchors_[anchor] = &n;
    attach(&n, false, n.loc);
  }

  void open(YNode& n, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      throw LimitExceeded{n.loc, fmt::format("nesting deeper than {} levels", limits_.max_depth),
                          "case files nest a few levels; check for unbalanced brackets"};
    stack_.push_back(Frame{&n, nullptr, anchor, {}});
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.anchor) anchors_[f.anchor] = f.node;
    attach(f.node, false, f.node->loc);
  }

  // Adds a finished node (or an alias target) to its parent. Every node counts
  // once as it finishes; an alias counts the whole subtree it repeats.
  void attach(const YNode* n, bool is_alias, SourceLoc where) {
    count(is_alias ? n->expanded_size : 1, where);
    if (stack_.empty()) {
      if (!root_) root_ = n;
      return;
    }
    Frame& f = stack_.back();
    YNode* parent = f.node;
    size_t add = n->expanded_size;
    parent->expanded_size = std::min(limits_.max_nodes + 1, parent->expanded_size + add);
    if (parent->kind == YNode::Kind::sequence) {
      parent->items.push_back(n);
      return;
    }
    if (!f.pending_key) {
      if (n->kind != YNode::Kind::scalar)
        throw LimitExceeded{where, fmt::format("mapping keys must be plain names, not {}", n->describe()),
                            "write 'name: value'; a key cannot be a list, a mapping or empty"};
      auto [it, inserted] = f.keys.emplace(n->value, n->loc);
      if (!inserted)
        throw LimitExceeded{
            n->loc, fmt::format("duplicate key '{}'", n->value),
            fmt::format("'{}' is already set at line {}; keep one of them", n->value, it->second.line)};
      f.pending_key = n;
      return;
    }
    parent->entries.emplace_back(f.pending_key, n);
    f.pending_key = nullptr;
  }

  YamlDocument& doc_;
  const YamlLimits& limits_;
  const LineIndex& lines_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, const YNode*> anchors_;
  const YNode* root_ = nullptr;
  size_t total_ = 0;
};

// Offset of the first invalid UTF-8 sequence, or npos. Well-formed means
// RFC 3629, table 3-7 of the Unicode standard: no overlong forms (C0, C1,
// E0 80..9F, F0 80..8F), no surrogates (ED A0..BF), nothing above U+10FFFF
// (F4 90.., F5..FF).
size_t invalid_utf8_at(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + static_cast<size_t>(len) > s.size()) return i;
    // The second byte's range depends on the first; the rest are 80..BF.
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0)
      lo = 0xA0;
    else if (c == 0xED)
      hi = 0x9F;
    else if (c == 0xF0)
      lo = 0x90;
    else if (c == 0xF4)
      hi = 0x8F;
    if (c1 < lo || c1 > hi) return i;
    for (int k = 2; k < len; ++k)
      if (!continuation_byte(s[i + static_cast<size_t>(k)])) return i;
    i += static_cast<size_t>(len);
  }
  return std::string_view::npos;
}

// C0 control characters other than tab, line feed and carriage return, and
// DEL: YAML does not allow them and editors do not show them.
size_t control_char_at(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
  }
  return std::string_view::npos;
}

bool looks_utf16(std::string_view t) {
  if (t.size() >= 2 && ((t[0] == '\xFF' && t[1] == '\xFE') || (t[0] == '\xFE' && t[1] == '\xFF')))
    return true;
  // Without a BOM: ASCII text in UTF-16 has every other byte NUL.
  return t.size() >= 4 && ((t[0] != 0 && t[1] == 0 && t[2] != 0 && t[3] == 0) ||
                           (t[0] == 0 && t[1] != 0 && t[2] == 0 && t[3] != 0));
}

// What a binary file is, from its first bytes, or nullopt for text.
std::optional<std::string> binary_kind(std::string_view t) {
  static const std::pair<std::string_view, const char*> magic[] = {
      {"\x1F\x8B", "a gzip archive"},
      {"PK\x03\x04", "a zip archive (or .xlsx, .docx)"},
      {"%PDF-", "a PDF document"},
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"\x7F"
       "ELF",
       "a program"},
      {"\xD0\xCF\x11\xE0", "an old Office document (.xls, .doc)"},
  };
  for (const auto& [m, what] : magic)
    if (t.starts_with(m)) return what;
  // Text has few control bytes; count them in the first kilobyte.
  std::string_view head = t.substr(0, 1024);
  size_t control = std::count_if(head.begin(), head.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  });
  // A stray control character in a short text file is not "binary".
  if (control >= 4 && control * 10 > head.size()) return "binary data";
  return std::nullopt;
}

bool only_comments_and_space(std::string_view s) {
  bool in_comment = false;
  for (char c : s) {
    if (c == '\n')
      in_comment = false;
    else if (in_comment)
      continue;
    else if (c == '#')
      in_comment = true;
    else if (c != ' ' && c != '\t' && c != '\r')
      return false;
  }
  return true;
}

// Reports an encoding problem of `text` (BOM already removed) and returns
// true, or returns false when the text is printable UTF-8.
bool encoding_problem(std::string_view text, Diagnostics* diags) {
  auto report = [&](SourceLoc loc, std::string msg, std::string hint) {
    if (diags) diags->error(loc, "", std::move(msg), std::move(hint));
    return true;
  };
  if (looks_utf16(text))
    return report({1, 1}, "file is UTF-16; case files must be UTF-8",
                  "save the file as UTF-8 (in most editors: Save with encoding, UTF-8)");
  if (auto kind = binary_kind(text))
    return report({1, 1}, fmt::format("file is binary ({}), not a YAML case file", *kind),
                  "check the path; case files are UTF-8 text");
  LineIndex lines(text);
  if (size_t nul = text.find('\0'); nul != std::string_view::npos)
    return report(lines.at_offset(nul), "NUL byte in the text", "remove it; it is invisible in most editors");
  if (size_t bad = invalid_utf8_at(text); bad != std::string_view::npos)
    return report(lines.at_offset(bad),
                  fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[bad])),
                  "save the file as UTF-8 (Latin-1 'æøå' are the usual cause)");
  if (size_t cc = control_char_at(text); cc != std::string_view::npos)
    return report(lines.at_offset(cc),
                  fmt::format("control character U+{:04X} in the text", static_cast<unsigned char>(text[cc])),
                  "remove it; it is invisible in most editors");
  return false;
}

// What was open at byte `stop`: a flow collection or quoted scalar, and the
// last quoted scalar that ran over more than one line. Either is the likely
// cause of a syntax error further on. A heuristic scan (comments, quotes,
// brackets); yaml-cpp has already said the text is not valid YAML.
struct Unclosed {
  size_t pos;
  char open;
};
struct OpenAt {
  std::optional<Unclosed> open;
  std::optional<Unclosed> multiline_quote;
};
OpenAt open_before(std::string_view t, size_t stop) {
  OpenAt out;
  std::vector<Unclosed> brackets;
  std::optional<Unclosed> quote;
  bool quote_has_newline = false;
  char prev = '\n';  // last character outside a quote, for token starts
  for (size_t i = 0; i < t.size() && i < stop; ++i) {
    char c = t[i];
    if (quote) {
      if (c == '\n') quote_has_newline = true;
      if (quote->open == '"' && c == '\\') {
        ++i;
      } else if (quote->open == '\'' && c == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        ++i;
      } else if (c == quote->open) {
        if (quote_has_newline) out.multiline_quote = quote;
        quote.reset();
        prev = c;
      }
      continue;
    }
    bool token_start = prev == '\n' || prev == ' ' || prev == '\t' || prev == '[' || prev == '{' ||
                       prev == ',' || prev == ':' || prev == '-' || prev == '?';
    if (c == '#' && (prev == '\n' || prev == ' ' || prev == '\t')) {
      while (i + 1 < t.size() && t[i + 1] != '\n') ++i;
      continue;
    }
    if ((c == '"' || c == '\'') && token_start) {
      quote = Unclosed{i, c};
      quote_has_newline = false;
    } else if ((c == '[' || c == '{') && (token_start || !brackets.empty())) {
      brackets.push_back({i, c});
    } else if ((c == ']' || c == '}') && !brackets.empty()) {
      brackets.pop_back();
    }
    if (c != ' ' && c != '\t') prev = c;
  }
  if (quote)
    out.open = quote;
  else if (!brackets.empty())
    out.open = brackets.back();
  return out;
}

size_t indentation(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool blank_or_comment(std::string_view line) {
  size_t i = indentation(line);
  return i == line.size() || line[i] == '#';
}

// A key on the line before a block-structure error that lacks its ':'
// ("fte_hours 1924"): the parser reads it as text continuing the value above
// and fails on the next line. Returns the line number.
std::optional<int> line_missing_colon(const LineIndex& lines, int line) {
  int prev_no = line - 1;
  while (prev_no >= 1 && blank_or_comment(lines.line(prev_no))) --prev_no;
  if (prev_no < 1) return std::nullopt;
  std::string_view body = lines.line(prev_no).substr(indentation(lines.line(prev_no)));
  if (body.starts_with("-") || body.front() == '[' || body.front() == '{' || body.front() == '"' ||
      body.front() == '\'')
    return std::nullopt;
  if (body.find(':') != std::string_view::npos) return std::nullopt;
  return prev_no;
}

// A hint from the lines around a block-structure error: a line indented
// unlike its neighbour.
std::optional<std::string> layout_hint(const LineIndex& lines, int line) {
  std::string_view cur = lines.line(line);
  int prev_no = line - 1;
  while (prev_no >= 1 && blank_or_comment(lines.line(prev_no))) --prev_no;
  if (prev_no < 1) return std::nullopt;
  std::string_view prev = lines.line(prev_no);
  size_t pi = indentation(prev), ci = indentation(cur);
  std::string_view prev_body = prev.substr(pi);
  bool prev_is_item = prev_body.starts_with("- ") || prev_body == "-";
  if (ci > pi && !prev_body.ends_with(":"))
    return fmt::format("line {} is indented more than line {}; keys of one mapping line up", line, prev_no);
  std::string_view body = cur.substr(ci);
  bool cur_is_item = body.starts_with("- ") || body == "-";
  if (ci < pi && ci > 0 && !prev_is_item && !cur_is_item) {
    // Compare with the line that opened this level: is `ci` an indentation in use?
    for (int l = prev_no - 1; l >= 1; --l) {
      std::string_view s = lines.line(l);
      if (blank_or_comment(s)) continue;
      size_t si = indentation(s);
      if (si == ci) return std::nullopt;
      if (si < ci)
        return fmt::format(
            "line {} is indented {} space{}, which matches no enclosing mapping; keys of one mapping line up",
            line, ci, ci == 1 ? "" : "s");
    }
  }
  return std::nullopt;
}

void report_syntax_error(const YAML::Exception& e, std::string_view text, const LineIndex& lines,
                         Diagnostics& diags) {
  const std::string& msg = e.msg;
  SourceLoc where = e.mark.is_null() ? SourceLoc{} : lines.at(e.mark.line, e.mark.column);
  std::string hint = "check indentation (spaces, not tabs) and that every '[', '{' and '\"' is closed";
  if (msg.find("tab") != std::string::npos) {
    hint = "YAML indentation must use spaces, not tabs";
  } else if (msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
    hint = "define the anchor (&name) before the alias (*name), or quote a value that starts with '*'";
  } else if (!e.mark.is_null() && e.mark.pos >= 0) {
    // A bracket or quote opened on an earlier line and never closed makes the
    // parser fail later, at a confusing place; point at the opening instead.
    OpenAt o = open_before(text, static_cast<size_t>(e.mark.pos));
    auto report = [&](const Unclosed& u, const char* what) {
      char close = u.open == '[' ? ']' : u.open == '{' ? '}' : u.open;
      diags.error(lines.at_offset(u.pos), "", fmt::format("unclosed {}", quoted(u.open)),
                  fmt::format("add the missing {}{}; the YAML parser stopped at line {}, column {} ({})",
                              quoted(close), what, where.line, where.column, msg));
    };
    // Of an open bracket and a quote that ran over lines, the later one is
    // the likelier cause (a lost quote also leaves its bracket open).
    bool open = o.open && lines.at_offset(o.open->pos).line < where.line;
    bool quote = o.multiline_quote && lines.at_offset(o.multiline_quote->pos).line < where.line;
    if (open && quote && o.multiline_quote->pos > o.open->pos) open = false;
    if (open) return report(*o.open, "");
    if (quote) return report(*o.multiline_quote, " on its line (the quoted text runs over several lines)");
    if (msg == YAML::ErrorMsg::MAP_VALUE || msg == YAML::ErrorMsg::END_OF_MAP ||
        msg == YAML::ErrorMsg::END_OF_SEQ || msg == YAML::ErrorMsg::BLOCK_ENTRY) {
      if (auto l = line_missing_colon(lines, where.line)) {
        std::string_view line = lines.line(*l);
        std::string_view body = line.substr(indentation(line));
        size_t sp = body.find_first_of(" \t");
        std::string key(body.substr(0, sp));
        std::string_view rest = sp == std::string_view::npos ? std::string_view{} : body.substr(sp);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
        SourceLoc at{*l, static_cast<int>(indentation(line)) + 1};
        if (rest.empty())
          diags.error(
              at, "", fmt::format("expected 'key: value', got '{}'", key),
              fmt::format("add the ':' after the key; the YAML parser stopped at line {}, column {} ({})",
                          where.line, where.column, msg));
        else
          diags.error(at, "", fmt::format("missing ':' after '{}'", key),
                      fmt::format("write '{}: {}'; the YAML parser stopped at line {}, column {} ({})", key,
                                  rest, where.line, where.column, msg));
        return;
      }
      if (auto h = layout_hint(lines, where.line))
        hint = *h;
      else if (msg == YAML::ErrorMsg::MAP_VALUE)
        hint =
            "a plain value cannot contain ': ' and a key cannot follow a value on the same line; quote the "
            "value";
    }
  }
  diags.error(where, "", fmt::format("YAML syntax error: {}", msg), hint);
}

}  // namespace

std::string_view displayable_text(std::string_view text, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) return {};
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (encoding_problem(text, nullptr)) return {};
  return text;
}

std::unique_ptr<YamlDocument> parse_yaml(std::string_view text, Diagnostics& diags,
                                         const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    diags.error({1, 1}, "",
                fmt::format("file is {} bytes; the limit is {} bytes", text.size(), limits.max_bytes),
                "a case file is a few kilobytes; is this the right file?");
    return nullptr;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (encoding_problem(text, &diags)) return nullptr;
  // Classic Mac OS line endings: YAML readers disagree about a lone CR, and
  // a comment on the first line would swallow the whole file.
  if (size_t cr = text.find('\r'); cr != std::string_view::npos && cr + 1 < text.size() &&
                                   text[cr + 1] != '\n' && text.find('\n') == std::string_view::npos) {
    diags.error({1, 1}, "", "lines end in CR only (old Mac line endings)",
                "save the file with LF (Unix) or CRLF (Windows) line endings");
    return nullptr;
  }
  if (only_comments_and_space(text)) {
    diags.error({1, 1}, "", "file is empty",
                "a case starts with 'format: gevinst/1'; `gevinst init` writes a starter");
    return nullptr;
  }

  auto doc = std::make_unique<YamlDocument>();
  doc->text.assign(text);
  LineIndex lines(doc->text);
  std::istringstream in(doc->text);
  try {
    YAML::Parser parser(in);
    TreeBuilder builder(*doc, limits, lines);
    if (!parser.HandleNextDocument(builder) || !builder.root()) {
      diags.error({1, 1}, "", "file has no YAML document", "a case starts with 'format: gevinst/1'");
      return nullptr;
    }
    doc->root = builder.root();
    TreeBuilder second(*doc, limits, lines);
    if (parser.HandleNextDocument(second) && second.root()) {
      diags.error(second.root()->loc, "", "file holds more than one YAML document ('---')",
                  "put each case in its own file");
      return nullptr;
    }
  } catch (const LimitExceeded& e) {
    diags.error(e.loc, "", e.message, e.hint);
    return nullptr;
  } catch (const YAML::DeepRecursion& e) {
    diags.error(lines.at(e.mark.line, e.mark.column), "", "nesting too deep",
                "case files nest a few levels; check for unbalanced brackets");
    return nullptr;
  } catch (const YAML::Exception& e) {
    report_syntax_error(e, doc->text, lines, diags);
    return nullptr;
  } catch (const std::exception& e) {
    diags.error({}, "", fmt::format("could not read YAML: {}", e.what()), "");
    return nullptr;
  }
  return doc;
}

}  // namespace gevinst
