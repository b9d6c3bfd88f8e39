#include "libeval/yaml_tree.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <sstream>

namespace gevinst {

const YNode* YNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k->value == key) return v;
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
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(YamlDocument& doc, const YamlLimits& limits, Diagnostics& diags)
      : doc_(doc), limits_(limits), diags_(diags) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YNode& n = make(mark, YNode::Kind::null);
    finish_leaf(n, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw LimitExceeded{loc(mark), "alias to an unknown anchor", ""};
    const YNode* target = it->second;
    for (const auto& f : stack_)
      if (f.node == target)
        throw LimitExceeded{loc(mark), "recursive alias: the anchor contains itself",
                            "an alias may only refer to a finished node"};
    attach(target, true, loc(mark));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YNode& n = make(mark, YNode::Kind::scalar);
    n.value = value;
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    n.plain = tag != "!";
    if (!tag.empty() && tag != "?" && tag != "!")
      throw LimitExceeded{n.loc, fmt::format("YAML tag '{}' is not supported", tag),
                          "remove the tag; case files use plain values"};
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
    if (f.pending_key) throw LimitExceeded{f.node->loc, "mapping key without a value", ""};
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

  SourceLoc loc(const YAML::Mark& m) const { return {m.line + 1, m.column + 1}; }

  void check_tag(const std::string& tag, const YAML::Mark& mark) {
    if (!tag.empty() && tag != "?" && tag != "!")
      throw LimitExceeded{loc(mark), fmt::format("YAML tag '{}' is not supported", tag),
                          "remove the tag; case files use plain values"};
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
      throw LimitExceeded{where,
                          fmt::format("document too large: more than {} nodes once aliases are expanded",
                                      limits_.max_nodes),
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
        throw LimitExceeded{n->loc, fmt::format("mapping keys must be plain names, not {}", n->describe()), ""};
      auto [it, inserted] = f.keys.emplace(n->value, n->loc);
      if (!inserted)
        throw LimitExceeded{n->loc, fmt::format("duplicate key '{}'", n->value),
                            fmt::format("'{}' is already set at line {}; keep one of them", n->value,
                                        it->second.line)};
      f.pending_key = n;
      return;
    }
    parent->entries.emplace_back(f.pending_key, n);
    f.pending_key = nullptr;
  }

  YamlDocument& doc_;
  const YamlLimits& limits_;
  [[maybe_unused]] Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, const YNode*> anchors_;
  const YNode* root_ = nullptr;
  size_t total_ = 0;
};

// Returns the 1-based line and column of byte offset `pos`.
SourceLoc loc_of_offset(std::string_view text, size_t pos) {
  SourceLoc l{1, 1};
  for (size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++l.line;
      l.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++l.column;
    }
  }
  return l;
}

// Offset of the first invalid UTF-8 sequence, or npos.
size_t invalid_utf8_at(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + len > s.size()) return i;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool only_comments_and_space(std::string_view s) {
  bool in_comment = false;
  for (char c : s) {
    if (c == '\n') in_comment = false;
    else if (in_comment) continue;
    else if (c == '#') in_comment = true;
    else if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<YamlDocument> parse_yaml(std::string_view text, Diagnostics& diags, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    diags.error({}, "",
                fmt::format("file is {} bytes; the limit is {} bytes", text.size(), limits.max_bytes),
                "a case file is a few kilobytes; is this the right file?");
    return nullptr;
  }
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    diags.error({1, 1}, "", "file is UTF-16; case files must be UTF-8",
                "save the file as UTF-8 (in most editors: Save with encoding, UTF-8)");
    return nullptr;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    bool utf16 = nul <= 1;
    diags.error(loc_of_offset(text, nul), "",
                utf16 ? "file looks like UTF-16 (NUL bytes); case files must be UTF-8"
                      : "file contains NUL bytes: it is binary, not a YAML case file",
                utf16 ? "save the file as UTF-8" : "check the path; case files are UTF-8 text");
    return nullptr;
  }
  if (size_t bad = invalid_utf8_at(text); bad != std::string_view::npos) {
    diags.error(loc_of_offset(text, bad), "",
                fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[bad])),
                "save the file as UTF-8 (Latin-1 'æøå' are the usual cause)");
    return nullptr;
  }
  if (only_comments_and_space(text)) {
    diags.error({1, 1}, "", "file is empty", "a case starts with 'format: gevinst/1'; `gevinst init` writes a starter");
    return nullptr;
  }

  auto doc = std::make_unique<YamlDocument>();
  doc->text.assign(text);
  std::istringstream in(doc->text);
  try {
    YAML::Parser parser(in);
    TreeBuilder builder(*doc, limits, diags);
    if (!parser.HandleNextDocument(builder) || !builder.root()) {
      diags.error({1, 1}, "", "file has no YAML document", "a case starts with 'format: gevinst/1'");
      return nullptr;
    }
    doc->root = builder.root();
    TreeBuilder second(*doc, limits, diags);
    if (parser.HandleNextDocument(second) && second.root()) {
      diags.error(second.root()->loc, "", "file holds more than one YAML document ('---')",
                  "put each case in its own file");
      return nullptr;
    }
  } catch (const LimitExceeded& e) {
    diags.error(e.loc, "", e.message, e.hint);
    return nullptr;
  } catch (const YAML::DeepRecursion& e) {
    diags.error({e.mark.line + 1, e.mark.column + 1}, "", "nesting too deep",
                "case files nest a few levels; check for unbalanced brackets");
    return nullptr;
  } catch (const YAML::Exception& e) {
    std::string msg = e.msg;
    std::string hint = "check indentation (spaces, not tabs) and that every '[' '{' '\"' is closed";
    if (msg.find("tab") != std::string::npos) hint = "YAML indentation must use spaces, not tabs";
    SourceLoc where = e.mark.is_null() ? SourceLoc{} : SourceLoc{e.mark.line + 1, e.mark.column + 1};
    diags.error(where, "", fmt::format("YAML syntax error: {}", msg), hint);
    return nullptr;
  } catch (const std::exception& e) {
    diags.error({}, "", fmt::format("could not read YAML: {}", e.what()), "");
    return nullptr;
  }
  return doc;
}

}  // namespace gevinst
