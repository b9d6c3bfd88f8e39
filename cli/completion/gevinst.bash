# bash completion for gevinst (docs/cli.md, "Shell completion"). The
# candidates come from `gevinst __complete`, which reads the program's own
# command and option definitions (and scenario names from the case file);
# when it has none, bash completes file names.
_gevinst() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\n'
  local -a found
  found=($("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null | cut -f1))
  if [ ${#found[@]} -eq 0 ]; then
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
  else
    COMPREPLY=("${found[@]}")
  fi
}
complete -F _gevinst gevinst
