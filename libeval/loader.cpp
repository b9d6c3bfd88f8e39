#include "libeval/loader.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "libeval/detail/lint.h"
#include "libeval/detail/load_internal.h"

namespace gevinst {

namespace {

// Reads at most max_bytes + 1 bytes, so a stream without a size (standard
// input, a pipe, /dev/zero) cannot exhaust memory before the limit is seen.
bool read_limited(std::istream& in, size_t max_bytes, std::string& out) {
  char buf[65536];
  while (in && out.size() <= max_bytes) {
    in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, max_bytes + 1 - out.size())));
    out.append(buf, static_cast<size_t>(in.gcount()));
  }
  return out.size() <= max_bytes;
}

void too_large(Diagnostics& diags, const std::string& size, size_t max_bytes) {
  diags.error({1, 1}, "", fmt::format("file is {} bytes; the limit is {} bytes", size, max_bytes),
              "a case file is a few kilobytes; is this the right file?");
}

}  // namespace

std::optional<std::string> read_file_text(const std::string& path, Diagnostics& diags, size_t max_bytes) {
  std::string out;
  if (path == "-") {
    if (!read_limited(std::cin, max_bytes, out)) {
      too_large(diags, fmt::format("more than {}", max_bytes), max_bytes);
      return std::nullopt;
    }
    return out;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    diags.error({}, "", fmt::format("cannot open file: {}", std::strerror(errno)), "check the path");
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    diags.error({}, "", "is a directory, not a case file", "give the path of a .yaml file");
    return std::nullopt;
  }
  if (static_cast<size_t>(st.st_size) > max_bytes) {
    too_large(diags, std::to_string(st.st_size), max_bytes);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({}, "", fmt::format("cannot open file: {}", std::strerror(errno)),
                "check the path and permissions");
    return std::nullopt;
  }
  // A device or FIFO reports no size to stat; the limit still holds.
  if (!read_limited(in, max_bytes, out)) {
    too_large(diags, fmt::format("more than {}", max_bytes), max_bytes);
    return std::nullopt;
  }
  return out;
}

namespace {
DocumentKind kind_of_format(std::string_view v) {
  if (v.starts_with("gevinst-rollout/1")) return DocumentKind::rollout_v1;
  if (v.starts_with("gevinst-actuals/1")) return DocumentKind::actuals_v1;
  if (v.starts_with("gevinst-portfolio/1")) return DocumentKind::portfolio_v1;
  if (v.starts_with("gevinst/1")) return DocumentKind::case_v1;
  return DocumentKind::unknown;
}
}  // namespace

DocumentKind sniff_document_kind(std::string_view text) {
  // Looks for a top-level "format:" line; the full loader reports anything odd.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (line.starts_with("format:")) {
      std::string_view v = line.substr(7);
      while (!v.empty() && (v.front() == ' ' || v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
      return kind_of_format(v);
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  // Not on a line of its own (a flow mapping, "format" quoted): parse it.
  Diagnostics ignored;
  auto doc = parse_yaml(text, ignored);
  if (!doc || !doc->root->is_mapping()) return DocumentKind::unknown;
  const YNode* f = doc->root->find("format");
  if (!f || !f->is_scalar()) return DocumentKind::unknown;
  return f->value == "gevinst-rollout/1"     ? DocumentKind::rollout_v1
         : f->value == "gevinst-actuals/1"   ? DocumentKind::actuals_v1
         : f->value == "gevinst-portfolio/1" ? DocumentKind::portfolio_v1
         : f->value == "gevinst/1"           ? DocumentKind::case_v1
                                             : DocumentKind::unknown;
}

namespace {

// Checks `format:`; returns false when the document is not of `want`.
bool check_format(Reader& r, const YNode* root, std::string_view want) {
  const YNode* f = root->find("format");
  if (!f) {
    r.error(root, "format", "missing required key 'format'",
            fmt::format("the first line of a case file is 'format: {}'", want));
    return true;  // keep going: the rest may still be a case
  }
  if (!f->is_scalar() || f->value != want) {
    std::string got = f->is_scalar() ? f->value : std::string(f->describe());
    std::string hint = got.starts_with("gevinst/") || got.starts_with("gevinst-rollout/") ||
                               got.starts_with("gevinst-actuals/")
                           ? "this version of gevinst reads gevinst/1 cases, gevinst-rollout/1 rollouts and "
                             "gevinst-actuals/1 actuals"
                           : fmt::format("write 'format: {}'", want);
    r.error(f, "format", fmt::format("unsupported format '{}'", got), hint);
    return false;
  }
  return true;
}

}  // namespace

LoadResult load_case_text(std::string_view text, const std::string& file, const LoadOptions& opt) {
  LoadResult res{std::nullopt, Diagnostics(file), {}};
  auto doc = parse_yaml(text, res.diags, opt.limits);
  if (!doc) {
    res.source = displayable_text(text, opt.limits);  // for the source line under a syntax error
    return res;
  }
  res.source = doc->text;
  Reader r(res.diags, res.source);
  const YNode* root = doc->root;
  if (!root->is_mapping()) {
    r.error(root, "", fmt::format("a case file is a mapping of sections, got {}", root->describe()),
            "start with 'format: gevinst/1', then sections such as 'case:' and 'assumptions:'");
    return res;
  }
  if (const YNode* f = root->find("format"); f && f->is_scalar() && f->value == "gevinst-rollout/1") {
    r.error(f, "format", "this is a rollout file, not a case",
            "load it as a rollout, or give the solution case it names");
    return res;
  }
  if (const YNode* f = root->find("format"); f && f->is_scalar() && f->value == "gevinst-actuals/1") {
    r.error(f, "format", "this is an actuals file, not a case",
            "give it to 'gevinst track', or give the plan case it names");
    return res;
  }
  if (!check_format(r, root, "gevinst/1")) return res;
  Case c;
  c.file = file;
  c.format = "gevinst/1";
  try {
    load_case_document(r, root, c);
    check_loaded_case(r, root, c, opt);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics) res.diags.add(d);
  }
  res.diags.sort();
  res.diags.note_dropped();
  if (!res.diags.has_errors()) res.model = std::move(c);
  return res;
}

LoadResult load_case_file(const std::string& path, const LoadOptions& opt) {
  std::string name = path == "-" ? "<stdin>" : path;
  Diagnostics d(name);
  auto text = read_file_text(path, d, opt.limits.max_bytes);
  if (!text) return {std::nullopt, std::move(d), {}};
  return load_case_text(*text, name, opt);
}

std::optional<Number> compile_number(const Case& c, std::string_view text, const std::string& what,
                                     Diagnostics& diags) {
  std::vector<std::string> names;
  for (const auto& p : c.parameters) names.push_back(p.name);
  Reader r(diags, text);
  r.set_parameters(names);
  Number n;
  n.text = std::string(text);
  n.yaml_path = what;
  n.present = true;
  bool overflow = false;
  if (auto v = parse_number(text, &overflow); v && !overflow) {
    n.program = Program::constant(*v);
    return n;
  }
  auto prog = r.compile(text, {}, what);
  if (!prog) return std::nullopt;
  n.program = std::move(*prog);
  return n;
}

}  // namespace gevinst
