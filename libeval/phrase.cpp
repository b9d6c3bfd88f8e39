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
using Kind = PhraseArg::Kind;
PhraseArg text(std::string words) { return PhraseArg{.kind = Kind::text, .text = std::move(words)}; }
PhraseArg fixed(double value, int decimals) {
  return PhraseArg{.kind = Kind::fixed, .value = value, .decimals = decimals};
}
PhraseArg grouped(double value) { return PhraseArg{.kind = Kind::grouped, .value = value}; }
PhraseArg general(double value, int significant) {
  std::string g = fmt::format("{:.{}g}", value, significant);
  if (g.find_first_of("eEn") != std::string::npos) return text(std::move(g));
  const size_t dot = g.find('.');
  return fixed(value, dot == std::string::npos ? 0 : static_cast<int>(g.size() - dot - 1));
}
PhraseArg money(double value, std::string currency) {
  return PhraseArg{.kind = Kind::money, .text = std::move(currency), .value = value};
}
PhraseArg year(int year) { return PhraseArg{.kind = Kind::year, .value = static_cast<double>(year)}; }
PhraseArg phrase(Phrase nested) {
  return PhraseArg{.kind = Kind::phrase, .nested = std::make_shared<const Phrase>(std::move(nested))};
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
