#include "cli/common.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace gevinst::cli {

const CLI::Validator ExistingPathOrStdin(
    [](std::string& s) -> std::string {
      if (s == "-") return {};
      std::error_code ec;
      if (!std::filesystem::exists(s, ec)) return fmt::format("no such file or directory: {}", s);
      return {};
    },
    "PATH", "ExistingPathOrStdin");

void add_common_options(CLI::App* app, CommonOptions& o, const std::vector<std::string>& formats) {
  app->add_option("--format,-f", o.format, fmt::format("Output format: {}", fmt::join(formats, ", ")))
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  app->add_option("-o,--output", o.output, "Write to FILE instead of standard output (atomically)")
      ->type_name("FILE");
  app->add_option("--locale", o.locale, "Number formatting in tables: en (1,234.5) or da (1.234,5)")
      ->check(CLI::IsMember({"en", "da"}))
      ->capture_default_str();
  app->add_flag("-q,--quiet", o.quiet, "No progress bars or notes on standard error");
}

void print_diagnostics(const std::vector<Diagnostic>& diags, std::string_view source) {
  bool color = stderr_is_tty() && std::getenv("NO_COLOR") == nullptr;
  for (const auto& d : diags) std::cerr << format_diagnostic(d, source, color);
}

std::optional<LoadResult> load_case_or_report(const std::string& path) {
  LoadOptions opt;
  opt.lints = false;
  LoadResult r = load_case_file(path, opt);
  if (!r.ok()) {
    print_diagnostics(r.diags.all(), r.source);
    return std::nullopt;
  }
  return r;
}

int emit(const CommonOptions& o, const std::string& content) {
  if (auto err = write_output(o.output, content)) {
    std::cerr << "gevinst: error: " << *err << "\n";
    return Exit::invalid;
  }
  return Exit::ok;
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const InputError& e) {
    print_diagnostics(e.diagnostics, {});
    return Exit::invalid;
  }
}

}  // namespace gevinst::cli
