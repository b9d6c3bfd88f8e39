#include "cli/render/junit.h"

#include <fmt/format.h>

namespace gevinst::cli {

namespace {

// XML 1.0 text: markup characters as entities; control characters XML does
// not allow (all but tab, line feed, carriage return) shown as \xNN.
std::string xml_escape(std::string_view s) {
  std::string o;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&apos;"; break;
      default:
        if ((c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || c == 0x7f)
          o += fmt::format("\\x{:02X}", c);
        else
          o += ch;
    }
  }
  return o;
}

const char* element(JUnitProblem::Kind k) {
  switch (k) {
    case JUnitProblem::Kind::error: return "error";
    case JUnitProblem::Kind::skipped: return "skipped";
    case JUnitProblem::Kind::failure: break;
  }
  return "failure";
}

struct Counts {
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  void add(const JUnitCase& c) {
    ++tests;
    bool f = false, e = false, s = false;
    for (const auto& p : c.problems) {
      f |= p.kind == JUnitProblem::Kind::failure;
      e |= p.kind == JUnitProblem::Kind::error;
      s |= p.kind == JUnitProblem::Kind::skipped;
    }
    // A case counts once: an error outranks a failure, which outranks a skip.
    errors += e;
    failures += f && !e;
    skipped += s && !f && !e;
  }
};

}  // namespace

std::string render_junit(const JUnitReport& r) {
  Counts all;
  std::string body;
  for (const auto& suite : r.suites) {
    Counts n;
    std::string cases;
    for (const auto& c : suite.cases) {
      n.add(c);
      all.add(c);
      cases += fmt::format("    <testcase name=\"{}\" classname=\"{}\"", xml_escape(c.name),
                           xml_escape(c.classname));
      if (c.problems.empty() && c.system_out.empty()) {
        cases += "/>\n";
        continue;
      }
      cases += ">\n";
      for (const auto& p : c.problems) {
        cases += fmt::format("      <{} message=\"{}\"", element(p.kind), xml_escape(p.message));
        if (!p.type.empty() && p.kind != JUnitProblem::Kind::skipped)
          cases += fmt::format(" type=\"{}\"", xml_escape(p.type));
        if (p.text.empty())
          cases += "/>\n";
        else
          cases += fmt::format(">{}</{}>\n", xml_escape(p.text), element(p.kind));
      }
      if (!c.system_out.empty())
        cases += fmt::format("      <system-out>{}</system-out>\n", xml_escape(c.system_out));
      cases += "    </testcase>\n";
    }
    body += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n{}  "
        "</testsuite>\n",
        xml_escape(suite.name), n.tests, n.failures, n.errors, n.skipped, cases);
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
      xml_escape(r.name), all.tests, all.failures, all.errors, body);
}

JUnitProblem junit_problem(const Diagnostic& d, const std::string& file, std::string_view source,
                           JUnitProblem::Kind kind) {
  JUnitProblem p;
  p.kind = kind;
  p.type = std::string(severity_name(d.severity));
  std::string f = d.file.empty() ? file : d.file;
  std::string where = d.loc.line > 0 ? fmt::format("{}:{}:{}", f, d.loc.line, d.loc.column) : f;
  p.message = fmt::format("{}: {}{}", where, printable(d.message),
                          d.yaml_path.empty() ? "" : fmt::format(" (at {})", printable(d.yaml_path)));
  Diagnostic located = d;
  located.file = f;
  p.text = format_diagnostic(located, source, false);
  return p;
}

}  // namespace gevinst::cli
