#include "libeval/detail/yaml_tree.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

#include "libeval/detail/yaml_text.h"

namespace gevinst {

const YNode* YNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k->value == key) return v;
  return nullptr;
}

const YNode* YNode::find_key(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k->value == key) return k;
  return nullptr;
}

std::string_view YNode::describe() const {
  switch (kind) {
    case Kind::null: return "empty";
    case Kind::scalar: return "a single value";
    case Kind::sequence: return "a list";
    case Kind::mapping: return "a mapping";
  }
  return "?";
}

namespace {

struct LimitExceeded {
  SourceLoc loc;
  std::string message, hint;
  std::string path = {};  ///< the YAML path, where one is known
};

const char* kTagHint = "remove the tag; case files use plain values";

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(YamlDocument& doc, const YamlLimits& limits, const LineIndex& lines)
      : doc_(doc), limits_(limits), lines_(lines) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YNode& n = make(mark, YNode::Kind::null);
    // yaml-cpp marks an empty value ("amount:" at the end of a line) at the
    // next token, often on a later line; point at its key instead.
    if (!stack_.empty() && stack_.back().pending_key && stack_.back().pending_key->loc.line < n.loc.line)
      n.loc = stack_.back().pending_key->loc;
    finish_leaf(n, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // An anchor whose node is still open contains its own alias.
    for (const auto& f : stack_)
      if (f.anchor == anchor)
        throw LimitExceeded{loc(mark), "recursive alias: the anchor contains an alias to itself",
                            "an alias (*name) may only repeat a node that is complete; remove the alias"};
    auto it = anchors_.find(anchor);
    if (it == anchors_.end())
      throw LimitExceeded{loc(mark), "alias to an unknown anchor",
                          "define the anchor (&name) before the alias (*name)"};
    attach(it->second, true, loc(mark));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YNode& n = make(mark, YNode::Kind::scalar);
    n.value = value;
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    n.plain = tag != "!";
    check_tag(tag, mark);
    if (!n.plain) check_closed(mark, n.loc);
    if (n.plain && (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
      n.kind = YNode::Kind::null;
      n.value.clear();
    }
    finish_leaf(n, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_tag(tag, mark);
    YNode& n = make(mark, YNode::Kind::sequence);
    open(n, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_tag(tag, mark);
    YNode& n = make(mark, YNode::Kind::mapping);
    open(n, anchor);
  }
  void OnMapEnd() override {
    Frame& f = stack_.back();
    if (f.pending_key) throw LimitExceeded{f.pending_key->loc, "mapping key without a value", ""};
    close();
  }

  const YNode* root() const { return root_; }

 private:
  struct Frame {
    YNode* node;
    const YNode* pending_key = nullptr;
    YAML::anchor_t anchor = 0;
    std::map<std::string, SourceLoc, std::less<>> keys;
  };

  SourceLoc loc(const YAML::Mark& m) const { return lines_.at(m.line, m.column); }

  // yaml-cpp 0.7 accepts a quoted scalar that is never closed and takes the
  // rest of the file as its text; find the closing quote ourselves.
  void check_closed(const YAML::Mark& mark, SourceLoc where) const {
    const std::string& t = doc_.text;
    if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= t.size()) return;
    char q = t[mark.pos];
    if (q != '"' && q != '\'') return;
    for (size_t i = mark.pos + 1; i < t.size(); ++i) {
      if ((q == '"' && t[i] == '\\') || (q == '\'' && t[i] == '\'' && i + 1 < t.size() && t[i + 1] == '\''))
        ++i;  // an escaped character, or '' inside single quotes
      else if (t[i] == q)
        return;
    }
    throw LimitExceeded{
        where, fmt::format("unclosed {}", quoted(q)),
        fmt::format("add the missing {}; without it the text runs to the end of the file", quoted(q))};
  }

  void check_tag(const std::string& tag, const YAML::Mark& mark) {
    if (!tag.empty() && tag != "?" && tag != "!")
      throw LimitExceeded{loc(mark), fmt::format("YAML tag '{}' is not supported", tag), kTagHint};
  }

  YNode& make(const YAML::Mark& mark, YNode::Kind kind) {
    YNode& n = doc_.arena.emplace_back();
    n.kind = kind;
    n.loc = loc(mark);
    return n;
  }

  void count(size_t add, SourceLoc where) {
    total_ = total_ > limits_.max_nodes ? total_ : total_ + add;
    if (add > limits_.max_nodes || total_ > limits_.max_nodes)
      throw LimitExceeded{
          where,
          fmt::format("document too large: more than {} nodes once aliases are expanded", limits_.max_nodes),
          "a case file needs far fewer; check for aliases (*name) that repeat large anchors"};
  }

  void finish_leaf(YNode& n, YAML::anchor_t anchor) {
    if (anchor) anchors_[anchor] = &n;
    attach(&n, false, n.loc);
  }

  void open(YNode& n, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      throw LimitExceeded{n.loc, fmt::format("nesting deeper than {} levels", limits_.max_depth),
                          "case files nest a few levels; check for unbalanced brackets"};
    stack_.push_back(Frame{&n, nullptr, anchor, {}});
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.anchor) anchors_[f.anchor] = f.node;
    attach(f.node, false, f.node->loc);
  }

  // Adds a finished node (or an alias target) to its parent. Every node counts
  // once as it finishes; an alias counts the whole subtree it repeats.
  void attach(const YNode* n, bool is_alias, SourceLoc where) {
    count(is_alias ? n->expanded_size : 1, where);
    if (stack_.empty()) {
      if (!root_) root_ = n;
      return;
    }
    Frame& f = stack_.back();
    YNode* parent = f.node;
    size_t add = n->expanded_size;
    parent->expanded_size = std::min(limits_.max_nodes + 1, parent->expanded_size + add);
    if (parent->kind == YNode::Kind::sequence) {
      parent->items.push_back(n);
      return;
    }
    if (!f.pending_key) {
      if (n->kind != YNode::Kind::scalar)
        throw LimitExceeded{where, fmt::format("mapping keys must be plain names, not {}", n->describe()),
                            "write 'name: value'; a key cannot be a list, a mapping or empty"};
      auto [it, inserted] = f.keys.emplace(n->value, n->loc);
      if (!inserted)
        throw LimitExceeded{
            n->loc, fmt::format("duplicate key '{}'", n->value),
            fmt::format("'{}' is already set at line {}; keep one of them", n->value, it->second.line),
            open_path(n->value)};
      f.pending_key = n;
      return;
    }
    parent->entries.emplace_back(f.pending_key, n);
    f.pending_key = nullptr;
  }

  // The YAML path of `key` in the innermost open mapping: "assumptions.horizon",
  // "costs[1].per_year".
  std::string open_path(const std::string& key) const {
    std::string path;
    for (size_t i = 0; i + 1 < stack_.size(); ++i) {
      const Frame& f = stack_[i];
      if (f.node->kind == YNode::Kind::sequence)
        path += fmt::format("[{}]", f.node->items.size());
      else if (f.pending_key)
        path += (path.empty() ? "" : ".") + f.pending_key->value;
    }
    return path + (path.empty() ? "" : ".") + key;
  }

  YamlDocument& doc_;
  const YamlLimits& limits_;
  const LineIndex& lines_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, const YNode*> anchors_;
  const YNode* root_ = nullptr;
  size_t total_ = 0;
};

// Offset of the first invalid UTF-8 sequence, or npos. Well-formed means
// RFC 3629, table 3-7 of the Unicode standard: no overlong forms (C0, C1,
// E0 80..9F, F0 80..8F), no surrogates (ED A0..BF), nothing above U+10FFFF
}  // namespace

