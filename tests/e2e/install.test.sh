# Installing like a tool (docs/cli.md, "Install"): `cmake --install` and the
# .deb from `cpack -G DEB` put the binary, the man pages, the completions and
# the docs in place; the .deb depends on Debian's runtime libraries, and the
# extracted binary finds them and runs. Needs the build directory next to the
# binary and dpkg-dev (scripts/bootstrap test).
build=$(dirname "$GEVINST")
for p in cmake cpack dpkg-deb dpkg-shlibdeps ldd man; do command -v $p >/dev/null || fail "$p is missing (scripts/bootstrap test)"; done
[ -f "$build/CPackConfig.cmake" ] || fail "$build is not a CMake build directory (no CPackConfig.cmake)"
commands=$("$GEVINST" --help | sed -n '/^Subcommands:/,/^$/p' | grep -oE '^  [a-z]+' | tr -d ' ')
[ -n "$commands" ] || fail "no subcommands in --help"

# The files every install has, below a prefix.
check_tree() {
  local root=$1 what=$2 c
  [ -x "$root/usr/bin/gevinst" ] || fail "$what: no bin/gevinst"
  for c in gevinst $(printf 'gevinst-%s ' $commands); do
    [ -s "$root/usr/share/man/man1/$c.1" ] || fail "$what: no man page $c.1"
  done
  [ -s "$root/usr/share/bash-completion/completions/gevinst" ] || fail "$what: no bash completion"
  [ -s "$root/usr/share/zsh/vendor-completions/_gevinst" ] || fail "$what: no zsh completion"
  [ -s "$root/usr/share/fish/vendor_completions.d/gevinst.fish" ] || fail "$what: no fish completion"
  [ -s "$root/usr/share/doc/gevinst/cli.md" ] || fail "$what: no docs"
}

cmake --install "$build" --prefix "$TMP/prefix/usr" --component runtime >/dev/null || fail "cmake --install failed"
check_tree "$TMP/prefix" "cmake --install"
[ ! -e "$TMP/prefix/usr/include" ] || fail "the runtime component installs the library headers"
# A man page holds the same text as --help.
MANWIDTH=200 man -l "$TMP/prefix/usr/share/man/man1/gevinst-evaluate.1" 2>/dev/null >"$TMP/man.txt"
grep -qF 'gevinst evaluate case.yaml --scenario worst --set patients=900' "$TMP/man.txt" || fail "man page lacks the help's examples"
grep -qF -- '--perspective TEXT:{budget,organisation,society}=organisation' "$TMP/man.txt" || fail "man page lacks the options"
grep -qF 'gevinst-evaluate - Evaluate a case' "$TMP/man.txt" || fail "man page NAME: $(sed -n 2,4p "$TMP/man.txt")"

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$TMP/pkg" >"$TMP/cpack.log" 2>&1 || fail "cpack failed: $(tail -5 "$TMP/cpack.log")"
deb=$(ls "$TMP"/pkg/gevinst_*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then
  fail "no .deb built"
else
  dpkg-deb -I "$deb" >"$TMP/info"
  depends=$(sed -n 's/^ Depends: //p' "$TMP/info")
  for lib in libyaml-cpp libfmt libssl libstdc++6 libc6; do
    [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
  done
  dpkg-deb -x "$deb" "$TMP/root"
  check_tree "$TMP/root" ".deb"
  ldd "$TMP/root/usr/bin/gevinst" >"$TMP/ldd" 2>&1 || fail "ldd failed: $(cat "$TMP/ldd")"
  ! grep -q "not found" "$TMP/ldd" || fail "missing libraries: $(grep 'not found' "$TMP/ldd")"
  [ "$("$TMP/root/usr/bin/gevinst" --version)" = "$("$GEVINST" --version)" ] || fail "the packaged --version differs"
  "$TMP/root/usr/bin/gevinst" evaluate --format csv examples/kol-telemonitoring.yaml >/dev/null ||
    fail "the packaged binary cannot evaluate an example"
fi
finish
