#include "libeval/detail/yaml_edit.h"

#include <fmt/format.h>

namespace gevinst {

const EditNode* EditNode::find(std::string_view key) const {
  int i = key_index(key);
  return i < 0 ? nullptr : &items[static_cast<size_t>(i)];
}

EditNode* EditNode::find(std::string_view key) {
  int i = key_index(key);
  return i < 0 ? nullptr : &items[static_cast<size_t>(i)];
}

int EditNode::key_index(std::string_view key) const {
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return static_cast<int>(i);
  return -1;
}

std::string EditNode::id() const {
  const EditNode* n = is_mapping() ? find("id") : nullptr;
  return n && n->is_scalar() ? n->value : std::string();
}

EditNode copy_tree(const YNode* n) {
  EditNode e;
  if (!n) return e;
  e.kind = n->kind;
  e.value = n->value;
  e.plain = n->plain;
  for (const YNode* item : n->items) e.items.push_back(copy_tree(item));
  for (const auto& [k, v] : n->entries) {
    e.keys.push_back(k ? k->value : std::string());
    e.key_plain.push_back(!k || k->plain);
    e.items.push_back(copy_tree(v));
  }
  return e;
}

bool same_tree(const EditNode& a, const EditNode& b) {
  if (a.kind != b.kind || a.value != b.value || a.keys != b.keys || a.items.size() != b.items.size())
    return false;
  if (a.is_scalar() && a.plain != b.plain) return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!same_tree(a.items[i], b.items[i])) return false;
  return true;
}

namespace {

// A double-quoted YAML scalar: every character but '"', '\' and control
// characters stands for itself (YAML 1.2, section 7.3.1).
std::string double_quoted(std::string_view s) {
  std::string o = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"')
      o += "\\\"";
    else if (c == '\\')
      o += "\\\\";
    else if (c == '\n')
      o += "\\n";
    else if (c == '\t')
      o += "\\t";
    else if (c < 0x20 || c == 0x7f)
      o += fmt::format("\\x{:02x}", c);
    else
      o += ch;
  }
  return o + "\"";
}

std::string scalar_text(const std::string& value, bool plain) {
  // A plain scalar read from the file stays plain: it was valid there, and
  // block context accepts everything flow context does.
  return plain && !value.empty() ? value : double_quoted(value);
}

// A value that fits after "key: " or "- " on one line.
bool inline_value(const EditNode& n) {
  return n.kind == YNode::Kind::null || n.is_scalar() || n.items.empty();
}

std::string inline_text(const EditNode& n) {
  if (n.is_scalar()) return scalar_text(n.value, n.plain);
  if (n.is_mapping()) return "{}";
  if (n.is_sequence()) return "[]";
  return "~";
}

void emit(const EditNode& n, int indent, std::string& out) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  if (n.is_mapping()) {
    for (size_t i = 0; i < n.items.size(); ++i) {
      out += pad;
      out += scalar_text(n.keys[i], n.key_plain[i]);
      out += ':';
      if (inline_value(n.items[i])) {
        out += ' ';
        out += inline_text(n.items[i]);
        out += '\n';
      } else {
        out += "\n";
        emit(n.items[i], indent + 2, out);
      }
    }
  } else if (n.is_sequence()) {
    for (const EditNode& item : n.items) {
      if (inline_value(item)) {
        out += pad;
        out += "- ";
        out += inline_text(item);
        out += '\n';
      } else {
        out += pad;
        out += "-\n";
        emit(item, indent + 2, out);
      }
    }
  } else {
    out += pad;
    out += inline_text(n);
    out += '\n';
  }
}

}  // namespace

std::string emit_yaml(const EditNode& root) {
  std::string out;
  if (inline_value(root)) return inline_text(root) + "\n";
  emit(root, 0, out);
  return out;
}

std::string flow_text(const EditNode& n) {
  if (n.is_scalar()) return n.value;
  if (n.kind == YNode::Kind::null) return "null";
  std::string o = n.is_mapping() ? "{" : "[";
  for (size_t i = 0; i < n.items.size(); ++i) {
    if (i) o += ", ";
    if (n.is_mapping()) o += n.keys[i] + ": ";
    o += flow_text(n.items[i]);
  }
  return o + (n.is_mapping() ? "}" : "]");
}

}  // namespace gevinst
