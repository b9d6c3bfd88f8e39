// A sentence the library writes (a note, a drafted explanation) kept as its
// English pattern and typed arguments, so that a front end can show it in
// another language: the pattern is the message id of a catalogue (the
// gettext convention: the English text is the id), the arguments are
// formatted in the reader's number style. `text()` is the English sentence,
// with numbers as libeval/text.h writes them; it is what the JSON results
// and the library's English users get.
//
//   Phrase p = phrase("{} loses {} in present value", {arg::text("Region H"), arg::money(-5.2e6, "DKK")});
//   p.text()     // "Region H loses −5.2 mio. kr. in present value"
//   p.pattern    // "{} loses {} in present value"
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gevinst {

struct Phrase;

struct PhraseArg {
  enum class Kind {
    text,     ///< words as they are (a party's name, an id)
    fixed,    ///< a number with `decimals` decimals, no thousands separator ("63", "0.25")
    grouped,  ///< a whole number with thousands separators (text.h grouped())
    money,    ///< an amount in `currency` (text.h money())
    year,     ///< a calendar year, never grouped ("2031")
    phrase,   ///< a nested phrase (e.g. "the first {} years"), translated too
  };
  Kind kind = Kind::text;
  std::string text{};  ///< text: the words; money: the currency
  double value = 0;
  int decimals = 0;
  std::shared_ptr<const Phrase> nested{};  ///< phrase: the nested phrase
};

struct Phrase {
  std::string pattern;  ///< English with {} fields, one per argument
  std::vector<PhraseArg> args;

  /// The English sentence: `pattern` with each argument in libeval's number style.
  std::string text() const;
  /// The phrase made text in another language: `words` maps a pattern to its
  /// translation (or returns it unchanged), `number` formats a non-text argument.
  template <class Words, class Number>
  std::string render(const Words& words, const Number& number) const;
};

Phrase phrase(std::string_view pattern, std::initializer_list<PhraseArg> args = {});

namespace arg {
PhraseArg text(std::string words);
PhraseArg fixed(double value, int decimals = 0);
PhraseArg grouped(double value);
/// `value` as fmt's "{:.Ng}" writes it (N = `significant`, no trailing
/// zeros), kept as a fixed field with the decimals that shows, so English
/// reads "0.25" and Danish "0,25"; where "{:g}" writes an exponent, inf or
/// nan ("1e-07"), that English text.
PhraseArg general(double value, int significant = 6);
PhraseArg money(double value, std::string currency);
PhraseArg year(int year);
PhraseArg phrase(Phrase nested);
}  // namespace arg

/// The English texts of `phrases`, in order (for JSON and plain listings).
std::vector<std::string> texts(const std::vector<Phrase>& phrases);

/// Replaces each {} of `pattern` in turn by the next of `values` (a {{ or }}
/// stays a literal brace, as in fmt). Extra fields stay empty.
std::string fill_pattern(std::string_view pattern, const std::vector<std::string>& values);

template <class Words, class Number>
std::string Phrase::render(const Words& words, const Number& number) const {
  std::vector<std::string> values;
  values.reserve(args.size());
  for (const PhraseArg& a : args) {
    if (a.kind == PhraseArg::Kind::text)
      values.push_back(a.text);
    else if (a.kind == PhraseArg::Kind::phrase)
      values.push_back(a.nested ? a.nested->render(words, number) : std::string());
    else
      values.push_back(number(a));
  }
  return fill_pattern(words(pattern), values);
}

}  // namespace gevinst
