#include "libeval/detail/load_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gevinst {

void Reader::error(const YNode* at, const std::string& path, std::string msg, std::string hint) {
  diags_.error(at ? at->loc : SourceLoc{}, path, std::move(msg), std::move(hint));
}

void Reader::warning(const YNode* at, const std::string& path, Phrase msg, Phrase hint) {
  diags_.warning(at ? at->loc : SourceLoc{}, path, std::move(msg), std::move(hint));
}

// An absent node (n == nullptr) is not reported: either the key is optional
// or require() has already said that it is missing.
bool Reader::expect_mapping(const YNode* n, const std::string& path, std::string_view what_hint) {
  if (!n) return false;
  if (n->is_mapping()) return true;
  error(n, path, fmt::format("expected a mapping (key: value lines), got {}", n->describe()),
        what_hint.empty() ? std::string("write 'key: value' lines indented below, or {key: value, ...}")
                          : std::string(what_hint));
  return false;
}

bool Reader::expect_sequence(const YNode* n, const std::string& path, std::string_view what_hint) {
  if (!n) return false;
  if (n->is_sequence()) return true;
  error(
      n, path, fmt::format("expected a list ('- ' items), got {}", n->describe()),
      what_hint.empty() ? std::string("write '- ' items indented below, or [a, b]") : std::string(what_hint));
  return false;
}

void Reader::check_keys(const YNode* m, const std::string& path,
                        std::initializer_list<std::string_view> allowed) {
  std::vector<std::string> v(allowed.begin(), allowed.end());
  check_keys(m, path, v);
}

void Reader::check_keys(const YNode* m, const std::string& path, const std::vector<std::string>& allowed) {
  if (!m || !m->is_mapping()) return;
  auto digits = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  for (size_t i = 0; i < m->entries.size(); ++i) {
    const YNode* k = m->entries[i].first;
    if (std::find(allowed.begin(), allowed.end(), k->value) != allowed.end()) continue;
    // {value: 0,3}: a Danish decimal comma splits one number into an entry
    // and a key '3' (docs/case-format.md, "Numbers").
    const YNode* before = i > 0 ? m->entries[i - 1].second : nullptr;
    if (digits(k->value) && before && before->is_scalar() && !before->value.empty() &&
        digits(before->value.substr(before->value[0] == '-' ? 1 : 0))) {
      diags_.error(k->loc, key_path(path, k->value),
                   fmt::format("'{},{}' is read as the number {} and a key '{}'", before->value, k->value,
                               before->value, k->value),
                   fmt::format("the decimal mark is a point, not a comma: write {}.{}; inside {{ }} a comma "
                               "separates entries",
                               before->value, k->value));
      continue;
    }
    std::string guess = did_you_mean(k->value, allowed);
    if (!guess.empty() && !m->find(guess)) suggested_.emplace(m, guess);
    std::string hint = guess.empty() ? fmt::format("allowed keys here: {}", fmt::join(allowed, ", "))
                                     : fmt::format("did you mean '{}'?", guess);
    diags_.error(k->loc, key_path(path, shorten(k->value, 40)),
                 fmt::format("unknown key '{}'", shorten(k->value, 40)), hint);
  }
}

const YNode* Reader::require(const YNode* m, const std::string& path, std::string_view key,
                             std::string_view hint) {
  const YNode* v = m ? m->find(key) : nullptr;
  if (!v) {
    // "valeu: 1200" is already reported as an unknown key with "did you mean
    // 'value'?"; saying that 'value' is missing too would be noise.
    if (suggested_.count({m, std::string(key)})) return nullptr;
    error(m, path.empty() ? std::string(key) : path, fmt::format("missing required key '{}'", key),
          hint.empty() ? fmt::format("add '{}: ...'", key) : std::string(hint));
    return nullptr;
  }
  return v;
}

std::optional<std::string> Reader::text(const YNode* n, const std::string& path) {
  if (!n) return std::nullopt;
  if (!n->is_scalar()) {
    error(n, path, fmt::format("expected text, got {}", n->describe()),
          "write a single value; quote it if it contains ': ' or starts with '['");
    return std::nullopt;
  }
  return n->value;
}

