# Shell completion (docs/cli.md, "Shell completion"): `gevinst __complete`
# and the bash, zsh and fish scripts in cli/completion/ that call it, run in
# the real shells (scripts/bootstrap test installs zsh and fish).
kol=examples/kol-telemonitoring.yaml
for sh in bash zsh fish; do command -v $sh >/dev/null || fail "$sh is missing (scripts/bootstrap test)"; done

run __complete eva
expect_rc 0
[ "$(cat "$TMP/stdout")" = "$(printf 'evaluate\tEvaluate a case')" ] || fail "subcommand: $(cat "$TMP/stdout")"
run __complete evaluate -f ''
[ "$(cut -f1 "$TMP/stdout" | tr '\n' ' ')" = "table json csv md " ] || fail "--format values: $(cat "$TMP/stdout")"
run __complete validate --format ''  # validate's own formats
expect_stdout_contains "github"
run __complete sensitivity --metric s
[ "$(cat "$TMP/stdout")" = "sroi" ] || fail "--metric values: $(cat "$TMP/stdout")"
run __complete evaluate "$kol" --scenario ''
[ "$(cut -f1 "$TMP/stdout" | tr '\n' ' ')" = "worst best " ] || fail "scenarios: $(cat "$TMP/stdout")"
run __complete evaluate --scenario '' "$kol"  # the case may come after
run __complete evaluate --scenario ''
expect_stdout_empty  # no case file named yet: nothing to offer
run __complete evaluate --sc
expect_stdout_contains "--scenario"
run __complete evaluate --set patients=1 --for
[ "$(cut -f1 "$TMP/stdout")" = "--format" ] || fail "an option's value is not a subcommand: $(cat "$TMP/stdout")"
run __complete evaluate ex
expect_rc 0
expect_stdout_empty  # file names: the shell completes those

# The scripts in their shells, with the binary first on PATH.
export PATH="$(dirname "$GEVINST"):$PATH"
got=$(bash -c 'source cli/completion/gevinst.bash
  COMP_WORDS=(gevinst evaluate "$1" --scenario w); COMP_CWORD=4; _gevinst; echo "${COMPREPLY[*]}"
  COMP_WORDS=(gevinst evaluate examples/kol-tele); COMP_CWORD=2; _gevinst; echo "${COMPREPLY[*]}"' _ "$kol")
[ "$got" = "worst
$kol" ] || fail "bash: $got"
got=$(zsh -fc 'fpath=(cli/completion $fpath); autoload -Uz _gevinst
  _describe() { print -l -- "${(@P)${@[-1]}}"; }; _files() { print FILES; }
  words=(gevinst evaluate --format ""); CURRENT=4; _gevinst
  words=(gevinst evaluate ex); CURRENT=3; _gevinst')
[ "$(echo "$got" | tr '\n' ' ')" = "table json csv md FILES " ] || fail "zsh: $got"
got=$(fish -c 'source cli/completion/gevinst.fish; complete -C"gevinst repa"; complete -C"gevinst evaluate '"$kol"' -s b"; complete -C"gevinst evaluate examples/kol-tele"')
[ "$got" = "repay	Financing and risk sharing
best	scenario in $kol
$kol" ] || fail "fish: $got"
finish
