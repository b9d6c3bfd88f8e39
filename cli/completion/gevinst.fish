# fish completion for gevinst (docs/cli.md, "Shell completion"). The
# candidates come from `gevinst __complete`, which reads the program's own
# command and option definitions (and scenario names from the case file);
# when it has none, fish completes file names.
function __gevinst_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l program $words[1]
    set -e words[1]
    set -l found ($program __complete $words "$cur" 2>/dev/null)
    if test (count $found) -eq 0
        __fish_complete_path "$cur"
    else
        printf '%s\n' $found
    end
end
complete -c gevinst -f -a '(__gevinst_complete)'