std::optional<int> Reader::integer(const YNode* n, const std::string& path, std::string_view what, bool key) {
  if (!n) return std::nullopt;
  if (!n->is_scalar()) {
    error(n, path, fmt::format("expected {}, got {}", what, n->describe()), "write a literal whole number");
    return std::nullopt;
  }
  bool overflow = false;
  auto v = parse_number(n->value, &overflow);
  if (v && !overflow && *v == std::floor(*v) && std::fabs(*v) > 1e9) {
    error(n, path, fmt::format("expected {}, got '{}', which is far too large", what, shorten(n->value, 40)),
          "write a literal whole number");
    return std::nullopt;
  }
  if (!v || overflow || *v != std::floor(*v)) {
    std::string hint =
        "structural integers (years, horizon, term, ...) must be literal whole numbers, not expressions";
    error(n, path, fmt::format("expected {}, got '{}'", what, shorten(n->value)), hint);
    return std::nullopt;
  }
  // Literal means written as digits, without a leading zero (YAML 1.1 reads
  // 02027 as octal): not 2.0 or 2e3, and not quoted ("2027" is text), except
  // as a mapping key (years in amounts, profile, adoption), where JSON and
  // YAML writers quote keys as a matter of course.
  const std::string& t = n->value;
  const size_t sign = !t.empty() && (t[0] == '-' || t[0] == '+') ? 1 : 0;
  const bool digits = t.size() > sign && t.find_first_not_of("0123456789", sign) == std::string::npos &&
                      !(t[sign] == '0' && t.size() > sign + 1);
  if ((!n->plain && !key) || !digits) {
    error(n, path,
          fmt::format("expected {} written as digits, got {}", what,
                      n->plain ? fmt::format("'{}'", shorten(t, 40))
                               : fmt::format("the quoted text \"{}\"", shorten(t, 40))),
          fmt::format("write {} without quotes, decimals or leading zeros", static_cast<long long>(*v)));
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<bool> Reader::boolean(const YNode* n, const std::string& path) {
  if (!n) return std::nullopt;
  if (n->is_scalar() && n->plain) {
    const std::string& s = n->value;
    if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "Yes") return true;
    if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "No") return false;
  }
  const std::string got =
      n->is_scalar() ? fmt::format("'{}'", shorten(n->value, 40)) : std::string(n->describe());
  error(n, path, fmt::format("expected true or false, got {}", got), "write true or false");
  return std::nullopt;
}

std::optional<int> Reader::year(const YNode* n, const std::string& path, int first, int last, bool key) {
  auto y = integer(n, path, "a calendar year", key);
  if (!y) return std::nullopt;
  if (*y < first || *y > last) {
    error(n, path, fmt::format("year {} is outside the horizon {}..{}", *y, first, last),
          "move the year inside the horizon or extend assumptions.horizon");
    return std::nullopt;
  }
  return y;
}

std::optional<std::string> Reader::id(const YNode* n, const std::string& path) {
  auto s = text(n, path);
  if (!s) return std::nullopt;
  bool ok = !s->empty() && s->size() <= 100 &&
            ((s->front() >= 'a' && s->front() <= 'z') || (s->front() >= '0' && s->front() <= '9'));
  for (char c : *s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) ok = false;
  if (!ok) {
    std::string fixed;
    for (char c : *s) {
      if (c >= 'A' && c <= 'Z')
        fixed += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')
        fixed += c;
      else if (c == ' ')
        fixed += '-';
    }
    // The suggestion must itself be valid: it starts with a letter or digit.
    fixed.erase(0, fixed.find_first_not_of("-_"));
    if (fixed.size() > 100) fixed.resize(100);
    error(n, path, fmt::format("invalid id '{}'", shorten(*s, 40)),
          fmt::format("ids use lower-case letters, digits, '-' and '_' and start with a letter or digit{}",
                      fixed.empty() ? "" : fmt::format(", e.g. '{}'", fixed)));
    return std::nullopt;
  }
  return s;
}

std::optional<int> Reader::choice(const YNode* n, const std::string& path,
                                  const std::vector<std::string>& names) {
  auto s = text(n, path);
  if (!s) return std::nullopt;
  auto it = std::find(names.begin(), names.end(), *s);
  if (it != names.end()) return static_cast<int>(it - names.begin());
  std::string guess = did_you_mean(*s, names);
  error(n, path, fmt::format("'{}' is not one of {}", shorten(*s, 40), fmt::join(names, ", ")),
        guess.empty() ? "write one of the listed names" : fmt::format("did you mean '{}'?", guess));
  return std::nullopt;
}

namespace {
// Byte index in `line` of 1-based code-point column `col` (npos past the end).
size_t byte_index(std::string_view line, int col) {
  int c = 1;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (c == col) return i;
    ++c;
  }
  return std::string_view::npos;
}

int code_points(std::string_view s) {
  return static_cast<int>(std::count_if(
      s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}
}  // namespace

std::string file_positions(std::string message, std::string_view text, SourceLoc loc, bool exact) {
  static constexpr std::string_view kAt = "at offset ";
  size_t p = message.find(kAt);
  if (p == std::string::npos) return message;
  size_t end = p + kAt.size();
  size_t offset = 0;
  while (end < message.size() && message[end] >= '0' && message[end] <= '9')
    offset = offset * 10 + (message[end++] - '0');
  int chars = code_points(text.substr(0, std::min(offset, text.size())));
  std::string where = exact && loc.line > 0 ? fmt::format("at column {}", loc.column + chars)
                                            : fmt::format("at character {}", chars + 1);
  return message.replace(p, end - p, where);
}

std::string shorten(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep characters whole
  return std::string(text.substr(0, cut)) + "...";
}

void Reader::set_parameters(std::vector<std::string> names) {
  params_ = std::move(names);
  slots_.clear();
  for (size_t i = 0; i < params_.size(); ++i) slots_.emplace(params_[i], static_cast<int>(i));
}

std::string_view Reader::line(int l) {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < source_.size(); ++i)
      if (source_[i] == '\n') line_starts_.push_back(i + 1);
  }
  if (l < 1 || static_cast<size_t>(l) > line_starts_.size()) return {};
  size_t begin = line_starts_[l - 1];
  size_t end = static_cast<size_t>(l) < line_starts_.size() ? line_starts_[l] - 1 : source_.size();
  std::string_view s = source_.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

