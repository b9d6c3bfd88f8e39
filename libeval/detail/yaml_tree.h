// A small, position-carrying YAML tree built from yaml-cpp's event parser.
// Only the loader sees it. It adds what a validating loader needs and the
// node API lacks: duplicate-key detection, scalar style (plain or quoted),
// limits on size, depth and alias expansion ("billion laughs").
//
// Positions: lines and columns are 1-based; a column counts Unicode code
// points (characters), not bytes, so "æ" is one column wide.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "libeval/diagnostics.h"
#include "libeval/yaml_limits.h"

namespace gevinst {

struct YNode {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  std::string value;                ///< scalar text
  bool plain = true;                ///< false for quoted and block scalars
  SourceLoc loc;                    ///< 1-based line and column of the node's first character
  std::vector<const YNode*> items;  ///< sequence
  std::vector<std::pair<const YNode*, const YNode*>> entries;  ///< mapping, in file order
  size_t expanded_size = 1;  ///< nodes in this subtree with aliases expanded

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }
  /// The value of `key` in a mapping, or nullptr.
  const YNode* find(std::string_view key) const;
  /// The key node of `key` in a mapping (for messages about the key), or nullptr.
  const YNode* find_key(std::string_view key) const;
  /// Kind in words for messages: "a mapping", "a list", "a single value", "empty".
  std::string_view describe() const;
};

struct YamlDocument {
  std::deque<YNode> arena;
  const YNode* root = nullptr;
  std::string text;  ///< the source (BOM removed)
};

/// Parses the first (and only) YAML document of `text`. On failure returns
/// nullptr with errors in `diags`. Checks encoding first: UTF-8 (a BOM is
/// tolerated), not UTF-16, not binary, no NUL or other control characters
/// (tab, line feed and carriage return excepted), valid UTF-8 sequences.
std::unique_ptr<YamlDocument> parse_yaml(std::string_view text, Diagnostics& diags,
                                         const YamlLimits& limits = {});

/// `text` without a UTF-8 byte-order mark when it is printable UTF-8 text
/// (what parse_yaml's encoding checks accept), else "". For showing source
/// lines under diagnostics of a file that failed to parse.
std::string_view displayable_text(std::string_view text, const YamlLimits& limits = {});

}  // namespace gevinst
