// Tests for libeval/yaml_tree: the position-carrying YAML tree, its limits
// and its encoding checks. Inputs are strings; expected positions are
// counted by hand in the strings shown (1-based lines, columns in characters).
#include "libeval/detail/yaml_tree.h"

#include <chrono>
#include <string>

#include "support.h"

using namespace gevinst;

namespace {

std::unique_ptr<YamlDocument> parse_ok(std::string_view text, const YamlLimits& limits = {}) {
  Diagnostics d("t.yaml");
  auto doc = parse_yaml(text, d, limits);
  INFO("text: " << text);
  for (const auto& x : d.all()) INFO(x.loc.line << ":" << x.loc.column << " " << x.message);
  REQUIRE(doc != nullptr);
  CHECK(d.all().empty());
  return doc;
}

// The single error of a failed parse.
Diagnostic parse_error(std::string_view text, const YamlLimits& limits = {}) {
  Diagnostics d("t.yaml");
  auto doc = parse_yaml(text, d, limits);
  INFO("text: " << text);
  CHECK(doc == nullptr);
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].severity == Severity::error);
  CHECK(d.all()[0].file == "t.yaml");
  return d.all()[0];
}

}  // namespace

TEST_CASE("yaml_tree: positions of keys, values and items") {
  auto doc = parse_ok("a: 1\nb:\n  c: [x, 'y']\n  d: {e: 2}\n");
  const YNode* root = doc->root;
  REQUIRE(root->is_mapping());
  CHECK(root->loc.line == 1);
  CHECK(root->loc.column == 1);
  REQUIRE(root->entries.size() == 2);
  CHECK(root->entries[0].first->value == "a");
  CHECK(root->entries[0].second->loc.line == 1);
  CHECK(root->entries[0].second->loc.column == 4);
  const YNode* b = root->find("b");
  REQUIRE(b);
  CHECK(b->loc.line == 3);  // a block mapping starts at its first key
  CHECK(b->loc.column == 3);
  const YNode* c = b->find("c");
  REQUIRE(c);
  REQUIRE(c->is_sequence());
  CHECK(c->loc.column == 6);  // the '['
  REQUIRE(c->items.size() == 2);
  CHECK(c->items[0]->loc.column == 7);
  CHECK(c->items[1]->loc.column == 10);  // the opening quote
  CHECK(b->find_key("d")->loc.line == 4);
  CHECK(b->find_key("d")->loc.column == 3);
  CHECK(b->find("d")->find("e")->loc.column == 10);
  CHECK(b->find("zz") == nullptr);
  CHECK(b->find_key("zz") == nullptr);
}

TEST_CASE("yaml_tree: columns count characters, not bytes") {
  // "æ" and "–" are 2 and 3 bytes in UTF-8; each is one column.
  auto doc = parse_ok("t: æøå\nk: {l: \"a – b\", m: 1}\n");
  CHECK(doc->root->find("t")->value == "æøå");
  const YNode* k = doc->root->find("k");
  CHECK(k->find("l")->value == "a – b");
  // k: {l: "a – b", m: 1}   'm' is character 17 (byte 19), its value character 20 (byte 22).
  CHECK(k->find_key("m")->loc.column == 17);
  CHECK(k->find("m")->loc.column == 20);
}

TEST_CASE("yaml_tree: columns on a long line with multi-byte characters") {
  // 3,000 items "æ" (2 bytes each) on one line: item k starts at character
  // 5 + 3k ("x: [" is 4 characters, each item "æ, " 3).
  std::string text = "x: [";
  for (int k = 0; k < 3000; ++k) text += k ? ", æ" : "æ";
  text += "]\n";
  auto doc = parse_ok(text);
  const YNode* x = doc->root->find("x");
  REQUIRE(x->items.size() == 3000);
  for (int k : {0, 1, 85, 86, 1000, 2999}) CHECK(x->items[static_cast<size_t>(k)]->loc.column == 5 + 3 * k);
}

TEST_CASE("yaml_tree: a byte-order mark is tolerated and does not shift columns") {
  auto doc = parse_ok("\xEF\xBB\xBFkey: value\n");
  CHECK(doc->root->find("key")->value == "value");
  CHECK(doc->root->find("key")->loc.column == 6);
  CHECK(doc->text == "key: value\n");
}