int Reader::value_column(const YNode* n) {
  std::string_view line = this->line(n->loc.line);
  int col = n->loc.column;
  size_t i = byte_index(line, col);
  if (i != std::string_view::npos && (line[i] == '"' || line[i] == '\'')) return col + 1;
  return col;
}

std::optional<SourceLoc> Reader::exact_value_loc(const YNode* n) {
  if (!n || !n->is_scalar()) return std::nullopt;
  SourceLoc at{n->loc.line, value_column(n)};
  std::string_view line = this->line(at.line);
  size_t i = byte_index(line, at.column);
  if (i == std::string_view::npos || line.substr(i, n->value.size()) != n->value) return std::nullopt;
  return at;
}

std::optional<Program> Reader::compile(std::string_view text, SourceLoc loc, const std::string& path,
                                       bool exact) {
  NameResolver resolve = [this](std::string_view name, bool dollar) -> std::optional<int> {
    if (!dollar) return std::nullopt;
    auto it = slots_.find(std::string(name));
    if (it == slots_.end()) return std::nullopt;
    return it->second;
  };
  CompileResult r = compile_expression(text, resolve);
  if (r.program) return std::move(*r.program);
  const ExprError& e = *r.error;
  std::string hint = e.hint;
  if (!e.name.empty()) {
    std::string guess = did_you_mean(e.name, params_);
    if (!guess.empty())
      hint = fmt::format("did you mean '${}'?", guess);
    else if (params_.empty())
      hint = "the case defines no parameters; add it under 'parameters:'";
    else if (hint.empty())
      hint = fmt::format("define it under 'parameters:' (defined: {})", fmt::join(params_, ", "));
  }
  // The error offset is in bytes of `text`; columns count characters.
  if (hint.empty())
    hint = e.message.starts_with("division by zero") ? "the divisor is 0; check the expression"
           : e.message.starts_with("expected ')'")
               ? "add the missing ')'"
               : "expressions use numbers, $parameters, + - * / ^, ( ), comparisons, min, max and if";
  SourceLoc at = loc;
  if (exact && loc.line > 0) at.column += code_points(text.substr(0, std::min(e.offset, text.size())));
  diags_.error(
      at, path,
      fmt::format("{} in expression \"{}\"", file_positions(e.message, text, loc, exact), shorten(text)),
      hint);
  return std::nullopt;
}

Number Reader::number(const YNode* n, const std::string& path, Constraint c) {
  Number out;
  out.yaml_path = path;
  out.constraint = c;
  out.program = Program::constant(0.0);
  if (!n) return out;
  out.loc = n->loc;
  out.present = true;
  if (!n->is_scalar()) {
    error(n, path, fmt::format("expected a number or an expression, got {}", n->describe()),
          "write a number (1200, 0.35, 2.4e6) or an expression in quotes (\"$patients * 12\")");
    return out;
  }
  out.text = n->value;
  const std::string& s = n->value;
  bool overflow = false;
  if (auto v = parse_number(s, &overflow); v && !overflow) {
    out.program = Program::constant(*v);
  } else if (overflow) {
    error(n, path, fmt::format("number '{}' is too large", shorten(s)),
          "numbers must be finite; check the exponent");
    return out;
  } else {
    std::string lower;
    for (char ch : s) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (lower == ".inf" || lower == "-.inf" || lower == "+.inf" || lower == ".nan" || lower == "inf" ||
        lower == "-inf" || lower == "nan" || lower == "infinity") {
      error(n, path, fmt::format("'{}' is not a finite number", s),
            "numbers must be finite: write the value itself");
      return out;
    }
    if (n->plain && (lower == "true" || lower == "false" || lower == "yes" || lower == "no")) {
      error(n, path, fmt::format("expected a number, got the boolean '{}'", s), "write a number such as 150");
      return out;
    }
    if (s.find('%') != std::string::npos) {
      error(n, path, fmt::format("'{}' is not a number", shorten(s)),
            "shares and rates are fractions: write 0.35, not 35 %");
      return out;
    }
    // Point into the expression when the source shows the value verbatim
    // (not for escapes or a value folded over several lines).
    auto exact = exact_value_loc(n);
    auto prog = compile(s, exact ? *exact : n->loc, path, exact.has_value());
    if (!prog) return out;
    out.program = std::move(*prog);
  }
  pending_.push_back({out, c});
  return out;
}

}  // namespace gevinst
