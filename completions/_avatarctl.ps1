
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'avatarctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'avatarctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'avatarctl' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List sessions, or show them in full')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'List sessions, or show them in full')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Plan minutes, concurrency and sessions active now')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Which API key is in use, and whether the provider accepts it')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'The providers, their API key env vars and base URLs')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'avatarctl;sessions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, in the order the provider returns them')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List sessions, in the order the provider returns them')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show sessions in full, fetched concurrently and printed in the order given')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'What was said in sessions, message by message')
            [CompletionResult]::new('recording', 'recording', [CompletionResultType]::ParameterValue, 'A session''s recording: its download URL, or the file itself with --download')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'avatarctl;session' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, in the order the provider returns them')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List sessions, in the order the provider returns them')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show sessions in full, fetched concurrently and printed in the order given')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'What was said in sessions, message by message')
            [CompletionResult]::new('recording', 'recording', [CompletionResultType]::ParameterValue, 'A session''s recording: its download URL, or the file itself with --download')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'avatarctl;sessions;list' {
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'One page, as the provider numbers them (from 1)')
            [CompletionResult]::new('--per-page', '--per-page', [CompletionResultType]::ParameterName, 'Sessions per page, with --page (anam: 1-100; tavus: 1-100) [default: 20]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N sessions, fetching as many pages as needed [default: 20]')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls last. Reads the whole selection and holds it in memory, then applies --limit')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'anam: sessions whose ID or client label matches')
            [CompletionResult]::new('--persona-id', '--persona-id', [CompletionResultType]::ParameterName, 'anam: sessions of one persona')
            [CompletionResult]::new('--api-key-id', '--api-key-id', [CompletionResultType]::ParameterName, 'anam: sessions minted with one API key')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Sessions that started before TIME (exclusive; the forms of --since). Checked here')
            [CompletionResult]::new('--end-reason', '--end-reason', [CompletionResultType]::ParameterName, 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every session: page 1 tells how many pages there are, the rest are fetched concurrently')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;sessions;ls' {
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'One page, as the provider numbers them (from 1)')
            [CompletionResult]::new('--per-page', '--per-page', [CompletionResultType]::ParameterName, 'Sessions per page, with --page (anam: 1-100; tavus: 1-100) [default: 20]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N sessions, fetching as many pages as needed [default: 20]')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls last. Reads the whole selection and holds it in memory, then applies --limit')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'anam: sessions whose ID or client label matches')
            [CompletionResult]::new('--persona-id', '--persona-id', [CompletionResultType]::ParameterName, 'anam: sessions of one persona')
            [CompletionResult]::new('--api-key-id', '--api-key-id', [CompletionResultType]::ParameterName, 'anam: sessions minted with one API key')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Sessions that started before TIME (exclusive; the forms of --since). Checked here')
            [CompletionResult]::new('--end-reason', '--end-reason', [CompletionResultType]::ParameterName, 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every session: page 1 tells how many pages there are, the rest are fetched concurrently')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;session;list' {
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'One page, as the provider numbers them (from 1)')
            [CompletionResult]::new('--per-page', '--per-page', [CompletionResultType]::ParameterName, 'Sessions per page, with --page (anam: 1-100; tavus: 1-100) [default: 20]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N sessions, fetching as many pages as needed [default: 20]')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls last. Reads the whole selection and holds it in memory, then applies --limit')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'anam: sessions whose ID or client label matches')
            [CompletionResult]::new('--persona-id', '--persona-id', [CompletionResultType]::ParameterName, 'anam: sessions of one persona')
            [CompletionResult]::new('--api-key-id', '--api-key-id', [CompletionResultType]::ParameterName, 'anam: sessions minted with one API key')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Sessions that started before TIME (exclusive; the forms of --since). Checked here')
            [CompletionResult]::new('--end-reason', '--end-reason', [CompletionResultType]::ParameterName, 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every session: page 1 tells how many pages there are, the rest are fetched concurrently')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;session;ls' {
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'One page, as the provider numbers them (from 1)')
            [CompletionResult]::new('--per-page', '--per-page', [CompletionResultType]::ParameterName, 'Sessions per page, with --page (anam: 1-100; tavus: 1-100) [default: 20]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N sessions, fetching as many pages as needed [default: 20]')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by session fields, `-` before one for descending (--sort -duration_ms,id); nulls last. Reads the whole selection and holds it in memory, then applies --limit')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'anam: sessions whose ID or client label matches')
            [CompletionResult]::new('--persona-id', '--persona-id', [CompletionResultType]::ParameterName, 'anam: sessions of one persona')
            [CompletionResult]::new('--api-key-id', '--api-key-id', [CompletionResultType]::ParameterName, 'anam: sessions minted with one API key')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Sessions that started before TIME (exclusive; the forms of --since). Checked here')
            [CompletionResult]::new('--end-reason', '--end-reason', [CompletionResultType]::ParameterName, 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every session: page 1 tells how many pages there are, the rest are fetched concurrently')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;sessions;get' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;session;get' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;sessions;transcript' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;session;transcript' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;sessions;recording' {
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'Download the recording to PATH (`-`: stdout) instead of printing its URL: written to PATH.part, renamed when complete')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --download: replace PATH if it exists')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;session;recording' {
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'Download the recording to PATH (`-`: stdout) instead of printing its URL: written to PATH.part, renamed when complete')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --download: replace PATH if it exists')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;sessions;analytics' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Aggregate: the window''s start (RFC 3339, a date, or a span back from now such as 7d) [default: 24 hours before --until]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Aggregate: the window''s end, exclusive [default: now]')
            [CompletionResult]::new('--persona-id', '--persona-id', [CompletionResultType]::ParameterName, 'Aggregate: only sessions of one persona')
            [CompletionResult]::new('--api-key-id', '--api-key-id', [CompletionResultType]::ParameterName, 'Aggregate: only sessions minted with one API key')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Aggregate: only sessions whose client label is exactly LABEL')
            [CompletionResult]::new('--session-type', '--session-type', [CompletionResultType]::ParameterName, 'Aggregate: only sessions of one type')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--messages', '--messages', [CompletionResultType]::ParameterName, 'With IDs: each turn''s user and persona text too (when transcripts were on)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;session;analytics' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Aggregate: the window''s start (RFC 3339, a date, or a span back from now such as 7d) [default: 24 hours before --until]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Aggregate: the window''s end, exclusive [default: now]')
            [CompletionResult]::new('--persona-id', '--persona-id', [CompletionResultType]::ParameterName, 'Aggregate: only sessions of one persona')
            [CompletionResult]::new('--api-key-id', '--api-key-id', [CompletionResultType]::ParameterName, 'Aggregate: only sessions minted with one API key')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Aggregate: only sessions whose client label is exactly LABEL')
            [CompletionResult]::new('--session-type', '--session-type', [CompletionResultType]::ParameterName, 'Aggregate: only sessions of one type')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--messages', '--messages', [CompletionResultType]::ParameterName, 'With IDs: each turn''s user and persona text too (when transcripts were on)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;sessions;stats' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N sessions (those the selection keeps), as `sessions list --limit N` would list them [default: every page]')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group by KEY[,KEY...]: provider, status, end_reason, persona (its name, else its ID), label, day, week (ISO, 2026-W17), month, hour — time keys by start, in local time or with --utc in UTC')
            [CompletionResult]::new('--error-reasons', '--error-reasons', [CompletionResultType]::ParameterName, 'The end reasons that count as errors, exactly, ignoring case (e.g. ERROR,TIMEOUT) [default: any reason containing ERROR or FAIL]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'A gate on the total, ''METRIC OP VALUE'' (repeatable): OP one of < <= > >= == !=; VALUE a number, a percentage for error_rate (5%), or a duration for duration_ms_* metrics (10m, 500ms). Any failed check exits 7; a metric with no data passes, with a note. Checked only when every page was read')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Refused: stats reads the whole selection, in any order')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Refused: stats reads every page (or --limit N sessions)')
            [CompletionResult]::new('--per-page', '--per-page', [CompletionResultType]::ParameterName, 'Refused: stats chooses its own page size')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'anam: sessions whose ID or client label matches')
            [CompletionResult]::new('--persona-id', '--persona-id', [CompletionResultType]::ParameterName, 'anam: sessions of one persona')
            [CompletionResult]::new('--api-key-id', '--api-key-id', [CompletionResultType]::ParameterName, 'anam: sessions minted with one API key')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Sessions that started before TIME (exclusive; the forms of --since). Checked here')
            [CompletionResult]::new('--end-reason', '--end-reason', [CompletionResultType]::ParameterName, 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page: what stats reads anyway unless --limit is given')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;session;stats' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N sessions (those the selection keeps), as `sessions list --limit N` would list them [default: every page]')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group by KEY[,KEY...]: provider, status, end_reason, persona (its name, else its ID), label, day, week (ISO, 2026-W17), month, hour — time keys by start, in local time or with --utc in UTC')
            [CompletionResult]::new('--error-reasons', '--error-reasons', [CompletionResultType]::ParameterName, 'The end reasons that count as errors, exactly, ignoring case (e.g. ERROR,TIMEOUT) [default: any reason containing ERROR or FAIL]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'A gate on the total, ''METRIC OP VALUE'' (repeatable): OP one of < <= > >= == !=; VALUE a number, a percentage for error_rate (5%), or a duration for duration_ms_* metrics (10m, 500ms). Any failed check exits 7; a metric with no data passes, with a note. Checked only when every page was read')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Refused: stats reads the whole selection, in any order')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Refused: stats reads every page (or --limit N sessions)')
            [CompletionResult]::new('--per-page', '--per-page', [CompletionResultType]::ParameterName, 'Refused: stats chooses its own page size')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'anam: sessions whose ID or client label matches')
            [CompletionResult]::new('--persona-id', '--persona-id', [CompletionResultType]::ParameterName, 'anam: sessions of one persona')
            [CompletionResult]::new('--api-key-id', '--api-key-id', [CompletionResultType]::ParameterName, 'anam: sessions minted with one API key')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Sessions with this status: active (started), ended or created. Checked here for every provider, and sent to agenthuman, tavus too, which filter it themselves')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Sessions that started at or after TIME (RFC 3339; a local date or date-time such as 2026-04-20 or "2026-04-20 09:00", read in TZ or with --utc in UTC; or a span back from now: 30m, 24h, 7d, 2w). Checked here: no provider filters by date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Sessions that started before TIME (exclusive; the forms of --since). Checked here')
            [CompletionResult]::new('--end-reason', '--end-reason', [CompletionResultType]::ParameterName, 'Sessions whose end reason is one of LIST, exactly, ignoring case (e.g. ERROR,TIMEOUT). Checked here')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page: what stats reads anyway unless --limit is given')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;sessions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, in the order the provider returns them')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show sessions in full, fetched concurrently and printed in the order given')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'What was said in sessions, message by message')
            [CompletionResult]::new('recording', 'recording', [CompletionResultType]::ParameterValue, 'A session''s recording: its download URL, or the file itself with --download')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'avatarctl;sessions;help;list' {
            break
        }
        'avatarctl;sessions;help;get' {
            break
        }
        'avatarctl;sessions;help;transcript' {
            break
        }
        'avatarctl;sessions;help;recording' {
            break
        }
        'avatarctl;sessions;help;analytics' {
            break
        }
        'avatarctl;sessions;help;stats' {
            break
        }
        'avatarctl;sessions;help;help' {
            break
        }
        'avatarctl;session;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, in the order the provider returns them')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show sessions in full, fetched concurrently and printed in the order given')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'What was said in sessions, message by message')
            [CompletionResult]::new('recording', 'recording', [CompletionResultType]::ParameterValue, 'A session''s recording: its download URL, or the file itself with --download')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'avatarctl;session;help;list' {
            break
        }
        'avatarctl;session;help;get' {
            break
        }
        'avatarctl;session;help;transcript' {
            break
        }
        'avatarctl;session;help;recording' {
            break
        }
        'avatarctl;session;help;analytics' {
            break
        }
        'avatarctl;session;help;stats' {
            break
        }
        'avatarctl;session;help;help' {
            break
        }
        'avatarctl;usage' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;auth' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'For the selected provider, or every provider with a key: where its key comes from (never the key), the base URL in effect, and whether the provider accepts the key (one cheap request each). Exit 4 if any key is refused')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'avatarctl;auth;status' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Which provider, or `all`: every provider whose API key env var is set (sessions list, sessions stats, usage) [env: AVATARCTL_PROVIDER] [default: the one whose API key env var is set]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a profile of the config file: its provider, base URL and key [env: AVATARCTL_PROFILE]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The API key [default: $ANAM_API_KEY or $AGENTHUMAN_API_KEY or $TAVUS_API_KEY or $BEY_API_KEY, for the provider]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'Read the API key from a file (`-` for stdin), keeping it out of the process list')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The provider''s API root, for proxies, regional endpoints and tests (https, or http on loopback) [env: AVATARCTL_BASE_URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout, e.g. 30s, 2m, 500ms [env: AVATARCTL_TIMEOUT] [default: 30s]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0-10) for 429, 5xx, connection errors and timeouts [default: 3]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once (1-64): pages for --all and --limit, IDs for get; halves by itself on 429 [default: 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;auth;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'For the selected provider, or every provider with a key: where its key comes from (never the key), the base URL in effect, and whether the provider accepts the key (one cheap request each). Exit 4 if any key is refused')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'avatarctl;auth;help;status' {
            break
        }
        'avatarctl;auth;help;help' {
            break
        }
        'avatarctl;providers' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [env: AVATARCTL_OUTPUT] [default: table]')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Comma-separated fields to show; dotted paths reach into raw (raw.personaConfig.name)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output with a jq expression (built in: no jq needed); implies -o json, applies to each line with -o ndjson; strings print raw')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('--csv-safe', '--csv-safe', [CompletionResultType]::ParameterName, 'CSV for spreadsheets: prefix cells that start with = + - @ tab or CR with ''')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'JSON/NDJSON: each provider object exactly as the API returned it')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Tables: show times in UTC instead of local time')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print credential fields of responses instead of `[REDACTED]`')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Tables and CSV: leave out the header row (for scripts that read columns)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Tables: every column at full width, even on a terminal (nothing cut or left out)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, time) to stderr, secrets redacted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No hints or progress on stderr (errors are still printed)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'avatarctl;help' {
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List sessions, or show them in full')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Plan minutes, concurrency and sessions active now')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Which API key is in use, and whether the provider accepts it')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'The providers, their API key env vars and base URLs')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'avatarctl;help;sessions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, in the order the provider returns them')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show sessions in full, fetched concurrently and printed in the order given')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'What was said in sessions, message by message')
            [CompletionResult]::new('recording', 'recording', [CompletionResultType]::ParameterValue, 'A session''s recording: its download URL, or the file itself with --download')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Per-turn latency reports of sessions; with no ID, the aggregate report over a window')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'How the selected sessions went: counts, minutes, errors and duration percentiles, in total and grouped with --by; --check makes it a CI gate (exit 7)')
            break
        }
        'avatarctl;help;sessions;list' {
            break
        }
        'avatarctl;help;sessions;get' {
            break
        }
        'avatarctl;help;sessions;transcript' {
            break
        }
        'avatarctl;help;sessions;recording' {
            break
        }
        'avatarctl;help;sessions;analytics' {
            break
        }
        'avatarctl;help;sessions;stats' {
            break
        }
        'avatarctl;help;usage' {
            break
        }
        'avatarctl;help;auth' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'For the selected provider, or every provider with a key: where its key comes from (never the key), the base URL in effect, and whether the provider accepts the key (one cheap request each). Exit 4 if any key is refused')
            break
        }
        'avatarctl;help;auth;status' {
            break
        }
        'avatarctl;help;providers' {
            break
        }
        'avatarctl;help;completions' {
            break
        }
        'avatarctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