TEST_CASE("yaml_tree: plain, quoted and null scalars") {
  auto doc = parse_ok("a: 12\nb: '12'\nc: \"x\"\nd: ~\ne: null\nf: 'null'\ng:\nh: |\n  text\n");
  const YNode* r = doc->root;
  CHECK(r->find("a")->plain);
  CHECK_FALSE(r->find("b")->plain);
  CHECK(r->find("b")->value == "12");
  CHECK_FALSE(r->find("c")->plain);
  CHECK(r->find("d")->is_null());
  CHECK(r->find("e")->is_null());
  CHECK(r->find("f")->is_scalar());  // quoted 'null' is text
  CHECK(r->find("f")->value == "null");
  CHECK(r->find("g")->is_null());
  CHECK_FALSE(r->find("h")->plain);  // block scalars count as quoted
  CHECK(r->find("h")->value == "text\n");
}

TEST_CASE("yaml_tree: an empty value is placed at its key, not at the next line") {
  auto doc = parse_ok("costs:\n  amount:\n  year: 2026\n");
  const YNode* amount = doc->root->find("costs")->find("amount");
  REQUIRE(amount);
  CHECK(amount->is_null());
  CHECK(amount->loc.line == 2);
  CHECK(amount->loc.column == 3);
}

TEST_CASE("yaml_tree: describe") {
  auto doc = parse_ok("a: 1\nb: [1]\nc: {d: 1}\ne:\n");
  CHECK(doc->root->find("a")->describe() == "a single value");
  CHECK(doc->root->find("b")->describe() == "a list");
  CHECK(doc->root->find("c")->describe() == "a mapping");
  CHECK(doc->root->find("e")->describe() == "empty");
}

TEST_CASE("yaml_tree: duplicate keys are errors") {
  Diagnostic d = parse_error("case:\n  id: a\n  title: x\n  id: b\n");
  CHECK(d.message == "duplicate key 'id'");
  CHECK(d.loc.line == 4);
  CHECK(d.loc.column == 3);
  CHECK(d.hint == "'id' is already set at line 2; keep one of them");
  // In flow mappings too, and keys compare as text ("1" and '1' are the same key).
  d = parse_error("p: {2027: 0.4, '2027': 0.8}\n");
  CHECK(d.message == "duplicate key '2027'");
  CHECK(d.loc.column == 16);
  // The same key in different mappings is fine.
  parse_ok("a: {id: 1}\nb: {id: 2}\n");
}

TEST_CASE("yaml_tree: aliases are expanded by reference and counted") {
  auto doc = parse_ok("a: &x [1, 2, 3]\nb: *x\nc: [*x, *x]\n");
  const YNode* r = doc->root;
  CHECK(r->find("b") == r->find("a"));  // the same node, not a copy
  CHECK(r->find("c")->items[1] == r->find("a"));
  // Nodes with aliases expanded: the list x is 4 (itself and 3 items); the
  // root is itself 1 + (key a 1 + x 4) + (key b 1 + x 4) + (key c 1 + [1 + 4 + 4]) = 21.
  CHECK(r->find("a")->expanded_size == 4);
  CHECK(r->find("c")->expanded_size == 9);
  CHECK(r->expanded_size == 21);
}

TEST_CASE("yaml_tree: alias bombs stop at the node limit, fast") {
  // Nine levels of nine aliases each: 9^9 = 387 million nodes if expanded.
  std::string text = "l0: &a0 [lol]\n";
  for (char i = '1'; i <= '9'; ++i) {
    const char prev = static_cast<char>(i - 1);
    text.append("l").append(1, i).append(": &a").append(1, i).append(" [");
    for (int k = 0; k < 9; ++k) text.append(k ? ", *a" : "*a").append(1, prev);
    text.append("]\n");
  }
  auto t0 = std::chrono::steady_clock::now();
  Diagnostic d = parse_error(text);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(d.message == "document too large: more than 1000000 nodes once aliases are expanded");
  // Expanded sizes: l0 = 2 (list and item), l(i) = 1 + 9 l(i-1): 19, 172, 1549,
  // 13942, 125479, 1129312; l6 (line 7) is the first past 10^6.
  CHECK(d.loc.line == 7);
  CHECK(seconds < 0.5);
  // A small limit is honoured too.
  YamlLimits small;
  small.max_nodes = 10;
  d = parse_error("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n", small);
  CHECK(d.message == "document too large: more than 10 nodes once aliases are expanded");
}

