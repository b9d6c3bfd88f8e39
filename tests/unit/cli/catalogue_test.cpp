// The message catalogue: PO text in, translations out, English as the id.
#include "cli/render/catalogue.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace gevinst::cli;

TEST_CASE("Catalogue::english: every message is its own id") {
  CHECK(Catalogue::english().lookup("NPV") == "NPV");
  CHECK(Catalogue::english().size() == 0);
  Style s;
  CHECK(s.tr("Notes") == "Notes");
  CHECK(s.trf("Year by year ({})", "DKK") == "Year by year (DKK)");
}

TEST_CASE("Catalogue::from_po: entries, continued strings, escapes, fuzzy and empty msgstr") {
  const char* po =
      "# Danish\n"
      "msgid \"\"\n"
      "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "#: cli/render/business_case.cpp\n"
      "msgid \"NPV\"\n"
      "msgstr \"Nutidsværdi\"\n"
      "\n"
      "msgid \"Year by year ({})\"\n"
      "msgstr \"\"\n"
      "\"År for år \"\n"
      "\"({})\"\n"
      "\n"
      "msgid \"a \\\"quoted\\\" word\"\n"
      "msgstr \"et \\\"citeret\\\" ord\"\n"
      "\n"
      "#, fuzzy\n"
      "msgid \"Notes\"\n"
      "msgstr \"Noter\"\n"
      "\n"
      "msgid \"Untranslated\"\n"
      "msgstr \"\"\n"
      "\n"
      "#, fuzzy\n"
      "msgid \"Result\"\n"
      "msgstr \"Resultat?\"\n"
      "msgid \"Value\"\n"
      "msgstr \"Værdi\"\n";
  Catalogue c = Catalogue::from_po(po);
  CHECK(c.size() == 4);
  CHECK(c.lookup("NPV") == "Nutidsværdi");
  CHECK(c.lookup("Year by year ({})") == "År for år ({})");
  CHECK(c.lookup("a \"quoted\" word") == "et \"citeret\" ord");
  CHECK(c.lookup("Notes") == "Notes");  // fuzzy: not trusted
  CHECK(c.lookup("Untranslated") == "Untranslated");
  CHECK(c.lookup("Result") == "Result");  // fuzzy
  CHECK(c.lookup("Value") == "Værdi");    // the entry after a fuzzy one is not fuzzy
  Style da{NumberLocale::da, &c};
  CHECK(da.trf("Year by year ({})", "DKK") == "År for år (DKK)");
  CHECK(da.number(1234.5, 1) == "1.234,5");
}

TEST_CASE("Catalogue::from_po: msgctxt tells one id's two meanings apart") {
  const char* po =
      "msgid \"Principal\"\n"
      "msgstr \"Afdrag\"\n"
      "\n"
      "#, fuzzy\n"
      "msgctxt \"loan amount\"\n"
      "msgid \"Interest\"\n"
      "msgstr \"Renter\"\n"
      "\n"
      "msgctxt \"loan \"\n"
      "\"amount\"\n"
      "msgid \"Principal\"\n"
      "msgstr \"Hovedstol\"\n";
  Catalogue c = Catalogue::from_po(po);
  CHECK(c.size() == 2);
  Style da{NumberLocale::da, &c};
  CHECK(da.tr("Principal") == "Afdrag");
  CHECK(da.trc("loan amount", "Principal") == "Hovedstol");
  CHECK(da.trc("loan amount", "Interest") == "Interest");  // fuzzy: not trusted
  CHECK(da.trc("other", "Principal") == "Principal");      // no entry in that context
  CHECK(da.tr("Interest") == "Interest");
  CHECK(Style{}.trc("loan amount", "Principal") == "Principal");
}

TEST_CASE("Catalogue::from_po, error handling: the line is named") {
  CHECK_THROWS_WITH_AS(Catalogue::from_po("msgid \"x\"\nmsgstr x\n"), "PO line 2: expected a quoted string",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(Catalogue::from_po("msgstr \"x\"\n"), "PO line 1: msgstr without msgid",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(Catalogue::from_po("\"x\"\n"), "PO line 1: a string outside an entry",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(Catalogue::from_po("msgid \"a\\q\"\n"), "PO line 1: unknown escape",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(Catalogue::from_po("garbage\n"),
                       "PO line 1: expected msgid, msgstr, a quoted string or a comment",
                       std::invalid_argument);
}

TEST_CASE("Catalogue::from_po, error handling: a msgid twice is an error, as for msgfmt") {
  CHECK_THROWS_WITH_AS(Catalogue::from_po("msgid \"NPV\"\nmsgstr \"Nutidsværdi\"\n\n"
                                          "msgid \"NPV\"\nmsgstr \"NNV\"\n"),
                       "PO line 4: duplicate msgid \"NPV\"", std::invalid_argument);
  // untranslated or fuzzy, the second entry is still a duplicate
  CHECK_THROWS_WITH_AS(
      Catalogue::from_po("msgid \"NPV\"\nmsgstr \"\"\n#, fuzzy\nmsgid \"NPV\"\nmsgstr \"x\"\n"),
      "PO line 4: duplicate msgid \"NPV\"", std::invalid_argument);
  // the same text in another context is not
  CHECK_NOTHROW(
      Catalogue::from_po("msgid \"NPV\"\nmsgstr \"a\"\nmsgctxt \"c\"\nmsgid \"NPV\"\nmsgstr \"b\"\n"));
}

TEST_CASE("Style::phrase: a library sentence in the style's language and numbers") {
  namespace arg = gevinst::arg;
  const gevinst::Phrase p =
      gevinst::phrase("{} loses {} in present value; {} % in {}",
                      {arg::text("Region H"), arg::money(-5.26e6, "DKK"), arg::fixed(63.4), arg::year(2031)});
  // English: the library's own text, whatever the number locale.
  CHECK(Style{}.phrase(p) == p.text());
  CHECK(Style{NumberLocale::da}.phrase(p) == p.text());
  const Catalogue da = Catalogue::from_po(
      "msgid \"{} loses {} in present value; {} % in {}\"\n"
      "msgstr \"{} taber {} i nutidsværdi; {} % i {}\"\n");
  const Style s{NumberLocale::da, &da};
  CHECK(s.phrase(p) == "Region H taber -5,3 mio. kr. i nutidsværdi; 63 % i 2031");
  CHECK(s.phrase(gevinst::phrase("{}", {arg::money(45000, "DKK")})) == "45.000 kr.");
  CHECK(s.phrase(gevinst::phrase("{}", {arg::grouped(1234567)})) == "1.234.567");
  CHECK(s.phrases({p}) == std::vector<std::string>{s.phrase(p)});
}
