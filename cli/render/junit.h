// JUnit XML for CI systems (docs/cli.md, "Output formats"): the structure
// of the widely used Ant/Jenkins JUnit schema (junit-10.xsd):
// testsuites > testsuite > testcase > failure | error | skipped | system-out.
// One test case per checked thing (a file, a rollout unit); a failure's
// message starts with FILE:LINE:COLUMN so CI links it to the line.
//
//   JUnitReport r{"gevinst validate", {{"validate", {{"cases/a.yaml", "gevinst.validate", {}, ""}}}}};
//   std::string xml = render_junit(r);
//
// A command that reports checks builds a JUnitReport (validate, batch,
// rollout, track) and sets Document::junit, or renders it itself when it
// streams.
#pragma once

#include <string>
#include <vector>

#include "libeval/diagnostics.h"

namespace gevinst::cli {

struct JUnitProblem {
  enum class Kind { failure, error, skipped };
  Kind kind = Kind::failure;
  std::string message;  ///< one line: FILE:LINE:COLUMN: MESSAGE (at PATH)
  std::string type;     ///< e.g. "error", "warning", "non-compliant"
  std::string text;     ///< the whole diagnostic (source line, caret, hint); may be empty
};

struct JUnitCase {
  std::string name;       ///< the file or unit
  std::string classname;  ///< e.g. gevinst.validate
  std::vector<JUnitProblem> problems;
  std::string system_out;  ///< warnings and notes that do not fail the case
};

struct JUnitSuite {
  std::string name;
  std::vector<JUnitCase> cases;
};

struct JUnitReport {
  std::string name;
  std::vector<JUnitSuite> suites;
};

/// The report as an XML document (UTF-8), counts filled in.
std::string render_junit(const JUnitReport& r);

/// A diagnostic as a JUnit problem: message "FILE:LINE:COLUMN: MESSAGE (at
/// PATH)" (FILE: MESSAGE without a position), the full rendering as text.
JUnitProblem junit_problem(const Diagnostic& d, const std::string& file, std::string_view source,
                           JUnitProblem::Kind kind = JUnitProblem::Kind::failure);

}  // namespace gevinst::cli
