# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_avatarctl_global_optspecs
    string join \n p/provider= profile= api-key= api-key-file= base-url= timeout= retries= concurrency= o/output= fields= jq= csv-safe raw utc show-secrets no-headers wide color= v/verbose q/quiet h/help V/version
end

function __fish_avatarctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_avatarctl_global_optspecs) -- $cmd 2>/dev/null
    or return 0
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_avatarctl_using_subcommand
    set -l cmd (__fish_avatarctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c avatarctl -n "__fish_avatarctl_needs_command" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_needs_command" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -f -a "sessions" -d 'List sessions, or show them in full'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -f -a "session" -d 'List sessions, or show them in full'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -f -a "usage" -d 'Plan minutes, concurrency and sessions active now'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -f -a "auth" -d 'Which API key is in use, and whether the provider accepts it'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -f -a "providers" -d 'The providers, their API key env vars and base URLs'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c avatarctl -n "__fish_avatarctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "list" -d 'List sessions, in the order the provider returns them'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "ls" -d 'List sessions, in the order the provider returns them'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "get" -d 'Show sessions in full, fetched concurrently and printed in the order given'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "transcript" -d 'What was said in sessions, message by message'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "recording" -d 'A session\'s recording: its download URL, or the file itself with --download'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "analytics" -d 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "stats" -d 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l page -d 'One page, as the provider numbers them (from 1)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l per-page -d 'Sessions per page, with --page (anam: 1-100; tavus: 1-100) [default: 20]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l limit -d 'At most N sessions, fetching as many pages as needed [default: 20]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l sort -d 'Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls last. Reads the whole selection and holds it in memory, then applies --limit' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l search -d 'anam: sessions whose ID or client label matches' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l persona-id -d 'anam: sessions of one persona' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l api-key-id -d 'anam: sessions minted with one API key' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l status -d 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves' -r -f -a "active\t''
ended\t''
created\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l since -d 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l until -d 'Sessions that started before TIME (exclusive; the forms of --since). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l end-reason -d 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "provider\t''
id\t''
status\t''
end_reason\t''
started_at\t''
ended_at\t''
duration_ms\t''
persona_id\t''
persona_name\t''
label\t''
created_at\t''
raw\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l all -d 'Every session: page 1 tells how many pages there are, the rest are fetched concurrently'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l page -d 'One page, as the provider numbers them (from 1)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l per-page -d 'Sessions per page, with --page (anam: 1-100; tavus: 1-100) [default: 20]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l limit -d 'At most N sessions, fetching as many pages as needed [default: 20]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls last. Reads the whole selection and holds it in memory, then applies --limit' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l search -d 'anam: sessions whose ID or client label matches' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l persona-id -d 'anam: sessions of one persona' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l api-key-id -d 'anam: sessions minted with one API key' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l status -d 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves' -r -f -a "active\t''
ended\t''
created\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l since -d 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l until -d 'Sessions that started before TIME (exclusive; the forms of --since). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l end-reason -d 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "provider\t''
id\t''
status\t''
end_reason\t''
started_at\t''
ended_at\t''
duration_ms\t''
persona_id\t''
persona_name\t''
label\t''
created_at\t''
raw\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l all -d 'Every session: page 1 tells how many pages there are, the rest are fetched concurrently'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "provider\t''
id\t''
status\t''
end_reason\t''
started_at\t''
ended_at\t''
duration_ms\t''
persona_id\t''
persona_name\t''
label\t''
created_at\t''
raw\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "session_id\t''
index\t''
at\t''
offset_ms\t''
role\t''
text\t''
speaking_ms\t''
interrupted\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from transcript" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l download -d 'Download the recording to PATH (`-`: stdout) instead of printing its URL: written to PATH.part, renamed when complete' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l force -d 'With --download: replace PATH if it exists'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from recording" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l since -d 'Aggregate: the window\'s start (RFC 3339, a date, or a span back from now such as 7d) [default: 24 hours before --until]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l until -d 'Aggregate: the window\'s end, exclusive [default: now]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l persona-id -d 'Aggregate: only sessions of one persona' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l api-key-id -d 'Aggregate: only sessions minted with one API key' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l label -d 'Aggregate: only sessions whose client label is exactly LABEL' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l session-type -d 'Aggregate: only sessions of one type' -r -f -a "turnkey\t''
custom-llm-server\t''
custom-llm-client\t''
livekit\t''
elevenlabs-agent\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l messages -d 'With IDs: each turn\'s user and persona text too (when transcripts were on)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from analytics" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l limit -d 'At most N sessions (those the selection keeps), as `sessions list --limit N` would list them [default: every page]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l by -d 'Group by KEY[,KEY...]: provider, status, end_reason, persona (its name, else its ID), label, day, week (ISO, 2026-W17), month, hour — time keys by start, in local time or with --utc in UTC' -r -f -a "provider\t''
status\t''
end_reason\t''
persona\t'`persona_name`, else `persona_id`'
label\t''
day\t'`2026-04-20`, by the session\'s start'
week\t'The ISO week, `2026-W17`'
month\t'`2026-04`'
hour\t'`2026-04-20T09`'"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l error-reasons -d 'The end reasons that count as errors, exactly, ignoring case (e.g. ERROR,TIMEOUT) [default: any reason containing ERROR or FAIL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l check -d 'A gate on the total, \'METRIC OP VALUE\' (repeatable): OP one of < <= > >= == !=; VALUE a number, a percentage for error_rate (5%), or a duration for duration_ms_* metrics (10m, 500ms). Any failed check exits 7; a metric with no data passes, with a note. Checked only when every page was read' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l sort -d 'Refused: stats reads the whole selection, in any order' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l page -d 'Refused: stats reads every page (or --limit N sessions)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l per-page -d 'Refused: stats chooses its own page size' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l search -d 'anam: sessions whose ID or client label matches' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l persona-id -d 'anam: sessions of one persona' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l api-key-id -d 'anam: sessions minted with one API key' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l status -d 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves' -r -f -a "active\t''
ended\t''
created\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l since -d 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l until -d 'Sessions that started before TIME (exclusive; the forms of --since). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l end-reason -d 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l all -d 'Every page: what stats reads anyway unless --limit is given'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "list" -d 'List sessions, in the order the provider returns them'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show sessions in full, fetched concurrently and printed in the order given'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "transcript" -d 'What was said in sessions, message by message'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "recording" -d 'A session\'s recording: its download URL, or the file itself with --download'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "analytics" -d 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "stats" -d 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "list" -d 'List sessions, in the order the provider returns them'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "ls" -d 'List sessions, in the order the provider returns them'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "get" -d 'Show sessions in full, fetched concurrently and printed in the order given'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "transcript" -d 'What was said in sessions, message by message'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "recording" -d 'A session\'s recording: its download URL, or the file itself with --download'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "analytics" -d 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "stats" -d 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and not __fish_seen_subcommand_from list ls get transcript recording analytics stats help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l page -d 'One page, as the provider numbers them (from 1)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l per-page -d 'Sessions per page, with --page (anam: 1-100; tavus: 1-100) [default: 20]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l limit -d 'At most N sessions, fetching as many pages as needed [default: 20]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l sort -d 'Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls last. Reads the whole selection and holds it in memory, then applies --limit' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l search -d 'anam: sessions whose ID or client label matches' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l persona-id -d 'anam: sessions of one persona' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l api-key-id -d 'anam: sessions minted with one API key' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l status -d 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves' -r -f -a "active\t''
ended\t''
created\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l since -d 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l until -d 'Sessions that started before TIME (exclusive; the forms of --since). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l end-reason -d 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "provider\t''
id\t''
status\t''
end_reason\t''
started_at\t''
ended_at\t''
duration_ms\t''
persona_id\t''
persona_name\t''
label\t''
created_at\t''
raw\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l all -d 'Every session: page 1 tells how many pages there are, the rest are fetched concurrently'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l page -d 'One page, as the provider numbers them (from 1)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l per-page -d 'Sessions per page, with --page (anam: 1-100; tavus: 1-100) [default: 20]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l limit -d 'At most N sessions, fetching as many pages as needed [default: 20]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls last. Reads the whole selection and holds it in memory, then applies --limit' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l search -d 'anam: sessions whose ID or client label matches' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l persona-id -d 'anam: sessions of one persona' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l api-key-id -d 'anam: sessions minted with one API key' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l status -d 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves' -r -f -a "active\t''
ended\t''
created\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l since -d 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l until -d 'Sessions that started before TIME (exclusive; the forms of --since). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l end-reason -d 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "provider\t''
id\t''
status\t''
end_reason\t''
started_at\t''
ended_at\t''
duration_ms\t''
persona_id\t''
persona_name\t''
label\t''
created_at\t''
raw\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l all -d 'Every session: page 1 tells how many pages there are, the rest are fetched concurrently'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "provider\t''
id\t''
status\t''
end_reason\t''
started_at\t''
ended_at\t''
duration_ms\t''
persona_id\t''
persona_name\t''
label\t''
created_at\t''
raw\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "session_id\t''
index\t''
at\t''
offset_ms\t''
role\t''
text\t''
speaking_ms\t''
interrupted\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from transcript" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l download -d 'Download the recording to PATH (`-`: stdout) instead of printing its URL: written to PATH.part, renamed when complete' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l force -d 'With --download: replace PATH if it exists'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from recording" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l since -d 'Aggregate: the window\'s start (RFC 3339, a date, or a span back from now such as 7d) [default: 24 hours before --until]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l until -d 'Aggregate: the window\'s end, exclusive [default: now]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l persona-id -d 'Aggregate: only sessions of one persona' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l api-key-id -d 'Aggregate: only sessions minted with one API key' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l label -d 'Aggregate: only sessions whose client label is exactly LABEL' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l session-type -d 'Aggregate: only sessions of one type' -r -f -a "turnkey\t''
custom-llm-server\t''
custom-llm-client\t''
livekit\t''
elevenlabs-agent\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l messages -d 'With IDs: each turn\'s user and persona text too (when transcripts were on)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from analytics" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l limit -d 'At most N sessions (those the selection keeps), as `sessions list --limit N` would list them [default: every page]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l by -d 'Group by KEY[,KEY...]: provider, status, end_reason, persona (its name, else its ID), label, day, week (ISO, 2026-W17), month, hour — time keys by start, in local time or with --utc in UTC' -r -f -a "provider\t''
status\t''
end_reason\t''
persona\t'`persona_name`, else `persona_id`'
label\t''
day\t'`2026-04-20`, by the session\'s start'
week\t'The ISO week, `2026-W17`'
month\t'`2026-04`'
hour\t'`2026-04-20T09`'"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l error-reasons -d 'The end reasons that count as errors, exactly, ignoring case (e.g. ERROR,TIMEOUT) [default: any reason containing ERROR or FAIL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l check -d 'A gate on the total, \'METRIC OP VALUE\' (repeatable): OP one of < <= > >= == !=; VALUE a number, a percentage for error_rate (5%), or a duration for duration_ms_* metrics (10m, 500ms). Any failed check exits 7; a metric with no data passes, with a note. Checked only when every page was read' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l sort -d 'Refused: stats reads the whole selection, in any order' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l page -d 'Refused: stats reads every page (or --limit N sessions)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l per-page -d 'Refused: stats chooses its own page size' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l search -d 'anam: sessions whose ID or client label matches' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l persona-id -d 'anam: sessions of one persona' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l api-key-id -d 'anam: sessions minted with one API key' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l status -d 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves' -r -f -a "active\t''
ended\t''
created\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l since -d 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l until -d 'Sessions that started before TIME (exclusive; the forms of --since). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l end-reason -d 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l all -d 'Every page: what stats reads anyway unless --limit is given'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "list" -d 'List sessions, in the order the provider returns them'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show sessions in full, fetched concurrently and printed in the order given'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "transcript" -d 'What was said in sessions, message by message'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "recording" -d 'A session\'s recording: its download URL, or the file itself with --download'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "analytics" -d 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "stats" -d 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r -f -a "provider\t''
period_start\t''
period_end\t''
minutes_included\t''
minutes_used\t''
minutes_remaining\t''
minutes_purchased\t''
minutes_purchased_remaining\t''
active_sessions\t''
concurrency_limit\t''
can_start\t''
estimated_wait_ms\t''
plan\t''
raw\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand usage" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and not __fish_seen_subcommand_from status help" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and not __fish_seen_subcommand_from status help" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and not __fish_seen_subcommand_from status help" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and not __fish_seen_subcommand_from status help" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and not __fish_seen_subcommand_from status help" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and not __fish_seen_subcommand_from status help" -f -a "status" -d 'For the selected provider, or every provider with a key: where its key comes from (never the key), the base URL in effect, and whether the provider accepts the key (one cheap request each). Exit 4 if any key is refused'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and not __fish_seen_subcommand_from status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s p -l provider -d 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]' -r -f -a "anam\t''
agenthuman\t''
tavus\t''
beyondpresence\t''
all\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]' -r -f -a '(avatarctl complete-profiles 2>/dev/null)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l api-key -d 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l api-key-file -d 'Read the API key from a file (`-` for stdin), keeping it out of the process list' -r -F
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'The provider\'s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l retries -d 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l concurrency -d 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'For the selected provider, or every provider with a key: where its key comes from (never the key), the base URL in effect, and whether the provider accepts the key (one cheap request each). Exit 4 if any key is refused'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -s o -l output -d 'Output format [env: AVATARCTL_OUTPUT] [default: table]' -r -f -a "table\t''
json\t''
ndjson\t''
csv\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l fields -l columns -d 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l jq -d 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw' -r
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l csv-safe -d 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with \''
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l raw -d 'JSON/NDJSON: each provider object exactly as the API returned it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l utc -d 'Tables: show times in UTC instead of local time'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l show-secrets -d 'Print credential fields of responses instead of `[REDACTED]`'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l no-headers -d 'Tables and CSV: leave out the header row (for scripts that read columns)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -l wide -d 'Tables: every column at full width, even on a terminal (nothing cut or left out)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -s h -l help -d 'Print help'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand providers" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand completions" -l color -d 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c avatarctl -n "__fish_avatarctl_using_subcommand completions" -s v -l verbose -d 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand completions" -s q -l quiet -d 'No hints or progress on stderr (errors are still printed)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and not __fish_seen_subcommand_from sessions usage auth providers completions help" -f -a "sessions" -d 'List sessions, or show them in full'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and not __fish_seen_subcommand_from sessions usage auth providers completions help" -f -a "usage" -d 'Plan minutes, concurrency and sessions active now'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and not __fish_seen_subcommand_from sessions usage auth providers completions help" -f -a "auth" -d 'Which API key is in use, and whether the provider accepts it'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and not __fish_seen_subcommand_from sessions usage auth providers completions help" -f -a "providers" -d 'The providers, their API key env vars and base URLs'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and not __fish_seen_subcommand_from sessions usage auth providers completions help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and not __fish_seen_subcommand_from sessions usage auth providers completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "list" -d 'List sessions, in the order the provider returns them'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "get" -d 'Show sessions in full, fetched concurrently and printed in the order given'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "transcript" -d 'What was said in sessions, message by message'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "recording" -d 'A session\'s recording: its download URL, or the file itself with --download'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "analytics" -d 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "stats" -d 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'For the selected provider, or every provider with a key: where its key comes from (never the key), the base URL in effect, and whether the provider accepts the key (one cheap request each). Exit 4 if any key is refused'
complete -c avatarctl -n "__fish_avatarctl_using_subcommand completions" -f -a "bash elvish fish powershell zsh"
