#include "cli/render/catalogue.h"

#include <cmath>
#include <set>
#include <stdexcept>

namespace gevinst::cli {

const Catalogue& Catalogue::english() {
  static const Catalogue empty;
  return empty;
}

const Catalogue& Catalogue::danish() {
  static const Catalogue da = from_po(embedded_po(Language::da));
  return da;
}

const Catalogue& catalogue(Language lang) {
  return lang == Language::da ? Catalogue::danish() : Catalogue::english();
}

std::string_view Catalogue::lookup(std::string_view id) const {
  auto it = messages_.find(id);
  return it == messages_.end() ? id : std::string_view(it->second);
}

std::string Catalogue::key(std::string_view context, std::string_view id) {
  return std::string(context).append(1, '\x04').append(id);
}

std::string_view Catalogue::lookup(std::string_view context, std::string_view id) const {
  auto it = messages_.find(key(context, id));
  return it == messages_.end() ? id : std::string_view(it->second);
}

std::vector<std::string> Catalogue::ids() const {
  std::vector<std::string> out;
  out.reserve(messages_.size());
  for (const auto& [id, text] : messages_) out.push_back(id);
  return out;
}

namespace {

[[noreturn]] void fail(int line, const std::string& what) {
  throw std::invalid_argument("PO line " + std::to_string(line) + ": " + what);
}

// The contents of a quoted PO string starting at s[0] == '"'.
std::string unquote(std::string_view s, int line) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') fail(line, "expected a quoted string");
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    char c = s[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (i + 2 >= s.size()) fail(line, "a backslash ends the string");
    switch (s[++i]) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      default: fail(line, "unknown escape");
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Catalogue Catalogue::from_po(std::string_view po) {
  Catalogue c;
  std::string context, id, text, *current = nullptr;
  bool fuzzy = false, have_id = false, have_context = false;
  std::set<std::string> seen;  // every msgid (with its context), translated or not
  int id_line = 0;
  auto flush = [&] {
    // gettext's msgfmt rejects a second entry of one msgid (in one context),
    // translated or not: which of the two would win is a merge's accident.
    if (have_id && !id.empty()) {
      std::string k = have_context ? key(context, id) : id;
      if (!seen.insert(k).second) fail(id_line, "duplicate msgid \"" + id + "\"");
      if (!text.empty() && !fuzzy) c.messages_[std::move(k)] = text;
    }
    context.clear();
    have_context = false;
    id.clear();
    text.clear();
    have_id = false;
    fuzzy = false;
    current = nullptr;
  };
  int line_no = 0;
  size_t pos = 0;
  while (pos <= po.size()) {
    size_t end = po.find('\n', pos);
    if (end == std::string_view::npos) end = po.size();
    std::string_view line = trim(po.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    if (line.starts_with("#,")) {
      if (have_id) flush();
      fuzzy = line.find("fuzzy") != std::string_view::npos;
    } else if (line.starts_with("#")) {
      continue;
    } else if (line.starts_with("msgctxt ")) {
      if (have_id) flush();  // the entry before ends here; its "#, fuzzy" is not this one's
      context = unquote(trim(line.substr(8)), line_no);
      have_context = true;
      current = &context;
    } else if (line.starts_with("msgid ")) {
      if (have_id) flush();  // the entry before ends here; its "#, fuzzy" is not this one's
      id = unquote(trim(line.substr(6)), line_no);
      id_line = line_no;
      have_id = true;
      current = &id;
    } else if (line.starts_with("msgstr ")) {
      if (!have_id) fail(line_no, "msgstr without msgid");
      text = unquote(trim(line.substr(7)), line_no);
      current = &text;
    } else if (line.front() == '"') {
      if (!current) fail(line_no, "a string outside an entry");
      *current += unquote(line, line_no);
    } else {
      fail(line_no, "expected msgid, msgstr, a quoted string or a comment");
    }
  }
  flush();
  return c;
}

std::string Style::phrase(const Phrase& p) const {
  if (words == &Catalogue::english()) return p.text();
  auto word = [this](const std::string& id) { return std::string(words->lookup(id)); };
  auto number = [this](const PhraseArg& a) -> std::string {
    switch (a.kind) {
      case PhraseArg::Kind::fixed: return format_number(a.value, a.decimals, locale);
      case PhraseArg::Kind::grouped: return format_number(a.value, 0, locale);
      case PhraseArg::Kind::money: {
        // As libeval/text.h money(): whole units below a million, one decimal
        // in millions from a million up; DKK is "kr.".
        const std::string unit = a.text == "DKK" ? "kr." : a.text;
        if (std::fabs(a.value) >= 1e6) return format_number(a.value / 1e6, 1, locale) + " mio. " + unit;
        return format_number(a.value, 0, locale) + " " + unit;
      }
      case PhraseArg::Kind::year: return std::to_string(static_cast<long long>(a.value));
      case PhraseArg::Kind::text:
      case PhraseArg::Kind::phrase: break;
    }
    return a.text;
  };
  return p.render(word, number);
}

std::vector<std::string> Style::phrases(const std::vector<Phrase>& ps) const {
  std::vector<std::string> out;
  out.reserve(ps.size());
  for (const Phrase& p : ps) out.push_back(phrase(p));
  return out;
}

}  // namespace gevinst::cli
