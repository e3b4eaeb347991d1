#!/usr/bin/env zsh
# Prints, one a line, the candidates zsh's completion system offers for a command line.
#
#   zsh -f tests/shells/complete.zsh FUNCTION_DIR WORK_DIR LINE
#
# FUNCTION_DIR holds the completion function (`_avatarctl`) and is put in front of fpath, the
# way README.md installs it. WORK_DIR is the interactive shell's current directory (so a test
# can see file names leak into candidates) and receives a scratch file.
#
# Completion runs only inside ZLE, so a real interactive zsh is started on a pseudo-terminal
# (zsh/zpty), LINE and a Tab are typed into it, and a `compadd` wrapper there writes every
# candidate that matched to a file. The shell exits from `comppostfuncs` once completion is done.
# Exit status: 0 with the candidates printed; 1 when completion did not finish in time.

emulate -L zsh
setopt err_return no_unset

(( $# == 3 )) || { print -u2 "usage: $0 FUNCTION_DIR WORK_DIR LINE"; exit 64 }
local function_dir=${1:A} work_dir=${2:A} line=$3
local capture=$work_dir/zsh-candidates setup=$work_dir/zsh-setup.zsh
: >| $capture

zmodload zsh/zpty zsh/system

# What the interactive shell runs first. `compadd` with -A, -O or -D only computes matches
# for a helper such as _describe; every other call adds candidates, which are recorded.
print -r -- "
PS1='' PROMPT='' RPROMPT=''
cd ${(q)work_dir}
fpath=(${(q)function_dir} \$fpath)
autoload -Uz compinit && compinit -u -D
bindkey '^I' complete-word
compadd() {
    if [[ \${(j: :)@} == (|* )-[OAD]* ]]; then
        builtin compadd \"\$@\"
        return
    fi
    local -a __matches
    builtin compadd -A __matches \"\$@\"
    (( \$#__matches )) && print -rl -- \$__matches >> ${(q)capture}
    builtin compadd \"\$@\"
}
__capture_done() { print -r -- $'\x1e'done >> ${(q)capture}; exit 0 }
comppostfuncs=(__capture_done)
" >| $setup

zpty complete zsh -f -i
local fd=$REPLY
zpty -w complete "source ${(q)setup}"
zpty -w -n complete "$line"$'\t'

# Drain the terminal until the shell exits (end of file); give up after 30 s without output.
local out
while sysread -t 30 -i $fd out; do :; done
# Ends the shell if it is still there (it did not complete in time).
zpty -d complete 2>/dev/null || true

local -a candidates=("${(@f)$(<$capture)}")
if [[ ${candidates[-1]-} != $'\x1e'done ]]; then
    print -u2 "zsh completion did not finish for: $line"
    exit 1
fi
print -rl -- ${candidates[1,-2]}