std::string_view displayable_text(std::string_view text, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) return {};
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (encoding_problem(text, nullptr)) return {};
  return text;
}

std::unique_ptr<YamlDocument> parse_yaml(std::string_view text, Diagnostics& diags,
                                         const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    diags.error({1, 1}, "",
                fmt::format("file is {} bytes; the limit is {} bytes", text.size(), limits.max_bytes),
                "a case file is a few kilobytes; is this the right file?");
    return nullptr;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (encoding_problem(text, &diags)) return nullptr;
  // Classic Mac OS line endings: YAML readers disagree about a lone CR, and
  // a comment on the first line would swallow the whole file.
  if (size_t cr = text.find('\r'); cr != std::string_view::npos && cr + 1 < text.size() &&
                                   text[cr + 1] != '\n' && text.find('\n') == std::string_view::npos) {
    diags.error({1, 1}, "", "lines end in CR only (old Mac line endings)",
                "save the file with LF (Unix) or CRLF (Windows) line endings");
    return nullptr;
  }
  if (only_comments_and_space(text)) {
    diags.error({1, 1}, "", "file is empty", "a case starts with 'format: gevinst/1'");
    return nullptr;
  }

  auto doc = std::make_unique<YamlDocument>();
  doc->text.assign(text);
  LineIndex lines(doc->text);
  std::istringstream in(doc->text);
  try {
    YAML::Parser parser(in);
    TreeBuilder builder(*doc, limits, lines);
    if (!parser.HandleNextDocument(builder) || !builder.root()) {
      diags.error({1, 1}, "", "file has no YAML document", "a case starts with 'format: gevinst/1'");
      return nullptr;
    }
    doc->root = builder.root();
    TreeBuilder second(*doc, limits, lines);
    if (parser.HandleNextDocument(second) && second.root()) {
      diags.error(second.root()->loc, "", "file holds more than one YAML document ('---')",
                  "put each case in its own file");
      return nullptr;
    }
  } catch (const LimitExceeded& e) {
    diags.error(e.loc, e.path, e.message, e.hint);
    return nullptr;
  } catch (const YAML::DeepRecursion& e) {
    diags.error(lines.at(e.mark.line, e.mark.column), "", "nesting too deep",
                "case files nest a few levels; check for unbalanced brackets");
    return nullptr;
  } catch (const YAML::Exception& e) {
    report_syntax_error(e, doc->text, lines, diags);
    return nullptr;
  } catch (const std::exception& e) {
    diags.error({}, "", fmt::format("could not read YAML: {}", e.what()), "");
    return nullptr;
  }
  return doc;
}

}  // namespace gevinst
