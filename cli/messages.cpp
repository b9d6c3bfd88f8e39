#include "cli/messages.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "libeval/digest.h"

namespace gevinst::cli {

namespace {
bool colour() { return ::isatty(STDERR_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr; }
}  // namespace

void error(std::string_view message) { std::cerr << "gevinst: error: " << message << "\n"; }

void warning(std::string_view message) { std::cerr << "gevinst: warning: " << message << "\n"; }

void note(std::string_view message) { std::cerr << "gevinst: note: " << message << "\n"; }

void info(std::string_view message) { std::cerr << message << "\n"; }

void internal_error(std::string_view what) {
  std::cerr << "gevinst: internal error: " << what
            << "\n(this is a bug in gevinst; please report it with the input)\n";
}

std::string_view Sources::of(const std::string& file) const {
  auto it = texts_.find(file);
  return it == texts_.end() ? std::string_view() : std::string_view(it->second);
}

std::vector<Provenance::File> Sources::files() const {
  std::vector<Provenance::File> out;
  out.reserve(texts_.size());
  for (const auto& [path, text] : texts_) out.push_back({path, sha256_hex(text)});
  return out;
}

void Sources::add(const CaseFile& f) {
  add(f.path, f.source);
  if (f.actuals) {
    if (!f.actuals->case_source.empty())
      for (const auto& d : f.diags)
        if (d.file != f.path) {
          add(d.file, f.actuals->case_source);
          break;
        }
    if (f.actuals->plan) add(f.actuals->plan->file, f.actuals->case_source);
  }
  if (!f.rollout) return;
  for (const auto& d : f.diags)
    if (d.file != f.path) {
      add(d.file, f.rollout->solution_source);
      break;
    }
  if (f.rollout->solution) add(f.rollout->solution->file, f.rollout->solution_source);
}

void print_diagnostics(const std::vector<Diagnostic>& diags, std::string_view source) {
  bool c = colour();
  for (const auto& d : diags) std::cerr << format_diagnostic(d, source, c);
}

void print_diagnostics(const std::vector<Diagnostic>& diags, const Sources& sources) {
  bool c = colour();
  for (const auto& d : diags) std::cerr << format_diagnostic(d, sources.of(d.file), c);
}

Diagnostic duplicate_id_diagnostic(const std::string& id, const std::string& first, const std::string& path,
                                   SourceLoc loc, Severity severity) {
  return Diagnostic{path,
                    loc,
                    severity,
                    "case.id",
                    fmt::format("case id '{}' is also the id of {}", id, first),
                    "give each case its own id: a portfolio would fund the case twice, and --include or "
                    "--exclude by id could not tell the files apart"};
}

std::optional<LoadResult> load_case_or_report(const std::string& path, Sources& sources) {
  LoadOptions opt;
  opt.lints = false;
  LoadResult r = load_case_file(path, opt);
  if (!r.ok()) {
    print_diagnostics(r.diags.all(), r.source);
    return std::nullopt;
  }
  sources.add(r.diags.file(), r.source);
  return r;
}

}  // namespace gevinst::cli
