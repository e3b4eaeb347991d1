# Prints, one a line, the candidates bash offers for a command line, the way bash itself does
# on Tab: the function that SCRIPT registers with `complete` is called with COMP_WORDS,
# COMP_CWORD, COMP_LINE and COMP_POINT set, and when it leaves COMPREPLY empty, the
# `-o default` fallback (file names) applies.
#
#   bash --norc --noprofile tests/shells/complete.bash SCRIPT LINE
#
# Written for bash 3.2 too (macOS): no negative array indices, no mapfile.

set -u
script=$1
line=$2
# shellcheck source=/dev/null
source "$script"

read -ra COMP_WORDS <<<"$line"
# A line that ends with a space completes a new, empty word.
if [[ -z $line || $line == *' ' ]]; then
    COMP_WORDS+=("")
fi
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line
COMP_POINT=${#line}
export COMP_WORDS COMP_CWORD COMP_LINE COMP_POINT

spec=$(complete -p "${COMP_WORDS[0]}") || {
    echo "$script registers no completion for ${COMP_WORDS[0]}" >&2
    exit 1
}
function=${spec##*-F }
function=${function%% *}

current=${COMP_WORDS[COMP_CWORD]}
previous=""
if ((COMP_CWORD > 0)); then
    previous=${COMP_WORDS[COMP_CWORD - 1]}
fi
COMPREPLY=()
"$function" "${COMP_WORDS[0]}" "$current" "$previous"

if ((${#COMPREPLY[@]} == 0)) && [[ $spec == *'-o default'* ]]; then
    # What readline does next: complete file names.
    compgen -f -- "$current"
    exit 0
fi
if ((${#COMPREPLY[@]} > 0)); then
    printf '%s\n' "${COMPREPLY[@]}"
fi