TEST_CASE("yaml_tree: recursive and unknown aliases") {
  Diagnostic d = parse_error("a: &x [1, *x]\n");
  CHECK(d.message == "recursive alias: the anchor contains an alias to itself");
  CHECK(d.loc.line == 1);
  CHECK(d.loc.column == 11);
  d = parse_error("a: &x {b: *x}\n");
  CHECK(d.message == "recursive alias: the anchor contains an alias to itself");
  d = parse_error("a: *nothing\n");
  CHECK(d.message == "YAML syntax error: the referenced anchor is not defined");
  CHECK(d.loc.column == 4);
  CHECK(d.hint.find("define the anchor (&name) before the alias (*name)") == 0);
}

TEST_CASE("yaml_tree: nesting depth limit") {
  Diagnostic d = parse_error("a: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
  CHECK(d.message == "nesting deeper than 64 levels");
  CHECK(d.loc.line == 1);
  // The root mapping is level 1, so the 64th '[' (column 3 + 64 = 67) is one too many.
  CHECK(d.loc.column == 67);
  YamlLimits shallow;
  shallow.max_depth = 3;
  parse_ok("a: {b: [1]}\n", shallow);
  d = parse_error("a: {b: [[1]]}\n", shallow);
  CHECK(d.message == "nesting deeper than 3 levels");
  CHECK(d.loc.column == 9);
}

TEST_CASE("yaml_tree: size limit") {
  YamlLimits tiny;
  tiny.max_bytes = 10;
  Diagnostic d = parse_error("format: gevinst/1\n", tiny);
  CHECK(d.message == "file is 18 bytes; the limit is 10 bytes");
  CHECK(d.loc.line == 1);  // about the whole file: reported at its start
}

TEST_CASE("yaml_tree: encoding checks") {
  struct Row {
    std::string text;
    int line, column;
    std::string message;
  };
  for (std::string empty : {"", "# only a comment\n\n   # and another\n", "\n  \n"}) {
    Diagnostic d = parse_error(empty);
    CHECK(d.message == "file is empty");
    CHECK(d.loc.line == 1);
    CHECK(d.loc.column == 1);
  }
  const Row rows[] = {
      {std::string("\xFF\xFE"
                   "f\0o\0",
                   6),
       1, 1, "file is UTF-16; case files must be UTF-8"},
      {std::string("\xFE\xFF\0f\0o", 6), 1, 1, "file is UTF-16; case files must be UTF-8"},
      {std::string("f\0o\0r\0m\0", 8), 1, 1, "file is UTF-16; case files must be UTF-8"},  // no BOM
      {std::string("\x1F\x8B\x08\x00\x00\x00", 6), 1, 1,
       "file is binary (a gzip archive), not a YAML case file"},
      {"PK\x03\x04rest", 1, 1, "file is binary (a zip archive (or .xlsx, .docx)), not a YAML case file"},
      {std::string("\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F", 10), 1, 1,
       "file is binary (binary data), not a YAML case file"},
      {std::string("a: 1\nb: x\0y\n", 12), 2, 5, "NUL byte in the text"},
      {"a: 1\nowner: S\xF8nderborg\n", 2, 9, "invalid UTF-8 byte 0xF8"},  // Latin-1 'ø'
      {"a: \xC3\n", 1, 4, "invalid UTF-8 byte 0xC3"},                     // truncated sequence
      {"a: \xC0\xAF\n", 1, 4, "invalid UTF-8 byte 0xC0"},                 // overlong '/'
      {"a: \xE0\x80\x80\n", 1, 4, "invalid UTF-8 byte 0xE0"},             // overlong NUL
      {"a: \xF0\x80\x80\x80\n", 1, 4, "invalid UTF-8 byte 0xF0"},         // overlong, 4 bytes
      {"a: x\xED\xA0\x80\n", 1, 5, "invalid UTF-8 byte 0xED"},            // surrogate U+D800
      {"a: \xF4\x90\x80\x80\n", 1, 4, "invalid UTF-8 byte 0xF4"},         // U+110000
      {"a: \xF5\x80\x80\x80\n", 1, 4, "invalid UTF-8 byte 0xF5"},
      {"a: \xE2\x82\n", 1, 4, "invalid UTF-8 byte 0xE2"},  // 3-byte form cut short
      {"a: æ\x01\n", 1, 5, "control character U+0001 in the text"},
      {"a: 1\n\x0C\nb: 2\n", 2, 1, "control character U+000C in the text"},
      {"a: 1\x7F\n", 1, 5, "control character U+007F in the text"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.message);
    Diagnostic d = parse_error(row.text);
    CHECK(d.message == row.message);
    CHECK(d.loc.line == row.line);
    CHECK(d.loc.column == row.column);
    CHECK_FALSE(d.hint.empty());
    CHECK(displayable_text(row.text).empty());
  }
  {
    Diagnostic d = parse_error("# a case\rformat: gevinst/1\r");
    CHECK(d.message == "lines end in CR only (old Mac line endings)");
  }
  // Tab, line feed, carriage return and UTF-8 are text, up to the edges of
  // the valid ranges: U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF.
  parse_ok("a: 'æ\tø'\r\nb: 2\r\n");
  parse_ok(
      "a: \"\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF \xF0\x90\x80\x80 "
      "\xF4\x8F\xBF\xBF\"\n");
  CHECK(displayable_text("\xEF\xBB\xBF"
                         "a: 1\n") == "a: 1\n");
}

TEST_CASE("yaml_tree: syntax errors point at the cause") {
  struct Row {
    std::string text;
    int line, column;
    std::string message, hint_start;
  };
  const Row rows[] = {
      // An unclosed bracket is reported where it opens, not where the parser gave up.
      {"parties:\n  - {id: a, sector: region\n  - {id: b, sector: state}\n", 2, 5, "unclosed '{'",
       "add the missing '}'; the YAML parser stopped at line 3"},
      {"of: [a, b\nnext: 1\n", 1, 5, "unclosed '['", "add the missing ']'"},
      // yaml-cpp itself accepts an unclosed quote at the end of the file.
      {"title: 'It''s open\nowner: x\n", 1, 8, "unclosed \"'\"",
       "add the missing \"'\"; without it the text runs"},
      {"a: 1\ntitle: \"open\nb: x\n", 2, 8, "unclosed '\"'", "add the missing '\"'"},
      // A quote closed only on a later line, followed by an error.
      {"a:\n  t: \"open\n  b: {c: \"x\"}\n", 2, 6, "unclosed '\"'", "add the missing '\"' on its line"},
      {"a:\n  fte_hours 1924\n  b: 1\n", 2, 3, "missing ':' after 'fte_hours'", "write 'fte_hours: 1924'"},
      {"a:\n  b: 1\n\tc: 2\n", 3, 1, "YAML does not allow tabs for indentation", "indent with spaces"},
      // yaml-cpp calls this one an illegal map value; the cause is the tab.
      {"case:\n\tid: x\n", 2, 1, "YAML does not allow tabs for indentation", "indent with spaces"},
      {"case:\n  id: x\n  \ttitle: y\n", 3, 3, "YAML does not allow tabs for indentation",
       "indent with spaces"},
      {"a:\n  b: 1\n   c: 2\n", 3, 5, "YAML syntax error: illegal map value",
       "line 3 is indented more than line 2"},
      {"a:\n  b: 1\n c: 2\n", 3, 2, "YAML syntax error: end of map not found", "line 3 is indented 1 space,"},
      {"title: a: b\n", 1, 9, "YAML syntax error: illegal map value", "a plain value cannot contain ': '"},
      {"a: 1\n---\nb: 2\n", 3, 1, "file holds more than one YAML document ('---')",
       "put each case in its own file"},
      {"a: !!float 1\n", 1, 4, "YAML tag 'tag:yaml.org,2002:float' is not supported", "remove the tag"},
      {"? [a, b]\n: 1\n", 1, 3, "mapping keys must be plain names, not a list", "write 'name: value'"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    Diagnostic d = parse_error(row.text);
    CHECK(d.message == row.message);
    CHECK(d.loc.line == row.line);
    CHECK(d.loc.column == row.column);
    CHECK(d.hint.starts_with(row.hint_start));
    // A syntax error leaves the text displayable, for the source line.
    CHECK(displayable_text(row.text) == row.text);
  }
}

TEST_CASE("yaml_tree: quotes and brackets inside values are not mistaken for open ones") {
  parse_ok(
      "label: Region's \"best\" [draft]\nnote: 'a ''quoted'' word'\nlist: [\"]\", '[', \"{\"]\n# it's a "
      "comment [\n");
}
