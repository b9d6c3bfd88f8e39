#include "libeval/detail/case_changes.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <set>

#include "libeval/expr.h"

namespace gevinst {

namespace {

// Keys whose values are text for people; changing them cannot change a result.
constexpr std::array<std::string_view, 10> kDescriptive = {
    "label", "source",       "unit",      "description", "title",
    "owner", "proxy_source", "indicator", "stakeholder", "explanation"};

bool descriptive_key(std::string_view k) {
  return std::find(kDescriptive.begin(), kDescriptive.end(), k) != kDescriptive.end();
}

// A list whose items are mappings with distinct ids (an empty list too).
bool keyed_list(const EditNode& n) {
  if (!n.is_sequence()) return false;
  std::set<std::string> ids;
  for (const EditNode& item : n.items) {
    std::string id = item.id();
    if (id.empty() || !ids.insert(id).second) return false;
  }
  return true;
}

int index_of_id(const EditNode& list, const std::string& id) {
  for (size_t i = 0; i < list.items.size(); ++i)
    if (list.items[i].id() == id) return static_cast<int>(i);
  return -1;
}

void collect_names(const EditNode& n, std::vector<std::string>& out) {
  if (n.is_scalar()) {
    for (const auto& [name, dollar] : referenced_names(n.value)) out.push_back(name);
    out.push_back(n.value);
  }
  for (const EditNode& item : n.items) collect_names(item, out);
}

struct Walker {
  std::vector<TreeChange> out;

  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  TreeChange& add(TreeChange::Op op, const std::vector<TreeStep>& at, const std::string& path,
                  const std::string& item) {
    TreeChange& c = out.emplace_back();
    c.op = op;
    c.at = at;
    c.path = path;
    c.item = item;
    return c;
  }

