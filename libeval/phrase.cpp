#include "libeval/phrase.h"

#include <fmt/format.h>

#include "libeval/text.h"

namespace gevinst {

namespace {

std::string english_number(const PhraseArg& a) {
  switch (a.kind) {
    case PhraseArg::Kind::fixed: return fmt::format("{:.{}f}", a.value, a.decimals);
    case PhraseArg::Kind::grouped: return grouped(a.value);
    case PhraseArg::Kind::money: return money(a.value, a.text);
    case PhraseArg::Kind::year: return fmt::format("{}", static_cast<long long>(a.value));
    case PhraseArg::Kind::text:
    case PhraseArg::Kind::phrase: break;
  }
  return a.text;
}

}  // namespace

std::string Phrase::text() const {
  return render([](const std::string& p) -> const std::string& { return p; }, english_number);
}

Phrase phrase(std::string_view pattern, std::initializer_list<PhraseArg> args) {
  return Phrase{std::string(pattern), std::vector<PhraseArg>(args)};
}

namespace arg {
PhraseArg text(std::string words) {
  PhraseArg a;
  a.text = std::move(words);
  return a;
}
PhraseArg fixed(double value, int decimals) {
  PhraseArg a;
  a.kind = PhraseArg::Kind::fixed;
  a.value = value;
  a.decimals = decimals;
  return a;
}
PhraseArg grouped(double value) {
  PhraseArg a;
  a.kind = PhraseArg::Kind::grouped;
  a.value = value;
  return a;
}
PhraseArg money(double value, std::string currency) {
  PhraseArg a;
  a.kind = PhraseArg::Kind::money;
  a.value = value;
  a.text = std::move(currency);
  return a;
}
PhraseArg year(int year) {
  PhraseArg a;
  a.kind = PhraseArg::Kind::year;
  a.value = year;
  return a;
}
PhraseArg phrase(Phrase nested) {
  PhraseArg a;
  a.kind = PhraseArg::Kind::phrase;
  a.nested.push_back(std::move(nested));
  return a;
}
}  // namespace arg

std::vector<std::string> texts(const std::vector<Phrase>& phrases) {
  std::vector<std::string> out;
  out.reserve(phrases.size());
  for (const Phrase& p : phrases) out.push_back(p.text());
  return out;
}

std::string fill_pattern(std::string_view pattern, const std::vector<std::string>& values) {
  std::string out;
  out.reserve(pattern.size() + 16 * values.size());
  size_t next = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      out.push_back(c);
      ++i;
    } else if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
      if (next < values.size()) out += values[next];
      ++next;
      ++i;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace gevinst
