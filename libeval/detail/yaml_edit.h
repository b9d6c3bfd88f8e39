// An editable copy of a YAML tree and its text again: what `diff` needs to
// build a hybrid of two versions of a case (some changes applied, others
// not) and load it with the ordinary loader. Comments and anchors are not
// kept (aliases are expanded); values, key order and the quoting of
// scalars are, so the hybrid means what its parts meant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "libeval/detail/yaml_tree.h"

namespace gevinst {

struct EditNode {
  YNode::Kind kind = YNode::Kind::null;
  std::string value;  ///< scalar text
  bool plain = true;  ///< false for a quoted or block scalar
  /// A mapping's keys (with whether each was plain), parallel to `items`;
  /// a sequence has no keys.
  std::vector<std::string> keys;
  std::vector<bool> key_plain;
  std::vector<EditNode> items;

  bool is_mapping() const { return kind == YNode::Kind::mapping; }
  bool is_sequence() const { return kind == YNode::Kind::sequence; }
  bool is_scalar() const { return kind == YNode::Kind::scalar; }
  /// The value of `key` in a mapping, or nullptr.
  const EditNode* find(std::string_view key) const;
  EditNode* find(std::string_view key);
  /// Index of `key` in a mapping's keys, or -1.
  int key_index(std::string_view key) const;
  /// A sequence item's `id` (a mapping with a scalar id), else "".
  std::string id() const;
};

/// A deep copy of `n` (aliases expanded); a null node for nullptr.
EditNode copy_tree(const YNode* n);

/// The same value: kind, scalar text and quoting, keys and items in order.
bool same_tree(const EditNode& a, const EditNode& b);

/// YAML block text that parses back to the same tree.
std::string emit_yaml(const EditNode& root);

/// One line for people: a scalar's text, or flow style ({a: 1, b: [2, 3]}).
std::string flow_text(const EditNode& n);

}  // namespace gevinst