  void walk(const EditNode& o, const EditNode& n, std::vector<TreeStep>& at, const std::string& path,
            const std::string& item) {
    if (o.is_mapping() && n.is_mapping()) {
      for (size_t i = 0; i < n.keys.size(); ++i) {
        const std::string& k = n.keys[i];
        std::string p = join(path, k);
        if (const EditNode* ov = o.find(k)) {
          at.push_back({false, k});
          walk(*ov, n.items[i], at, p, item);
          at.pop_back();
          continue;
        }
        TreeChange& c = add(TreeChange::Op::add, at, p, item);
        c.name = k;
        c.new_node = n.items[i];
        c.before.assign(n.keys.begin(), n.keys.begin() + static_cast<long>(i));
      }
      for (size_t i = 0; i < o.keys.size(); ++i)
        if (!n.find(o.keys[i])) {
          TreeChange& c = add(TreeChange::Op::remove, at, join(path, o.keys[i]), item);
          c.name = o.keys[i];
          c.old_node = o.items[i];
        }
      return;
    }
    if (keyed_list(o) && keyed_list(n) && !(o.items.empty() && n.items.empty())) {
      for (size_t i = 0; i < n.items.size(); ++i) {
        std::string id = n.items[i].id();
        std::string p = fmt::format("{}[{}]", path, i);
        int oi = index_of_id(o, id);
        if (oi >= 0) {
          at.push_back({true, id});
          walk(o.items[static_cast<size_t>(oi)], n.items[i], at, p, id);
          at.pop_back();
          continue;
        }
        TreeChange& c = add(TreeChange::Op::add, at, p, id);
        c.name = id;
        c.by_id = true;
        c.new_node = n.items[i];
        for (size_t j = 0; j < i; ++j) c.before.push_back(n.items[j].id());
      }
      for (size_t i = 0; i < o.items.size(); ++i) {
        std::string id = o.items[i].id();
        if (index_of_id(n, id) >= 0) continue;
        TreeChange& c = add(TreeChange::Op::remove, at, fmt::format("{}[{}]", path, i), id);
        c.name = id;
        c.by_id = true;
        c.old_node = o.items[i];
      }
      return;
    }
    if (same_tree(o, n)) return;
    TreeChange& c = add(TreeChange::Op::replace, at, path, item);
    c.old_node = o;
    c.new_node = n;
  }
};

void classify(TreeChange& c) {
  // The key the change is about: the last step of a replace, the name of an add or remove.
  std::string key = c.op == TreeChange::Op::replace ? (c.at.empty() ? "" : c.at.back().name) : c.name;
  bool key_step = c.op == TreeChange::Op::replace ? (!c.at.empty() && !c.at.back().by_id) : !c.by_id;
  std::string section = c.at.empty() ? key : c.at.front().name;
  c.descriptive = section == "case" || (key_step && descriptive_key(key));
  if (c.op != TreeChange::Op::replace) {
    bool parameter = c.at.size() == 1 && c.at.front().name == "parameters" && !c.by_id;
    c.structural = c.by_id || parameter || c.at.empty();
    if (c.by_id || parameter) c.defines.push_back(c.name);
  } else {
    c.structural = c.path == "assumptions.horizon" || c.path == "assumptions.start_year";
  }
  collect_names(c.old_node, c.references);
  collect_names(c.new_node, c.references);
}

EditNode* step(EditNode* n, const TreeStep& s) {
  if (!n) return nullptr;
  if (!s.by_id) return n->is_mapping() ? n->find(s.name) : nullptr;
  if (!n->is_sequence()) return nullptr;
  int i = index_of_id(*n, s.name);
  return i < 0 ? nullptr : &n->items[static_cast<size_t>(i)];
}

}  // namespace

std::vector<TreeChange> tree_changes(const EditNode& old_root, const EditNode& new_root) {
  Walker w;
  std::vector<TreeStep> at;
  w.walk(old_root, new_root, at, "", "");
  for (TreeChange& c : w.out) classify(c);
  return std::move(w.out);
}

bool apply_change(EditNode& root, const TreeChange& c) {
  EditNode* n = &root;
  for (const TreeStep& s : c.at) n = step(n, s);
  if (!n) return false;
  if (c.op == TreeChange::Op::replace) {
    *n = c.new_node;
    return true;
  }
  if (c.op == TreeChange::Op::remove) {
    int i = c.by_id ? (n->is_sequence() ? index_of_id(*n, c.name) : -1) : n->key_index(c.name);
    if (i < 0) return false;
    n->items.erase(n->items.begin() + i);
    if (!c.by_id) {
      n->keys.erase(n->keys.begin() + i);
      n->key_plain.erase(n->key_plain.begin() + i);
    }
    return true;
  }
  // add: an empty value (`costs:` with nothing) becomes the list or mapping.
  if (n->kind == YNode::Kind::null) n->kind = c.by_id ? YNode::Kind::sequence : YNode::Kind::mapping;
  if (c.by_id != n->is_sequence()) return false;
  size_t pos = 0;
  for (auto it = c.before.rbegin(); it != c.before.rend(); ++it) {
    int i = c.by_id ? index_of_id(*n, *it) : n->key_index(*it);
    if (i >= 0) {
      pos = static_cast<size_t>(i) + 1;
      break;
    }
  }
  n->items.insert(n->items.begin() + static_cast<long>(pos), c.new_node);
  if (!c.by_id) {
    n->keys.insert(n->keys.begin() + static_cast<long>(pos), c.name);
    n->key_plain.insert(n->key_plain.begin() + static_cast<long>(pos), true);
  }
  return true;
}

std::vector<std::vector<size_t>> change_groups(const std::vector<TreeChange>& changes) {
  std::vector<size_t> parent(changes.size());
  std::iota(parent.begin(), parent.end(), size_t{0});
  auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (size_t a = 0; a < changes.size(); ++a) {
    if (changes[a].descriptive) continue;
    for (const std::string& name : changes[a].defines)
      for (size_t b = 0; b < changes.size(); ++b) {
        if (b == a || changes[b].descriptive) continue;
        const auto& refs = changes[b].references;
        if (std::find(refs.begin(), refs.end(), name) != refs.end()) parent[find(b)] = find(a);
      }
  }
  std::vector<std::vector<size_t>> groups;
  std::vector<int> group_of(changes.size(), -1);
  for (size_t i = 0; i < changes.size(); ++i) {
    if (changes[i].descriptive) continue;
    size_t r = find(i);
    if (group_of[r] < 0) {
      group_of[r] = static_cast<int>(groups.size());
      groups.emplace_back();
    }
    groups[static_cast<size_t>(group_of[r])].push_back(i);
  }
  return groups;
}

}  // namespace gevinst
