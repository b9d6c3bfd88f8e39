#include "libeval/detail/yaml_text.h"

#include <fmt/format.h>

#include <optional>

namespace gevinst {

std::string quoted(char c) { return c == '\'' ? "\"'\"" : fmt::format("'{}'", c); }

namespace {

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

}  // namespace

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

namespace {

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
      // an escaped character, or '' inside single quotes: skip the next one
      if ((quote->open == '"' && c == '\\') ||
          (quote->open == '\'' && c == '\'' && i + 1 < t.size() && t[i + 1] == '\'')) {
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

}  // namespace

void report_syntax_error(const YAML::Exception& e, std::string_view text, const LineIndex& lines,
                         Diagnostics& diags) {
  const std::string& msg = e.msg;
  SourceLoc where = e.mark.is_null() ? SourceLoc{} : lines.at(e.mark.line, e.mark.column);
  std::string hint = "check indentation (spaces, not tabs) and that every '[', '{' and '\"' is closed";
  // A tab in the indentation of the line the parser stopped on: yaml-cpp
  // often reports something else (an illegal map value); say what it is.
  if (std::string_view line = lines.line(where.line); where.line > 0) {
    size_t lead = line.find_first_not_of(" \t");
    size_t tab = line.substr(0, lead).find('\t');
    if (tab != std::string_view::npos && lead != std::string_view::npos) {
      diags.error(SourceLoc{where.line, static_cast<int>(tab) + 1}, "",
                  "YAML does not allow tabs for indentation",
                  "indent with spaces (set your editor to insert spaces for the Tab key)");
      return;
    }
  }
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

}  // namespace gevinst
