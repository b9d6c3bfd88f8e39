#include "cli/complete.h"

#include <algorithm>

#include "cli/man.h"
#include "libeval/loader.h"

namespace gevinst::cli {

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// The values an option lists in its help: a validator described as
// "{a,b,c}" (the enum options and CLI::IsMember).
std::vector<std::string> listed_values(CLI::Option& opt) {
  for (int i = 0;; ++i) {
    const CLI::Validator* v = nullptr;
    try {
      v = opt.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return {};
    }
    const std::string d = v->get_description();
    if (d.size() < 2 || d.front() != '{' || d.back() != '}') continue;
    std::vector<std::string> values;
    std::string item;
    for (char ch : d.substr(1, d.size() - 2)) {
      if (ch == ',') {
        values.push_back(item);
        item.clear();
      } else {
        item += ch;
      }
    }
    values.push_back(item);
    return values;
  }
}

bool is_case_file(const std::string& word) {
  const auto dot = word.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = word.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".yaml" || ext == ".yml";
}

}  // namespace

std::vector<std::string> scenario_names(const std::string& path) {
  LoadOptions opt;
  opt.lints = false;
  const LoadResult r = load_case_file(path, opt);
  std::vector<std::string> names;
  if (r.model)
    for (const auto& s : r.model->scenarios) names.push_back(s.name);
  return names;
}

std::vector<Candidate> complete(CLI::App& root, const std::vector<std::string>& words) {
  if (words.empty()) return {};
  const std::string& cur = words.back();
  CLI::App* app = &root;
  CLI::Option* pending = nullptr;  // an option still waiting for its value
  std::vector<std::string> files;  // case files named on the line
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if (pending) {
      pending = nullptr;
      continue;
    }
    if (starts_with(w, "-") && w != "-") {
      CLI::Option* o = app->get_option_no_throw(w);
      if (o && o->get_items_expected_max() > 0) pending = o;  // not a flag
      continue;
    }
    if (app == &root) {
      for (CLI::App* sub : root.get_subcommands([](CLI::App*) { return true; }))
        if (sub->get_name() == w) app = sub;
      continue;
    }
    if (is_case_file(w)) files.push_back(w);
  }
  std::vector<Candidate> out;
  auto add = [&](const std::string& word, const std::string& description) {
    if (starts_with(word, cur)) out.push_back({word, first_line(description)});
  };
  if (pending) {
    if (pending->check_lname("scenario")) {
      for (const auto& f : files)
        for (const auto& name : scenario_names(f)) add(name, "scenario in " + f);
      return out;
    }
    for (const auto& v : listed_values(*pending)) add(v, "");
    return out;
  }
  if (starts_with(cur, "-") && cur != "-") {
    for (const CLI::Option* o : app->get_options()) {
      for (const auto& l : o->get_lnames()) add("--" + l, o->get_description());
      for (const auto& s : o->get_snames()) add("-" + s, o->get_description());
    }
    return out;
  }
  if (app == &root)
    for (const CLI::App* s : root.get_subcommands({}))
      add(s->get_name(), command_summary(s->get_description()));
  return out;
}

}  // namespace gevinst::cli
