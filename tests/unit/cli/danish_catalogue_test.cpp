// The Danish catalogue (cli/render/po/da.po, embedded at build time) covers
// every message id the code looks up: each literal passed to Style::tr,
// Style::trf or Style::trc in cli/, and each pattern of a phrase() the
// library writes in libeval/ (libeval/phrase.h), must have a Danish
// translation, with the same {} fields.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "../support.h"
#include "cli/render/catalogue.h"

using namespace gevinst::cli;

namespace {

// The message ids in the code, with their context (empty for none): string
// literals (adjacent ones joined) right after tr(, trf( or phrase(, or after
// trc("CONTEXT", ; outside // comments.
std::set<std::pair<std::string, std::string>> used_ids() {
  std::set<std::pair<std::string, std::string>> ids;
  const std::regex call(R"re(\b(?:trf?\(|phrase\(|trc\(\s*"([^"\\]*)"\s*,)\s*((?:"(?:[^"\\]|\\.)*"\s*)+))re");
  const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
  for (const char* dir : {"/cli", "/libeval"})
    for (const auto& e :
         std::filesystem::recursive_directory_iterator(std::string(GEVINST_SOURCE_DIR) + dir)) {
      const auto ext = e.path().extension();
      if (ext != ".cpp" && ext != ".h") continue;
      std::string text;
      std::istringstream lines(gevinst::test::read_file(e.path()));
      for (std::string line; std::getline(lines, line);) {
        auto first = line.find_first_not_of(' ');
        if (first != std::string::npos && line.compare(first, 2, "//") == 0) continue;
        text += line + "\n";
      }
      for (auto m = std::sregex_iterator(text.begin(), text.end(), call); m != std::sregex_iterator(); ++m) {
        std::string lits = (*m)[2].str(), id;
        for (auto l = std::sregex_iterator(lits.begin(), lits.end(), literal); l != std::sregex_iterator();
             ++l)
          id += (*l)[1].str();
        ids.emplace((*m)[1].str(), id);
      }
    }
  return ids;
}

size_t fields(std::string_view s) {
  size_t n = 0;
  for (size_t i = s.find('{'); i != std::string_view::npos; i = s.find('{', i + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("Danish catalogue: every message id used in cli/ and libeval/ has a translation") {
  const Catalogue& da = Catalogue::danish();
  const auto ids = used_ids();
  REQUIRE(ids.size() > 100);  // the scan found the report's and evaluate's labels
  const auto translated = da.ids();
  for (const auto& entry : ids) {
    const std::string& context = entry.first;  // not a structured binding: CAPTURE captures it
    const std::string& id = entry.second;
    CAPTURE(context);
    CAPTURE(id);
    // Escapes in the C++ literal ("\n") would differ from the PO text; the ids use none.
    CHECK(id.find('\\') == std::string::npos);
    const std::string key = context.empty() ? id : Catalogue::key(context, id);
    CHECK(std::binary_search(translated.begin(), translated.end(), key));
    CHECK(fields(context.empty() ? da.lookup(id) : da.lookup(context, id)) == fields(id));
  }
}

TEST_CASE("Danish catalogue: the domain words") {
  Style st{NumberLocale::da, &catalogue(Language::da)};
  CHECK(st.tr("NPV") == "Nutidsværdi");
  CHECK(st.tr("FTE") == "Årsværk");
  CHECK(st.tr("Capacity release") == "Kapacitetsfrigørelse");
  CHECK(st.tr("Payback, years (year)") == "Tilbagebetalingstid, år (årstal)");
  CHECK(st.trf("NPV ({})", "DKK") == "Nutidsværdi (DKK)");
  CHECK(st.tr("Deadweight") == "Dødvægt");
  CHECK(st.tr("Break-even") == "Nulpunktsværdi");
  CHECK(st.tr("Principal") == "Afdrag");
  CHECK(st.trc("loan amount", "Principal") == "Hovedstol");
  CHECK(st.tr("Outstanding") == "Restgæld");
  CHECK(&catalogue(Language::en) == &Catalogue::english());
  CHECK(embedded_po(Language::en).empty());
}
