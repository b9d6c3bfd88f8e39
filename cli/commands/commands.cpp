#include "cli/commands/commands.h"

#include "cli/output.h"
#include "cli/render/document.h"

namespace gevinst::cli {

int run_on_case(Session& s, const CaseOptions& c, const OutputOptions& out,
                const std::function<Document(const Case&)>& describe) {
  auto loaded = load_case_or_report(c.path, s.sources);
  if (!loaded) return Exit::invalid;
  return emit(out, describe(*loaded->model));
}

}  // namespace gevinst::cli
