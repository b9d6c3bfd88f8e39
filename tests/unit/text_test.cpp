#include "libeval/text.h"

#include <fmt/format.h>

#include "libeval/phrase.h"
#include "support.h"

using gevinst::grouped;
using gevinst::money;

TEST_CASE("grouped: whole numbers with ',' between thousands") {
  CHECK(grouped(0) == "0");
  CHECK(grouped(999) == "999");
  CHECK(grouped(1000) == "1,000");
  CHECK(grouped(1234567.8) == "1,234,568");
  CHECK(grouped(-1234.4) == "\u22121,234");
  CHECK(grouped(-0.4) == "0");  // a rounded zero has no sign
}

TEST_CASE("money: kr. for DKK, millions with one decimal") {
  CHECK(money(45000, "DKK") == "45,000 kr.");
  CHECK(money(-1234567, "DKK") == "\u22121.2 mio. kr.");
  CHECK(money(2.5e6, "EUR") == "2.5 mio. EUR");
  CHECK(money(999999, "DKK") == "999,999 kr.");
}

// libeval/phrase.h: a sentence kept as its pattern and typed arguments.
using gevinst::Phrase;
using gevinst::phrase;
namespace arg = gevinst::arg;

TEST_CASE("phrase: the English text is the pattern with libeval's numbers") {
  const Phrase p = phrase("{} loses {} ({} %) from {}", {arg::text("Region H"), arg::money(5.2e6, "DKK"),
                                                         arg::fixed(63.4), arg::year(2031)});
  CHECK(p.pattern == "{} loses {} ({} %) from {}");
  CHECK(p.text() == "Region H loses 5.2 mio. kr. (63 %) from 2031");
  CHECK(phrase("{} of {}", {arg::fixed(0.254, 2), arg::grouped(1234567)}).text() == "0.25 of 1,234,567");
  // A nested phrase is filled in, and braces written twice stay braces.
  const Phrase n =
      phrase("out of pocket in the first {} {{budget}}", {arg::phrase(phrase("{} years", {arg::fixed(3)}))});
  CHECK(n.text() == "out of pocket in the first 3 years {budget}");
  CHECK(gevinst::texts({p, n}) == std::vector<std::string>{p.text(), n.text()});
}

TEST_CASE("phrase: render translates the pattern and each nested pattern") {
  const Phrase p = phrase("{} is out of pocket in the first {}",
                          {arg::text("Region H"), arg::phrase(phrase("{} years", {arg::fixed(2)}))});
  auto words = [](const std::string& id) -> std::string {
    if (id == "{} is out of pocket in the first {}") return "{} har udgifter de første {}";
    if (id == "{} years") return "{} år";
    return id;
  };
  auto number = [](const gevinst::PhraseArg& a) { return fmt::format("<{}>", a.value); };
  CHECK(p.render(words, number) == "Region H har udgifter de første <2> år");
  // Fewer arguments than fields leaves the rest empty; more are ignored.
  CHECK(gevinst::fill_pattern("{} and {}", {"a"}) == "a and ");
  CHECK(gevinst::fill_pattern("{}", {"a", "b"}) == "a");
}

TEST_CASE("arg::general: the decimals fmt's {:g} shows, as a fixed field") {
  // The English text is what fmt::format("{:g}") writes (fmt's documentation).
  CHECK(phrase("{}", {arg::general(0.25)}).text() == "0.25");
  CHECK(phrase("{}", {arg::general(2.0)}).text() == "2");
  CHECK(phrase("{}", {arg::general(1200)}).text() == "1200");
  CHECK(phrase("{}", {arg::general(12.345678, 3)}).text() == "12.3");
  CHECK(phrase("{}", {arg::general(1234.5678, 3)}).text() == "1.23e+03");  // as {:.3g}
  CHECK(arg::general(0.25).kind == gevinst::PhraseArg::Kind::fixed);
  CHECK(arg::general(0.25).decimals == 2);
  // An exponent stays the English text.
  CHECK(arg::general(1e-7).kind == gevinst::PhraseArg::Kind::text);
  CHECK(phrase("{}", {arg::general(1e-7)}).text() == "1e-07");
}
