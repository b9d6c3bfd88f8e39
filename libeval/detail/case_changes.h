// The changes between two versions of a case file, found on their YAML
// trees, and a hybrid of the two with any subset of them applied
// (docs/cli.md, "diff"). Mappings are compared key by key, lists of items
// with an `id` item by item; anything else that differs is one change of
// the whole value.
#pragma once

#include <string>
#include <vector>

#include "libeval/detail/yaml_edit.h"

namespace gevinst {

/// One step down a tree: a mapping's key, or the item of a list with that id.
struct TreeStep {
  bool by_id = false;
  std::string name;
};

struct TreeChange {
  enum class Op { replace, add, remove };
  Op op = Op::replace;
  /// replace: the node changed; add and remove: the node's parent, with the
  /// key or id in `name`.
  std::vector<TreeStep> at;
  std::string name;
  bool by_id = false;           ///< add/remove: `name` is a list item's id, not a key
  EditNode old_node, new_node;  ///< null where absent
  /// add: the keys or ids before it in the new version, nearest last; it is
  /// inserted after the last of them that the hybrid has.
  std::vector<std::string> before;
  std::string
      path;  ///< for people: parameters.patients.value, costs[2].amount (index in NEW; OLD if removed)
  std::string item;                     ///< the id of the innermost list item on the path ("" when none)
  bool descriptive = false;             ///< text only: a label, source, unit, description or the case section
  bool structural = false;              ///< an item added or removed, the horizon or start year
  std::vector<std::string> defines;     ///< add/remove: the parameter name or item id it adds or removes
  std::vector<std::string> references;  ///< names its old and new values mention (ids, $parameters)
};

/// The changes from `old_root` to `new_root`, in the new file's order
/// (removals where the removed part was).
std::vector<TreeChange> tree_changes(const EditNode& old_root, const EditNode& new_root);

/// Applies `c` to `root` (a copy of the old version); false when its place
/// is missing.
bool apply_change(EditNode& root, const TreeChange& c);

/// Groups of changes that must be applied together: a change that mentions
/// a parameter or id which another change adds or removes joins its group.
/// Descriptive changes are left out. Groups and members are in file order.
std::vector<std::vector<size_t>> change_groups(const std::vector<TreeChange>& changes);

}  // namespace gevinst
