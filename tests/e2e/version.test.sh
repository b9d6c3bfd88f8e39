# --version (docs/cli.md, "Version"): "gevinst VERSION", and " (COMMIT)" with
# `git describe --tags --always --dirty` when built from a git checkout. The
# commit comes from cmake/version.cmake, checked here in and outside a checkout.
project_version=$(sed -n 's/^project(gevinst VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
run --version
expect_rc 0
line=$(cat "$TMP/stdout")
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
  [[ "$line" =~ ^gevinst\ $project_version\ \((.+)\)$ ]] || fail "--version: '$line' does not name a commit"
  described="${BASH_REMATCH[1]:-}"
  # The hash in "v0.1.0-3-g87b81c6-dirty" or "87b81c6-dirty" is a commit of this repository.
  hash=$(echo "$described" | sed -E 's/-dirty$//; s/.*-g([0-9a-f]+)$/\1/')
  git -C "$ROOT" cat-file -e "$hash^{commit}" 2>/dev/null || fail "--version: '$hash' is not a commit here"
else
  [ "$line" = "gevinst $project_version" ] || fail "--version outside a checkout: '$line'"
fi

# The generated definition: git describe in this checkout, "" outside one.
cmake -DSOURCE_DIR="$ROOT" -DOUT="$TMP/in.cpp" -P "$ROOT/cmake/version.cmake" || fail "version.cmake failed"
want=$(git -C "$ROOT" describe --tags --always --dirty)
grep -qF "return \"$want\";" "$TMP/in.cpp" || fail "in a checkout: $(grep return "$TMP/in.cpp"), want $want"
mkdir -p "$TMP/tarball"
cmake -DSOURCE_DIR="$TMP/tarball" -DOUT="$TMP/out.cpp" -P "$ROOT/cmake/version.cmake" || fail "version.cmake failed"
grep -qF 'return "";' "$TMP/out.cpp" || fail "outside a checkout: $(grep return "$TMP/out.cpp")"
# Rewritten only when the text changes, so a build recompiles nothing else.
touch -d '2000-01-01' "$TMP/in.cpp"
cmake -DSOURCE_DIR="$ROOT" -DOUT="$TMP/in.cpp" -P "$ROOT/cmake/version.cmake"
[ "$(stat -c %Y "$TMP/in.cpp")" -lt 1000000000 ] || fail "an unchanged commit rewrote the generated file"

# Provenance keeps the plain version, so goldens do not change per commit.
run evaluate --format json examples/kol-telemonitoring.yaml
json_expr "j['provenance']['tool_version'] == '$project_version'"
finish
