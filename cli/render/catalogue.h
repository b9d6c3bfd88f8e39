// The message catalogue: every label, heading and sentence an output shows
// is looked up here by its English text, the gettext convention (the
// English text is the message id, so the code reads as English and a
// missing translation shows English). A language is a catalogue parsed from
// a PO file; English is the empty catalogue.
//
//   Catalogue da = Catalogue::from_po(po_text);   // msgid "NPV" / msgstr "Nutidsværdi"
//   Style s{NumberLocale::da, &da};
//   s.tr("NPV")                                   // "Nutidsværdi"
//   s.trf("Year by year ({})", "DKK")             // msgid "Year by year ({})"
//   s.trc("loan amount", "Principal")             // msgctxt "loan amount" / msgid "Principal"
//
// A context (gettext's msgctxt) tells apart one English text that needs two
// words in another language: "Principal" is the part of a payment that
// repays the loan (Afdrag), and in the context "loan amount" the loan itself
// (Hovedstol).
#pragma once

#include <fmt/format.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cli/render/format.h"
#include "libeval/phrase.h"

namespace gevinst::cli {

class Catalogue {
 public:
  /// The English catalogue: every message is its own id.
  static const Catalogue& english();
  /// Danish, from cli/render/po/da.po as embedded in the binary.
  static const Catalogue& danish();
  /// Parses the msgid/msgstr pairs of a PO file (plain and continued
  /// strings, escapes \" \\ \n \t, an optional msgctxt; comments and fuzzy
  /// entries skipped, an empty msgstr means untranslated). Throws
  /// std::invalid_argument with a line number on malformed text and on a
  /// msgid given twice in one context, as msgfmt does.
  static Catalogue from_po(std::string_view po);

  /// The translation of `id`, or `id` itself when there is none.
  std::string_view lookup(std::string_view id) const;
  /// The translation of `id` in `context` (msgctxt), or `id` itself.
  std::string_view lookup(std::string_view context, std::string_view id) const;
  /// The key ids() lists for `id` in `context`: gettext's "context\x04id".
  static std::string key(std::string_view context, std::string_view id);
  /// The ids this catalogue translates (with a context: key(context, id)).
  std::vector<std::string> ids() const;
  std::size_t size() const { return messages_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> messages_;
};

/// The catalogue of a language: English is the empty one.
const Catalogue& catalogue(Language lang);
/// The PO text of a language's catalogue as embedded at build time (empty
/// for English).
std::string_view embedded_po(Language lang);

/// How output text looks: number style and words.
struct Style {
  NumberLocale locale = NumberLocale::en;
  const Catalogue* words = &Catalogue::english();

  Style() = default;
  /// Numbers in `loc`, words from `w` (English by default), so a builder
  /// that takes a Style also takes a bare NumberLocale.
  Style(NumberLocale loc, const Catalogue* w = &Catalogue::english())  // NOLINT(google-explicit-constructor)
      : locale(loc), words(w) {}

  /// A label, heading or sentence in the style's language.
  std::string tr(std::string_view id) const { return std::string(words->lookup(id)); }
  /// A label whose English text needs a context to be translated.
  std::string trc(std::string_view context, std::string_view id) const {
    return std::string(words->lookup(context, id));
  }
  /// A sentence with {} fields: the translated pattern, formatted.
  template <class... Args>
  std::string trf(std::string_view id, Args&&... args) const {
    return fmt::vformat(words->lookup(id), fmt::make_format_args(args...));
  }
  std::string number(double v, int decimals = 0) const { return format_number(v, decimals, locale); }
  /// A whole amount with its currency: "1,234 DKK".
  std::string money(double v, std::string_view currency) const {
    return number(v, 0).append(" ").append(currency);
  }
  std::string percent(double v, int decimals = 1) const { return format_percent(v, decimals, locale); }
  /// A sentence the library wrote (a note, an explanation) in the style's
  /// language: its pattern translated, its numbers in the style's locale.
  /// In English it is the library's own text, p.text().
  std::string phrase(const Phrase& p) const;
  /// phrase() of each.
  std::vector<std::string> phrases(const std::vector<Phrase>& ps) const;
};

}  // namespace gevinst::cli
